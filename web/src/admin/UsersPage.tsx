/** The admin console's start: finding users, a page at a time, with their status, whether they are enabled, and their groups. */
import { useState } from 'react';
import { useServices } from '../api/services';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Page } from '../ui/Page';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { useLoad } from '../ui/useLoad';
import { AdminNav } from './AdminNav';
import { PagerButtons, usePager } from './Pager';
import { SEARCH_FIELDS, type Search, searchUsers, TENANT, type UserPage } from './userSearch';
import { UserRows } from './UserRows';

const MATCHES = [
  { value: 'STARTS_WITH', label: 'starts with' },
  { value: 'EQUALS', label: 'is exactly' },
];

export function UsersPage() {
  const { session } = useServices();
  const form = useForm({ by: 'EMAIL', match: 'STARTS_WITH', value: '' });
  const [search, setSearch] = useState<Search>({ by: 'EMAIL', match: 'STARTS_WITH', value: '' });
  const pager = usePager();
  const load = useLoad(() => searchUsers(session, search, pager.token), [search, pager.token]);
  const results: UserPage | undefined = load.data;
  const submit = useAction(async () => {
    pager.reset();
    setSearch({ by: form.values.by as Search['by'], match: form.values.match as Search['match'], value: form.values.value });
  });
  return (
    <Page title="Users" wide>
      <AdminNav />
      <Form action={submit} submitLabel="Search" pendingLabel="Searching…">
        <div className="inline-fields">
          <Field label="Search in" options={SEARCH_FIELDS} required {...form.field('by')} />
          {form.values.by === TENANT ? null : <Field label="Match" options={MATCHES} required {...form.field('match')} />}
          <Field label="Value" type="search" {...form.field('value')} />
        </div>
      </Form>
      <ErrorNotice error={load.error} />
      {load.loading && !results ? (
        <p className="loading" role="status">
          Loading users…
        </p>
      ) : null}
      {results ? (
        <div aria-busy={load.loading || undefined}>
          <UserRows rows={results.rows} label="Users" />
          <PagerButtons pager={pager} nextToken={results.nextToken} busy={load.loading} />
        </div>
      ) : null}
    </Page>
  );
}
