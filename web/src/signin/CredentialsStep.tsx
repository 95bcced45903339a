/**
 * The first step: email and password, or an emailed code instead of the password (USER_AUTH
 * with EMAIL_OTP), or the choices the pool offers. A device remembered for this account in this
 * browser (deviceStore.ts) goes with the password, so the API can skip MFA; one the API no
 * longer recognises is dropped and the sign-in tried once more without it. Forgotten passwords
 * and new accounts are one link away.
 */
import { ApiFailure } from '../api/failure';
import { useServices } from '../api/services';
import { type DeviceInput, SignInDocument, type SignInInput, type SignInStepFragment } from '../generated/graphql';
import { Link } from '../router/Link';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { SubmitButton } from '../ui/SubmitButton';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { deviceFor, dropDevice } from './deviceStore';

type Way = 'password' | 'emailCode' | 'choose';

export function CredentialsStep({ username, onAnswer }: { username?: string; onAnswer: (username: string, result: SignInStepFragment, device: DeviceInput | undefined, withPassword: boolean) => void }) {
  const { asApp } = useServices();
  const form = useForm({ email: username ?? '', password: '' }, ['password']);
  const send = async (input: SignInInput) => (await asApp(SignInDocument, { input }, { cookie: true })).signIn;
  const signIn = useAction(
    async (way: Way) => {
      const email = form.values.email.trim();
      if (way === 'emailCode' || way === 'choose') {
        const result = await send({ username: email, authFlow: 'USER_AUTH', preferredChallenge: way === 'emailCode' ? 'EMAIL_OTP' : undefined });
        if (result) onAnswer(email, result, undefined, false);
        return;
      }
      const password = form.values.password;
      let device = await deviceFor(email);
      let result;
      try {
        result = await send({ username: email, password, device });
      } catch (error) {
        if (!device || !(error instanceof ApiFailure) || error.code !== 'DEVICE_NOT_RECOGNIZED') throw error;
        // Forgotten (here or elsewhere) or no longer matching: sign in as a new device.
        await dropDevice(email);
        device = undefined;
        result = await send({ username: email, password });
      }
      if (result) onAnswer(email, result, device, true);
    },
    { onFailure: form.clearSecrets },
  );
  const withPassword = { run: () => signIn.run('password'), pending: signIn.pending, error: signIn.error };
  return (
    <>
      <Form
        action={withPassword}
        submitLabel="Sign in"
        pendingLabel="Signing in…"
        aside={
          <span className="links">
            <Link to="/forgot-password" state={{ username: form.values.email.trim() || undefined }}>
              Forgot your password?
            </Link>
            <Link to="/sign-up">Create an account</Link>
          </span>
        }
      >
        <Field label="Email" type="email" autoComplete="username" inputMode="email" required {...form.field('email')} />
        <Field label="Password" type="password" autoComplete="current-password" required {...form.field('password')} />
      </Form>
      <div className="other-ways">
        <p>Or, without your password:</p>
        <div className="actions">
          <SubmitButton type="button" pending={signIn.pending} label="Email me a sign-in code" pendingLabel="Sending…" onClick={() => void signIn.run('emailCode')} />
          <button type="button" className="secondary" onClick={() => void signIn.run('choose')}>
            Other ways to sign in
          </button>
        </div>
      </div>
    </>
  );
}
