/**
 * The second half of recovery: the emailed code and a new password (the rules shown live), and
 * a new code on request. Used by "Forgot password" and by sign-in when a reset is required.
 */
import { useState } from 'react';
import { useServices } from '../api/services';
import { ConfirmResetPasswordDocument, ResetPasswordDocument } from '../generated/graphql';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Notice } from '../ui/Notice';
import { PasswordRules } from '../ui/PasswordRules';
import { SubmitButton } from '../ui/SubmitButton';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { sentTo } from './delivery';

export function ResetPasswordForm({ username, onReset }: { username: string; onReset: () => void }) {
  const { asApp, config } = useServices();
  const form = useForm({ code: '', newPassword: '' }, ['code', 'newPassword']);
  const [sent, setSent] = useState<string>();
  const reset = useAction(
    async () => {
      await asApp(ConfirmResetPasswordDocument, { input: { username, code: form.values.code.trim(), newPassword: form.values.newPassword } });
      onReset();
    },
    { onFailure: form.clearSecrets },
  );
  const resend = useAction(async () => {
    setSent(undefined);
    const result = await asApp(ResetPasswordDocument, { input: { username } });
    setSent(sentTo(result.resetPassword?.nextStep.codeDeliveryDetails, 'a new code'));
  });
  return (
    <>
      <Form
        action={reset}
        submitLabel="Set new password"
        pendingLabel="Setting your password…"
        aside={<SubmitButton type="button" pending={resend.pending} label="Send a new code" pendingLabel="Sending…" onClick={() => void resend.run()} />}
      >
        <Field label="Reset code" autoComplete="one-time-code" inputMode="numeric" required {...form.field('code')} />
        <Field label="New password" type="password" autoComplete="new-password" required {...form.field('newPassword')}>
          <PasswordRules rules={config.passwordPolicy} password={form.values.newPassword} />
        </Field>
      </Form>
      <ErrorNotice error={resend.error} />
      <Notice text={sent} />
    </>
  );
}
