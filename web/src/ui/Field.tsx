/**
 * The one form field: a label tied to its input, an optional description (hint, rules) read out
 * with it, and the invalid state. Checkbox is its sibling for the one control whose label
 * follows it.
 */
import { type ReactNode, useId } from 'react';

export interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  required?: boolean;
  invalid?: boolean;
  /** A select instead of an input. */
  options?: readonly { value: string; label: string }[];
  /** Read out with the field: a hint, the password rules. */
  children?: ReactNode;
}

export function Field({ label, name, value, onChange, type = 'text', autoComplete, inputMode, required, invalid, options, children }: FieldProps) {
  const id = useId();
  const describedBy = children ? `${id}-description` : undefined;
  const common = { id, name, value, required, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> (optional)</span>}
      </label>
      {options ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />
      )}
      {children ? (
        <div id={describedBy} className="field-description">
          {children}
        </div>
      ) : null}
    </div>
  );
}

export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
