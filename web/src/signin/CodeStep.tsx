/**
 * CONFIRM_SIGN_IN_WITH_TOTP_CODE / _EMAIL_CODE / _SMS_CODE: a 6-digit code, from the
 * authenticator app or the message sent to the masked address shown. A wrong code can be tried
 * again with the same step (a few times); the code is cleared after a failure.
 */
import { useServices } from '../api/services';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { answerStep } from './answer';
import type { StepProps } from './steps';

function prompt(step: string, destination: string | undefined): string {
  if (step === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') return 'Enter the 6-digit code from your authenticator app.';
  const where = destination ? ` to ${destination}` : '';
  return step === 'CONFIRM_SIGN_IN_WITH_SMS_CODE' ? `We sent a code by text message${where}. Enter it to continue.` : `We sent a code by email${where}. Enter it to continue.`;
}

export function CodeStep(props: StepProps) {
  const { asApp } = useServices();
  const { result, restart } = props;
  const form = useForm({ code: '' }, ['code']);
  const confirm = useAction(() => answerStep(asApp, props, form.values.code.trim()), { onFailure: form.clearSecrets });
  return (
    <>
      <p>{prompt(result.nextStep.signInStep, result.nextStep.codeDeliveryDetails?.destination ?? undefined)}</p>
      <Form
        action={confirm}
        submitLabel="Continue"
        pendingLabel="Checking…"
        aside={
          <button type="button" className="secondary" onClick={() => restart()}>
            Start again
          </button>
        }
      >
        <Field label="Code" autoComplete="one-time-code" inputMode="numeric" required {...form.field('code')} />
      </Form>
    </>
  );
}
