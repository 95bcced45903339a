/** A user's groups: adding and removing membership (it shows in the user's next tokens). */
import { useServices } from '../api/services';
import { AdminAddUserToGroupDocument, AdminRemoveUserFromGroupDocument, GroupsDocument } from '../generated/graphql';
import { Link } from '../router/Link';
import { segment } from '../router/router';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Section } from '../ui/Page';
import { SubmitButton } from '../ui/SubmitButton';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { useLoad } from '../ui/useLoad';
import type { AdminUser } from './UserPage';

export function UserGroups({ user, onChange }: { user: AdminUser; onChange: () => Promise<void> }) {
  const { session } = useServices();
  const groups = useLoad(async () => (await session.call(GroupsDocument, {})).groups?.items.map((group) => group.name) ?? [], []);
  const all = groups.data ?? [];
  const member = (user.groups ?? []).map((group) => group.name);
  const open = all.filter((name) => !member.includes(name));
  const form = useForm({ group: '' });
  const add = useAction(async () => {
    const groupName = form.values.group || open[0];
    if (!groupName) return;
    await session.call(AdminAddUserToGroupDocument, { username: user.username, groupName });
    form.set('group', '');
    await onChange();
  });
  const removal = useAction(async (groupName: string) => {
    await session.call(AdminRemoveUserFromGroupDocument, { username: user.username, groupName });
    await onChange();
  });
  return (
    <Section id="groups" title="Groups">
      {member.length ? (
        <ul className="chips">
          {member.map((name) => (
            <li key={name}>
              <Link to={`/admin/groups/${segment(name)}`}>{name}</Link>
              <SubmitButton type="button" pending={removal.pending} label={`Remove from ${name}`} pendingLabel="Removing…" onClick={() => void removal.run(name)} />
            </li>
          ))}
        </ul>
      ) : (
        <p>Not a member of any group.</p>
      )}
      <ErrorNotice error={removal.error ?? groups.error} />
      {open.length ? (
        <Form action={add} submitLabel="Add to group" pendingLabel="Adding…">
          <Field label="Group" options={open.map((name) => ({ value: name, label: name }))} required {...form.field('group')} value={form.values.group || open[0]} />
        </Form>
      ) : null}
    </Section>
  );
}
