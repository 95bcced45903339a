/**
 * Changing the password. By default the API ends every other session and returns new tokens for
 * this one (its old ones stop working), which the session takes at once; the refresh token's
 * cookie is replaced by the API in the same answer.
 */
import { useState } from 'react';
import { useServices } from '../api/services';
import { ChangePasswordDocument } from '../generated/graphql';
import { Checkbox, Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Notice } from '../ui/Notice';
import { Section } from '../ui/Page';
import { PasswordRules } from '../ui/PasswordRules';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';

export function PasswordSection() {
  const { session, config } = useServices();
  const form = useForm({ oldPassword: '', newPassword: '' }, ['oldPassword', 'newPassword']);
  const [keepOthers, setKeepOthers] = useState(false);
  const [done, setDone] = useState<string>();
  const change = useAction(
    async () => {
      setDone(undefined);
      const result = await session.call(
        ChangePasswordDocument,
        { input: { oldPassword: form.values.oldPassword, newPassword: form.values.newPassword, keepOtherSessions: keepOthers } },
        { cookie: true },
      );
      if (result.changePassword?.tokens) session.adopt(result.changePassword.tokens);
      form.clearSecrets();
      setDone(result.changePassword?.otherSessionsEnded ? 'Your password has been changed, and your other sessions have been signed out.' : 'Your password has been changed.');
    },
    { onFailure: form.clearSecrets },
  );
  return (
    <Section id="password" title="Password">
      <Notice text={done} />
      <Form action={change} submitLabel="Change password" pendingLabel="Changing your password…">
        <Field label="Current password" type="password" autoComplete="current-password" required {...form.field('oldPassword')} />
        <Field label="New password" type="password" autoComplete="new-password" required {...form.field('newPassword')}>
          <PasswordRules rules={config.passwordPolicy} password={form.values.newPassword} />
        </Field>
        <Checkbox label="Keep me signed in on my other devices" checked={keepOthers} onChange={setKeepOthers} />
      </Form>
    </Section>
  );
}
