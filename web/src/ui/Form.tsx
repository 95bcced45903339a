/**
 * A form with one action: its fields, the action's failure (ErrorNotice), and a submit button
 * that shows progress while the action runs. Submitting again while it runs does nothing.
 */
import type { ReactNode } from 'react';
import type { Action } from './useAction';
import { ErrorNotice } from './ErrorNotice';
import { SubmitButton } from './SubmitButton';

interface FormProps {
  action: Action;
  submitLabel: string;
  /** What the button says while the action runs ("Signing in…"). */
  pendingLabel: string;
  children: ReactNode;
  /** Shown next to the submit button (a secondary link or button). */
  aside?: ReactNode;
  danger?: boolean;
}

export function Form({ action, submitLabel, pendingLabel, children, aside, danger }: FormProps) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void action.run();
      }}
    >
      {children}
      <ErrorNotice error={action.error} />
      <div className="actions">
        <SubmitButton pending={action.pending} label={submitLabel} pendingLabel={pendingLabel} danger={danger} />
        {aside}
      </div>
    </form>
  );
}
