/** Users as table rows, each linking to the user's page: in the search results and a group's members. */
import type { UserRowFragment } from '../generated/graphql';
import { Link } from '../router/Link';
import { segment } from '../router/router';
import { statusLabel, when } from '../shared/format';
import { Table } from '../ui/Table';

export function UserRows({ rows, label }: { rows: readonly UserRowFragment[]; label: string }) {
  if (!rows.length) return <p>No users found.</p>;
  return (
    <Table label={label} head={['User', 'Name', 'Status', 'Enabled', 'Groups', 'Created']}>
      {rows.map((user) => (
        <tr key={user.username}>
          <td>
            <Link to={`/admin/users/${segment(user.username)}`}>{user.email ?? user.username}</Link>
          </td>
          <td>{user.name ?? '—'}</td>
          <td>{statusLabel(user.status)}</td>
          <td>{user.enabled ? 'Yes' : 'No'}</td>
          <td>{user.groups?.map((group) => group.name).join(', ') || '—'}</td>
          <td>{when(user.createdAt)}</td>
        </tr>
      ))}
    </Table>
  );
}
