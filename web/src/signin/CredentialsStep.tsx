/** The first step: email and password. Forgotten passwords and new accounts are one link away. */
import { useServices } from '../api/services';
import { SignInDocument, type SignInStepFragment } from '../generated/graphql';
import { Link } from '../router/Link';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';

export function CredentialsStep({ username, onAnswer }: { username?: string; onAnswer: (username: string, result: SignInStepFragment) => void }) {
  const { asApp } = useServices();
  const form = useForm({ email: username ?? '', password: '' }, ['password']);
  const signIn = useAction(
    async () => {
      const email = form.values.email.trim();
      const result = await asApp(SignInDocument, { input: { username: email, password: form.values.password } }, { cookie: true });
      if (result.signIn) onAnswer(email, result.signIn);
    },
    { onFailure: form.clearSecrets },
  );
  return (
    <Form
      action={signIn}
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
  );
}
