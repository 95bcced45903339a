/**
 * A button that shows progress while its action runs. It stays focusable (aria-disabled, not
 * disabled), so a keyboard user's focus is not lost mid-action.
 */
interface SubmitButtonProps {
  pending: boolean;
  label: string;
  pendingLabel: string;
  type?: 'submit' | 'button';
  onClick?: () => void;
  danger?: boolean;
}

export function SubmitButton({ pending, label, pendingLabel, type = 'submit', onClick, danger }: SubmitButtonProps) {
  return (
    <button
      type={type}
      className={danger ? 'danger' : undefined}
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else onClick?.();
      }}
    >
      {pending ? (
        <>
          <span className="spinner" aria-hidden="true" /> {pendingLabel}
        </>
      ) : (
        label
      )}
    </button>
  );
}
