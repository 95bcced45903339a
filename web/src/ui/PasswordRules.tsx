/** The pool's password rules, each ticked off live as the user types. */
import type { PasswordRules as Rules } from '../config';

const checks = (rules: Rules) =>
  [
    { text: `At least ${rules.minimumLength} characters`, met: (p: string) => [...p].length >= rules.minimumLength, on: true },
    { text: 'An upper-case letter', met: (p: string) => /[A-Z]/.test(p), on: rules.requireUppercase },
    { text: 'A lower-case letter', met: (p: string) => /[a-z]/.test(p), on: rules.requireLowercase },
    { text: 'A number', met: (p: string) => /[0-9]/.test(p), on: rules.requireNumbers },
    { text: 'A symbol, such as ! or -', met: (p: string) => /[^A-Za-z0-9]/.test(p), on: rules.requireSymbols },
  ].filter((check) => check.on);

export function PasswordRules({ rules, password }: { rules: Rules | null; password: string }) {
  if (!rules) return <p>The password must meet the service's password policy.</p>;
  return (
    <ul className="rules" aria-label="Password rules">
      {checks(rules).map((check) => {
        const met = check.met(password);
        return (
          <li key={check.text} className={met ? 'met' : 'unmet'}>
            <span aria-hidden="true">{met ? '✓' : '○'}</span> {check.text}
            <span className="visually-hidden">{met ? ' (met)' : ' (not yet)'}</span>
          </li>
        );
      })}
    </ul>
  );
}
