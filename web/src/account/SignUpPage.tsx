/** Registration: email and password (the pool's rules shown live), then the emailed code. */
import { useServices } from '../api/services';
import { SignUpDocument } from '../generated/graphql';
import { Link } from '../router/Link';
import { navigate } from '../router/router';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Page } from '../ui/Page';
import { PasswordRules } from '../ui/PasswordRules';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { sentTo } from './delivery';

export function SignUpPage() {
  const { asApp, config } = useServices();
  const form = useForm({ email: '', password: '', name: '' }, ['password']);
  const { email, password, name } = form.values;
  const signUp = useAction(
    async () => {
      const result = await asApp(SignUpDocument, { input: { username: email.trim(), password, attributes: name.trim() ? { name: name.trim() } : undefined } });
      const step = result.signUp?.nextStep;
      if (step?.signUpStep === 'CONFIRM_SIGN_UP') {
        navigate('/confirm-sign-up', { state: { username: email.trim(), notice: `${sentTo(step.codeDeliveryDetails)} Enter it to confirm your account.` } });
      } else {
        navigate('/sign-in', { state: { username: email.trim(), notice: 'Your account is ready. Sign in to continue.' } });
      }
    },
    { onFailure: form.clearSecrets },
  );
  return (
    <Page title="Create an account">
      <Form action={signUp} submitLabel="Create account" pendingLabel="Creating your account…" aside={<Link to="/sign-in">I already have an account</Link>}>
        <Field label="Email" type="email" autoComplete="email" inputMode="email" required {...form.field('email')} />
        <Field label="Password" type="password" autoComplete="new-password" required {...form.field('password')}>
          <PasswordRules rules={config.passwordPolicy} password={password} />
        </Field>
        <Field label="Name" autoComplete="name" {...form.field('name')} />
      </Form>
    </Page>
  );
}
