/** CONFIRM_SIGN_IN_WITH_PASSWORD: the password, chosen as the first factor of a choice-based sign-in. */
import { useServices } from '../api/services';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { answerStep } from './answer';
import type { StepProps } from './steps';

export function PasswordStep(props: StepProps) {
  const { asApp } = useServices();
  const form = useForm({ password: '' }, ['password']);
  const confirm = useAction(() => answerStep(asApp, props, form.values.password), { onFailure: form.clearSecrets });
  return (
    <Form action={confirm} submitLabel="Sign in" pendingLabel="Signing in…">
      <Field label="Password" type="password" autoComplete="current-password" required {...form.field('password')} />
    </Form>
  );
}
