/**
 * CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED: an invited user (or one given a temporary
 * password) chooses their own, and supplies any required attribute the account lacks.
 */
import { useServices } from '../api/services';
import { ConfirmSignInDocument, type UserAttributesInput } from '../generated/graphql';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { PasswordRules } from '../ui/PasswordRules';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import type { StepProps } from './steps';

/** Cognito's attribute names ("given_name") as the API's input fields ("givenName"). */
const inputName = (attribute: string) => attribute.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof UserAttributesInput;
const labelOf = (attribute: string) => attribute.replace(/_/g, ' ').replace(/^./, (letter) => letter.toUpperCase());

export function NewPasswordStep({ result, advance }: StepProps) {
  const { asApp, config } = useServices();
  const missing = (result.nextStep.missingAttributes ?? []).filter((name) => !name.startsWith('custom:'));
  const form = useForm<string>({ newPassword: '', ...Object.fromEntries(missing.map((name) => [name, ''])) }, ['newPassword']);
  const confirm = useAction(
    async () => {
      const attributes = Object.fromEntries(missing.map((name) => [inputName(name), form.values[name].trim()])) as UserAttributesInput;
      const answer = await asApp(
        ConfirmSignInDocument,
        { input: { session: result.session ?? '', challengeResponse: form.values.newPassword, attributes: missing.length ? attributes : undefined } },
        { cookie: true },
      );
      if (answer.confirmSignIn) advance(answer.confirmSignIn);
    },
    { onFailure: form.clearSecrets },
  );
  return (
    <>
      <p>Choose a new password to finish signing in.</p>
      <Form action={confirm} submitLabel="Set password and sign in" pendingLabel="Signing in…">
        <Field label="New password" type="password" autoComplete="new-password" required {...form.field('newPassword')}>
          <PasswordRules rules={config.passwordPolicy} password={form.values.newPassword} />
        </Field>
        {missing.map((name) => (
          <Field key={name} label={labelOf(name)} required {...form.field(name)} />
        ))}
      </Form>
    </>
  );
}
