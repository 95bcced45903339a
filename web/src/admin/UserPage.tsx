/** One user, for an admin: attributes, groups, second factors, devices and sessions, the directory's record and security events, and what can be done to the account. */
import { useServices } from '../api/services';
import { AdminUserDocument, type AdminUserQuery } from '../generated/graphql';
import { customAttributes, statusLabel, when } from '../shared/format';
import { MetadataDetails } from '../shared/MetadataDetails';
import { SecurityEvents } from '../shared/SecurityEvents';
import { Details } from '../ui/Details';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Page, Section } from '../ui/Page';
import { useLoad } from '../ui/useLoad';
import { AdminNav } from './AdminNav';
import { UserActions } from './UserActions';
import { UserGroups } from './UserGroups';
import { UserSecurity } from './UserSecurity';

export type AdminUser = NonNullable<AdminUserQuery['user']>;

export function UserPage({ params }: { params: Record<string, string> }) {
  const { session } = useServices();
  const load = useLoad(async () => (await session.call(AdminUserDocument, { username: params.username })).user, [params.username]);
  const user = load.data;
  const reload = load.reload;
  return (
    <Page title={user ? (user.email ?? user.username) : 'User'} wide>
      <AdminNav />
      <ErrorNotice error={load.error} />
      {user === null ? <p>There is no such user.</p> : null}
      {user ? (
        <>
          <Section id="user" title="Account">
            <Details
              items={[
                ['Username', user.username],
                ['Sub', user.sub],
                ['Email', user.email ? `${user.email} ${user.emailVerified ? '(verified)' : '(not verified)'}` : null],
                ['Phone', user.phoneNumber ? `${user.phoneNumber} ${user.phoneNumberVerified ? '(verified)' : '(not verified)'}` : null],
                ['Name', user.name],
                ['Given name', user.givenName],
                ['Family name', user.familyName],
                ['Status', statusLabel(user.status)],
                ['Enabled', user.enabled ? 'Yes' : 'No'],
                ['Created', when(user.createdAt)],
                ['Updated', when(user.updatedAt)],
                ...customAttributes(user.customAttributes).map(([name, value]): [string, string] => [name, value]),
              ]}
            />
          </Section>
          <UserGroups user={user} onChange={reload} />
          <UserActions user={user} onChange={reload} />
          <UserSecurity user={user} onChange={reload} />
          <Section id="record" title="Directory record">
            <MetadataDetails metadata={user.metadata} />
          </Section>
          <Section id="events" title="Security events">
            <SecurityEvents page={user.securityEvents} label="Security events" />
          </Section>
        </>
      ) : null}
    </Page>
  );
}
