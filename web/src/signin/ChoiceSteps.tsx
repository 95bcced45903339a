/**
 * The steps that are a choice: which second factor (CONTINUE_SIGN_IN_WITH_MFA_SELECTION, or
 * which to set up, _MFA_SETUP_SELECTION), and which first factor for a choice-based sign-in
 * (CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION). One button per choice the API offers.
 */
import { useServices } from '../api/services';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SubmitButton } from '../ui/SubmitButton';
import { useAction } from '../ui/useAction';
import { answerStep } from './answer';
import type { StepProps } from './steps';

const LABELS: Record<string, string> = {
  TOTP: 'Authenticator app',
  EMAIL: 'Code by email',
  SMS: 'Code by text message',
  PASSWORD: 'Password',
  EMAIL_OTP: 'Email me a code',
  SMS_OTP: 'Text me a code',
};

function Choices({ intro, choices, props }: { intro: string; choices: readonly string[]; props: StepProps }) {
  const { asApp } = useServices();
  const choose = useAction((choice: string) => answerStep(asApp, props, choice));
  return (
    <>
      <p>{intro}</p>
      <div className="actions" role="group" aria-label="Choices">
        {choices.map((choice) => (
          <SubmitButton key={choice} type="button" pending={choose.pending} label={LABELS[choice] ?? choice} pendingLabel="Continuing…" onClick={() => void choose.run(choice)} />
        ))}
        <button type="button" className="secondary" onClick={() => props.restart()}>
          Start again
        </button>
      </div>
      <ErrorNotice error={choose.error} />
    </>
  );
}

export function MfaSelectionStep(props: StepProps) {
  const setup = props.result.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION';
  return (
    <Choices
      props={props}
      intro={setup ? 'This account needs two-step verification. Choose how to set it up.' : 'How do you want to confirm it is you?'}
      choices={props.result.nextStep.allowedMfaTypes ?? []}
    />
  );
}

export function FirstFactorStep(props: StepProps) {
  return <Choices props={props} intro="How do you want to sign in?" choices={props.result.nextStep.availableChallenges ?? []} />;
}
