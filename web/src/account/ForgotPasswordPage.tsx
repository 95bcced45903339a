/** Recovery: the account's email gets a code, and the code sets a new password (every session of the account ends). */
import { useState } from 'react';
import { useServices } from '../api/services';
import { ResetPasswordDocument } from '../generated/graphql';
import { Link } from '../router/Link';
import { navigate, useLocation } from '../router/router';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { sentTo } from './delivery';
import { ResetPasswordForm } from './ResetPasswordForm';

export function ForgotPasswordPage() {
  const { asApp } = useServices();
  const { state } = useLocation();
  const form = useForm({ email: state.username ?? '' });
  const [requested, setRequested] = useState<{ username: string; sent: string }>();
  const request = useAction(async () => {
    const username = form.values.email.trim();
    const result = await asApp(ResetPasswordDocument, { input: { username } });
    setRequested({ username, sent: `${sentTo(result.resetPassword?.nextStep.codeDeliveryDetails)} Enter it with your new password.` });
  });
  return (
    <Page title="Reset your password">
      {requested ? (
        <>
          <Notice text={requested.sent} />
          <ResetPasswordForm
            username={requested.username}
            onReset={() => navigate('/sign-in', { state: { username: requested.username, notice: 'Your password has been reset. Sign in with the new one.' } })}
          />
        </>
      ) : (
        <Form action={request} submitLabel="Send a reset code" pendingLabel="Sending…" aside={<Link to="/sign-in">Back to sign-in</Link>}>
          <p>Enter the email address of your account. If it has one, we send it a code to set a new password.</p>
          <Field label="Email" type="email" autoComplete="email" inputMode="email" required {...form.field('email')} />
        </Form>
      )}
    </Page>
  );
}
