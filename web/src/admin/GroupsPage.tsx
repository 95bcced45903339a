/** Groups: the list, and creating one. */
import { useServices } from '../api/services';
import { CreateGroupDocument, GroupsDocument } from '../generated/graphql';
import { Link } from '../router/Link';
import { navigate, segment } from '../router/router';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Page, Section } from '../ui/Page';
import { Table } from '../ui/Table';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { useLoad } from '../ui/useLoad';
import { AdminNav } from './AdminNav';
import { groupInput } from './groupInput';

export function GroupsPage() {
  const { session } = useServices();
  const load = useLoad(async () => (await session.call(GroupsDocument, {})).groups?.items ?? [], []);
  const groups = load.data;
  const form = useForm({ name: '', description: '', precedence: '' });
  const create = useAction(async () => {
    const result = await session.call(CreateGroupDocument, { input: groupInput(form.values.name, form.values) });
    const name = result.createGroup?.name ?? form.values.name.trim();
    navigate(`/admin/groups/${segment(name)}`, { state: { notice: `The group ${name} was created.` } });
  });
  return (
    <Page title="Groups" wide>
      <AdminNav />
      <ErrorNotice error={load.error} />
      {groups ? (
        <Table label="Groups" head={['Group', 'Description', 'Precedence']}>
          {groups.map((group) => (
            <tr key={group.name}>
              <td>
                <Link to={`/admin/groups/${segment(group.name)}`}>{group.name}</Link>
              </td>
              <td>{group.description ?? '—'}</td>
              <td>{group.precedence ?? '—'}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      <Section id="create-group" title="Create a group">
        <Form action={create} submitLabel="Create group" pendingLabel="Creating…">
          <Field label="Name" autoComplete="off" required {...form.field('name')} />
          <Field label="Description" autoComplete="off" {...form.field('description')} />
          <Field label="Precedence" type="number" inputMode="numeric" {...form.field('precedence')}>
            Lower wins when a user is in several groups with roles.
          </Field>
        </Form>
      </Section>
    </Page>
  );
}
