/**
 * Confirming an account with the emailed code, and asking for a new one. Used by the
 * confirmation page after sign-up and by sign-in when an unconfirmed account signs in.
 */
import { useState } from 'react';
import { useServices } from '../api/services';
import { ConfirmSignUpDocument, ResendSignUpCodeDocument } from '../generated/graphql';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Notice } from '../ui/Notice';
import { SubmitButton } from '../ui/SubmitButton';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { sentTo } from './delivery';

export function ConfirmSignUpForm({ username, onConfirmed }: { username?: string; onConfirmed: (username: string) => void }) {
  const { asApp } = useServices();
  const form = useForm({ email: username ?? '', code: '' }, ['code']);
  const [sent, setSent] = useState<string>();
  const confirm = useAction(
    async () => {
      const email = form.values.email.trim();
      await asApp(ConfirmSignUpDocument, { input: { username: email, code: form.values.code.trim() } });
      onConfirmed(email);
    },
    { onFailure: form.clearSecrets },
  );
  const resend = useAction(async () => {
    setSent(undefined);
    const result = await asApp(ResendSignUpCodeDocument, { input: { username: form.values.email.trim() } });
    setSent(sentTo(result.resendSignUpCode?.codeDeliveryDetails, 'a new code'));
  });
  return (
    <>
      <Form
        action={confirm}
        submitLabel="Confirm account"
        pendingLabel="Confirming…"
        aside={<SubmitButton type="button" pending={resend.pending} label="Send a new code" pendingLabel="Sending…" onClick={() => void resend.run()} />}
      >
        {username ? null : <Field label="Email" type="email" autoComplete="email" inputMode="email" required {...form.field('email')} />}
        <Field label="Confirmation code" autoComplete="one-time-code" inputMode="numeric" required {...form.field('code')} />
      </Form>
      <ErrorNotice error={resend.error} />
      <Notice text={sent} />
    </>
  );
}
