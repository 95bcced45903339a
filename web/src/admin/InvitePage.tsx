/** Inviting a user: the API creates the account and emails a temporary password; they choose their own at first sign-in. */
import { useState } from 'react';
import { useServices } from '../api/services';
import { AdminCreateUserDocument } from '../generated/graphql';
import { navigate, segment } from '../router/router';
import { Checkbox, Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Page } from '../ui/Page';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { AdminNav } from './AdminNav';

export function InvitePage() {
  const { session } = useServices();
  const form = useForm({ email: '', name: '', tenant: '' });
  const [send, setSend] = useState(true);
  const [verified, setVerified] = useState(true);
  const invite = useAction(async () => {
    const email = form.values.email.trim();
    const name = form.values.name.trim();
    const tenant = form.values.tenant.trim();
    const result = await session.call(AdminCreateUserDocument, {
      input: { username: email, suppressInvitation: !send, attributes: { email, emailVerified: verified, name: name || undefined, custom: tenant ? JSON.stringify({ tenant }) : undefined } },
    });
    const username = result.adminCreateUser?.username ?? email;
    navigate(`/admin/users/${segment(username)}`, {
      state: { notice: send ? `${email} is invited: they were emailed a temporary password, and choose their own at first sign-in.` : `${email} was created without an invitation.` },
    });
  });
  return (
    <Page title="Invite a user">
      <AdminNav />
      <Form action={invite} submitLabel="Invite" pendingLabel="Inviting…">
        <Field label="Email" type="email" autoComplete="off" inputMode="email" required {...form.field('email')} />
        <Field label="Name" autoComplete="off" {...form.field('name')} />
        <Field label="Tenant" autoComplete="off" {...form.field('tenant')}>
          The custom:tenant attribute; the console can find users by it.
        </Field>
        <Checkbox label="Email the invitation with a temporary password" checked={send} onChange={setSend} />
        {/* Cognito sends reset codes only to verified addresses; the invitation reaches this one. */}
        <Checkbox label="Count the email address as verified" checked={verified} onChange={setVerified} />
      </Form>
    </Page>
  );
}
