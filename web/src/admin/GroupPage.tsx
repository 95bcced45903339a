/** One group: editing its description and precedence, deleting it (never Admins: the API refuses), and its members. */
import { useEffect, useState } from 'react';
import { useServices } from '../api/services';
import { AdminGroupDocument, type AdminGroupQuery, DeleteGroupDocument, UpdateGroupDocument } from '../generated/graphql';
import { navigate } from '../router/router';
import { when } from '../shared/format';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Details } from '../ui/Details';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Notice } from '../ui/Notice';
import { Page, Section } from '../ui/Page';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { useLoad } from '../ui/useLoad';
import { AdminNav } from './AdminNav';
import { groupInput } from './groupInput';
import { PagerButtons, usePager } from './Pager';
import { UserRows } from './UserRows';

type Group = NonNullable<AdminGroupQuery['group']>;

export function GroupPage({ params }: { params: Record<string, string> }) {
  const { session } = useServices();
  const pager = usePager();
  const form = useForm({ description: '', precedence: '' });
  const load = useLoad(async () => (await session.call(AdminGroupDocument, { name: params.name, nextToken: pager.token })).group, [params.name, pager.token]);
  const group: Group | null | undefined = load.data;
  // The form starts from the group as loaded (and as saved).
  useEffect(() => {
    form.set('description', group?.description ?? '');
    form.set('precedence', group?.precedence === null || group?.precedence === undefined ? '' : String(group.precedence));
  }, [group?.description, group?.precedence, form.set]);
  const [saved, setSaved] = useState<string>();
  const save = useAction(async () => {
    setSaved(undefined);
    await session.call(UpdateGroupDocument, { input: groupInput(params.name, form.values) });
    await load.reload();
    setSaved('The group is saved.');
  });
  const remove = useAction(async () => {
    await session.call(DeleteGroupDocument, { name: params.name });
    navigate('/admin/groups', { state: { notice: `The group ${params.name} was deleted. Its members stay.` } });
  });
  return (
    <Page title={`Group ${params.name}`} wide>
      <AdminNav />
      <ErrorNotice error={load.error} />
      {group === null ? <p>There is no such group.</p> : null}
      {group ? (
        <>
          <Section id="group" title="Details">
            <Details items={[['Created', when(group.createdAt)], ['Updated', when(group.updatedAt)], ['IAM role', group.roleArn]]} />
            <Notice text={saved} />
            <Form action={save} submitLabel="Save group" pendingLabel="Saving…">
              <Field label="Description" autoComplete="off" {...form.field('description')} />
              <Field label="Precedence" type="number" inputMode="numeric" {...form.field('precedence')} />
            </Form>
            <ConfirmButton label="Delete group" question={`Delete the group ${params.name}? Its members stay, without it.`} confirmLabel="Yes, delete the group" pendingLabel="Deleting…" action={remove} />
          </Section>
          <Section id="members" title="Members">
            <UserRows rows={group.members?.items ?? []} label="Members" />
            <PagerButtons pager={pager} nextToken={group.members?.nextToken} busy={load.loading} />
          </Section>
        </>
      ) : null}
    </Page>
  );
}
