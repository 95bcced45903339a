/**
 * What an admin can do to an account: disable or enable it (disabling ends its sessions at
 * once), require a password reset, set a password, sign it out everywhere, or delete it. The
 * API refuses what would leave Admins without an enabled member (SAFETY_RAIL), and the refusal
 * is shown as it comes.
 */
import { useState } from 'react';
import { useServices } from '../api/services';
import {
  AdminDeleteUserDocument,
  AdminDisableUserDocument,
  AdminEnableUserDocument,
  AdminResetUserPasswordDocument,
  AdminSetUserPasswordDocument,
  AdminSignOutUserDocument,
} from '../generated/graphql';
import { navigate } from '../router/router';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Checkbox, Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Notice } from '../ui/Notice';
import { Section } from '../ui/Page';
import { SubmitButton } from '../ui/SubmitButton';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import type { AdminUser } from './UserPage';

export function UserActions({ user, onChange }: { user: AdminUser; onChange: () => Promise<void> }) {
  const { session } = useServices();
  const { username } = user;
  const [done, setDone] = useState<string>();
  const act = (perform: () => Promise<unknown>, message: string) => async () => {
    setDone(undefined);
    await perform();
    await onChange();
    setDone(message);
  };
  const toggle = useAction(
    user.enabled
      ? act(() => session.call(AdminDisableUserDocument, { username }), 'The account is disabled, and its sessions have ended.')
      : act(() => session.call(AdminEnableUserDocument, { username }), 'The account is enabled.'),
  );
  const signOut = useAction(act(() => session.call(AdminSignOutUserDocument, { username }), 'Every session of the account has ended.'));
  const reset = useAction(act(() => session.call(AdminResetUserPasswordDocument, { username }), 'A reset is required: the user was sent a code, and must set a new password at next sign-in.'));
  const form = useForm({ password: '' }, ['password']);
  const [permanent, setPermanent] = useState(true);
  const setPassword = useAction(
    async () => {
      await act(() => session.call(AdminSetUserPasswordDocument, { input: { username, password: form.values.password, permanent } }), permanent ? 'The password is set, and the sessions of the account have ended.' : 'A temporary password is set: the user must change it at next sign-in.')();
      form.clearSecrets();
    },
    { onFailure: form.clearSecrets },
  );
  const remove = useAction(async () => {
    await session.call(AdminDeleteUserDocument, { username });
    navigate('/admin', { state: { notice: `${user.email ?? username} has been deleted.` } });
  });
  return (
    <Section id="actions" title="Actions">
      <Notice text={done} />
      <div className="actions">
        <SubmitButton type="button" pending={toggle.pending} label={user.enabled ? 'Disable account' : 'Enable account'} pendingLabel={user.enabled ? 'Disabling…' : 'Enabling…'} onClick={() => void toggle.run()} />
        <SubmitButton type="button" pending={signOut.pending} label="Sign out everywhere" pendingLabel="Signing out…" onClick={() => void signOut.run()} />
      </div>
      <ErrorNotice error={toggle.error ?? signOut.error} />
      <h3>Password</h3>
      <ConfirmButton label="Require a password reset" question="The user will have to reset their password with an emailed code at next sign-in." confirmLabel="Yes, require a reset" pendingLabel="Requiring a reset…" action={reset} />
      <Form action={setPassword} submitLabel="Set password" pendingLabel="Setting the password…">
        <Field label="New password for the user" type="password" autoComplete="new-password" required {...form.field('password')} />
        <Checkbox label="Permanent (otherwise the user must change it at next sign-in)" checked={permanent} onChange={setPermanent} />
      </Form>
      <h3>Delete</h3>
      <ConfirmButton label="Delete user" question={`Delete ${user.email ?? username} and end their sessions? This cannot be undone.`} confirmLabel="Yes, delete this user" pendingLabel="Deleting…" action={remove} />
    </Section>
  );
}
