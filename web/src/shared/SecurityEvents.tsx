/**
 * What happened to an account, newest first ("was this you?"): on the profile for oneself, on
 * an admin's user page for anyone (with who acted).
 */
import type { EventPageFragment } from '../generated/graphql';
import { Table } from '../ui/Table';
import { eventLabel, when } from './format';

export function SecurityEvents({ page, label }: { page: EventPageFragment | null | undefined; label: string }) {
  if (!page?.items.length) return <p>No activity recorded yet.</p>;
  return (
    <Table label={label} head={['When', 'What', 'From', 'Device']}>
      {page.items.map((event) => (
        <tr key={event.id}>
          <td>{when(event.at)}</td>
          <td>
            {eventLabel(event.type)}
            {event.action ? ` (${event.action}${event.actor ? ` by ${event.actor}` : ''})` : null}
          </td>
          <td>{event.ip ?? '—'}</td>
          <td className="device">{event.device ?? '—'}</td>
        </tr>
      ))}
    </Table>
  );
}
