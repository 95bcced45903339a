/** RESET_PASSWORD: an administrator required a new password; the code sent to the account sets it. */
import { ResetPasswordForm } from '../account/ResetPasswordForm';
import type { StepProps } from './steps';

export function ResetPasswordStep({ username, restart }: StepProps) {
  return (
    <>
      <p>This account needs a new password. Enter the reset code sent to its email address (or ask for a new one) and choose a new password.</p>
      <ResetPasswordForm username={username} onReset={() => restart('Your password has been reset. Sign in with the new one.')} />
    </>
  );
}
