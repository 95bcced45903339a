/**
 * The tables of a user's devices and sessions, and how second factors read: shared by the
 * profile (the user's own) and the admin console (any user's).
 */
import type { DeviceFieldsFragment, MfaPreferenceFieldsFragment, MfaType, SessionFieldsFragment } from '../generated/graphql';
import { Table } from '../ui/Table';
import { when } from './format';

const FACTORS: Record<MfaType, string> = { TOTP: 'Authenticator app', EMAIL: 'Code by email', SMS: 'Code by text message' };

export const factorLabel = (type: string): string => FACTORS[type as MfaType] ?? type;

/** "Authenticator app (asked at sign-in), Code by email", or "Off". */
export function mfaSummary(preference: MfaPreferenceFieldsFragment | null | undefined): string {
  if (!preference?.enabled.length) return 'Off';
  return preference.enabled.map((type) => `${factorLabel(type)}${type === preference.preferred ? ' (preferred)' : ''}`).join(', ');
}

interface RowAction {
  /** The button's text; its accessible name adds what it acts on. */
  label: string;
  run(key: string): void;
  pending?: string;
}

export function DeviceTable({ devices, label, action, currentLabel }: { devices: readonly DeviceFieldsFragment[]; label: string; action?: RowAction; currentLabel?: string }) {
  if (!devices.length) return <p>No devices.</p>;
  return (
    <Table label={label} head={['Device', 'Last address', 'Created', 'Last signed in', 'Remembered', ...(action ? [''] : [])]}>
      {devices.map((device) => {
        const name = device.name ?? device.key;
        return (
          <tr key={device.key}>
            <td>
              {name}
              {device.current && currentLabel ? <span className="tag">{currentLabel}</span> : null}
            </td>
            <td>{device.lastIp ?? '—'}</td>
            <td>{when(device.createdAt) ?? '—'}</td>
            <td>{when(device.lastSignedInAt) ?? '—'}</td>
            <td>{device.remembered ? 'Yes' : 'No'}</td>
            {action ? (
              <td>
                <button type="button" className="secondary" aria-label={`${action.label} ${name}`} aria-disabled={action.pending === device.key || undefined} onClick={() => action.pending || action.run(device.key)}>
                  {action.pending === device.key ? 'Working…' : action.label}
                </button>
              </td>
            ) : null}
          </tr>
        );
      })}
    </Table>
  );
}

export function SessionTable({ sessions, label, action }: { sessions: readonly SessionFieldsFragment[]; label: string; action?: RowAction }) {
  if (!sessions.length) return <p>No live sessions.</p>;
  return (
    <Table label={label} head={['Device', 'Address', 'Started', 'Last used', ...(action ? [''] : [])]}>
      {sessions.map((session) => (
        <tr key={session.id}>
          <td>
            {session.device ?? 'Unknown device'}
            {session.current ? <span className="tag">This session</span> : null}
          </td>
          <td>{session.ip ?? '—'}</td>
          <td>{when(session.startedAt)}</td>
          <td>{when(session.lastUsedAt)}</td>
          {action ? (
            <td>
              {session.current ? null : (
                <button
                  type="button"
                  className="secondary"
                  aria-label={`${action.label} the session started ${when(session.startedAt) ?? ''}`}
                  aria-disabled={action.pending === session.id || undefined}
                  onClick={() => action.pending || action.run(session.id)}
                >
                  {action.pending === session.id ? 'Ending…' : action.label}
                </button>
              )}
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
