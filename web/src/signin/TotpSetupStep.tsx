/**
 * CONTINUE_SIGN_IN_WITH_TOTP_SETUP (a pool with MFA required, for a user with no factor yet):
 * add the secret to an authenticator app (QR code drawn locally), then its first code.
 */
import { useServices } from '../api/services';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { TotpQr } from '../ui/TotpQr';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { answerStep } from './answer';
import type { StepProps } from './steps';

export function TotpSetupStep(props: StepProps) {
  const { asApp } = useServices();
  const details = props.result.nextStep.totpSetupDetails;
  const form = useForm({ code: '' }, ['code']);
  const confirm = useAction(() => answerStep(asApp, props, form.values.code.trim()), { onFailure: form.clearSecrets });
  if (!details) return <p className="error">The setup details are missing. Start signing in again.</p>;
  return (
    <>
      <p>This account needs an authenticator app for two-step verification. Add it now.</p>
      <TotpQr setupUri={details.setupUri} secret={details.sharedSecret} />
      <Form action={confirm} submitLabel="Finish setup and sign in" pendingLabel="Checking…">
        <Field label="Code from the app" autoComplete="one-time-code" inputMode="numeric" required {...form.field('code')} />
      </Form>
    </>
  );
}
