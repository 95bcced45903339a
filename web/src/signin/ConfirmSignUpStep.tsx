/** CONFIRM_SIGN_UP: the account was never confirmed; its code confirms it, then sign in again. */
import { ConfirmSignUpForm } from '../account/ConfirmSignUpForm';
import type { StepProps } from './steps';

export function ConfirmSignUpStep({ username, restart }: StepProps) {
  return (
    <>
      <p>This account is not confirmed yet. Enter the code from the email we sent to {username}, or ask for a new one.</p>
      <ConfirmSignUpForm username={username} onConfirmed={() => restart('Your account is confirmed. Sign in to continue.')} />
    </>
  );
}
