/**
 * A destructive action behind a confirmation: the first press asks (and moves focus to the
 * confirming button), the second does it. Cancel, or Escape, steps back.
 */
import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from './ErrorNotice';
import { SubmitButton } from './SubmitButton';
import type { Action } from './useAction';

interface ConfirmButtonProps {
  label: string;
  /** What the user is asked before it happens. */
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  action: Action;
}

export function ConfirmButton({ label, question, confirmLabel, pendingLabel, action }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.querySelector('button')?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <div className="confirm">
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          {label}
        </button>
        <ErrorNotice error={action.error} />
      </div>
    );
  }
  return (
    <div className="confirm asking" ref={confirm} role="group" aria-label={label} onKeyDown={(event) => event.key === 'Escape' && setAsking(false)}>
      <p>{question}</p>
      <div className="actions">
        <SubmitButton type="button" danger pending={action.pending} label={confirmLabel} pendingLabel={pendingLabel} onClick={() => void action.run().finally(() => setAsking(false))} />
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
