/** A step this app cannot take yet: said plainly, with the way back. */
import type { StepProps } from './steps';

export function UnknownStep({ result, restart }: StepProps) {
  return (
    <div className="error" role="alert">
      <p>
        <strong>This sign-in needs a step this app does not support yet</strong> ({result.nextStep.signInStep}). Sign in with another app, or ask your administrator for help.
      </p>
      <button type="button" className="secondary" onClick={() => restart()}>
        Back to sign-in
      </button>
    </div>
  );
}
