/**
 * Who is behind a trigger's event, as far as the event tells: the API passes
 * `{ requestId, sourceIp, userAgent }` as ClientMetadata on its Cognito calls, and the event
 * carries it in `clientMetadata` (PreSignUp, PreAuthentication and UserMigration get InitiateAuth's
 * in `validationData`).
 *
 * An event id must be stable across Cognito's retries of one delivery, so a retry has one effect.
 * The API's requestId is exactly that. Without it (a caller other than the API) the id is derived
 * from what the event says (pool, user, app client, trigger) and the 10-second window it arrives
 * in: a retry inside the window has the same id, but two sign-ins of one user through one client
 * within one window count as one, and a retry that crosses a window's end counts twice.
 */
import { createHash } from 'node:crypto';

export const DERIVED_ID_WINDOW_MS = 10_000;

interface EventLike {
  userPoolId: string;
  userName: string;
  triggerSource: string;
  callerContext: { clientId: string };
  request: { clientMetadata?: Record<string, string>; validationData?: Record<string, string> };
}

export interface CallerDetails {
  requestId?: string;
  ip?: string;
  device?: string;
}

const bounded = (value: string | undefined, max: number): string | undefined => (value ? value.slice(0, max) : undefined);

export function callerOf(event: EventLike): CallerDetails {
  const metadata = event.request.clientMetadata ?? event.request.validationData ?? {};
  return { requestId: bounded(metadata.requestId, 128), ip: bounded(metadata.sourceIp, 64), device: bounded(metadata.userAgent, 512) };
}

/** The id of the `type` event this delivery records (the API's request id when it sent one). */
export function deliveryId(event: EventLike, type: string, now: number): string {
  const { requestId } = callerOf(event);
  if (requestId) return `${requestId}:${type}`;
  const window = Math.floor(now / DERIVED_ID_WINDOW_MS);
  const digest = createHash('sha256').update([event.userPoolId, event.userName, event.callerContext.clientId, event.triggerSource, window].join('\u0000')).digest('base64url');
  return `derived:${digest.slice(0, 32)}:${type}`;
}
