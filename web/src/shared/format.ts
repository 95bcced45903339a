/** How dates, statuses and events read on screen. */
import type { SecurityEventType } from '../generated/graphql';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const when = (iso: string | null | undefined): string | null => (iso ? dateTime.format(new Date(iso)) : null);

const EVENTS: Record<SecurityEventType, string> = {
  SIGNED_UP: 'Signed up',
  CONFIRMED: 'Confirmed the account',
  SIGN_IN: 'Signed in',
  SIGN_IN_FAILED: 'Failed sign-in',
  PASSWORD_CHANGED: 'Changed the password',
  PASSWORD_RESET: 'Reset the password',
  ATTRIBUTES_CHANGED: 'Changed profile details',
  MFA_CHANGED: 'Changed two-step verification',
  DEVICE_CHANGED: 'Changed a remembered device',
  SIGNED_OUT_EVERYWHERE: 'Signed out everywhere',
  ADMIN_ACTION: 'An administrator acted',
};

export const eventLabel = (type: string): string => EVENTS[type as SecurityEventType] ?? type;

const STATUSES: Record<string, string> = {
  UNCONFIRMED: 'Unconfirmed',
  CONFIRMED: 'Confirmed',
  FORCE_CHANGE_PASSWORD: 'Invited (must set a password)',
  RESET_REQUIRED: 'Password reset required',
  EXTERNAL_PROVIDER: 'External provider',
  ARCHIVED: 'Archived',
  COMPROMISED: 'Compromised',
};

export const statusLabel = (status: string): string => STATUSES[status] ?? status;

/** Custom attributes arrive as a JSON object string ("custom:" left off the names). */
export function customAttributes(json: string | null | undefined): [string, string][] {
  try {
    const parsed = JSON.parse(json ?? '{}') as Record<string, unknown>;
    return Object.entries(parsed).map(([name, value]) => [name, String(value)]);
  } catch {
    return [];
  }
}
