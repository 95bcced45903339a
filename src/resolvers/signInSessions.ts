/**
 * Sign-in sessions in the user directory (sessions.store.ts), so users can see and end them (ASVS
 * 7.5.2). A session is a refresh-token family: named by the `origin_jti` its tokens carry and
 * started at its sign-in's `auth_time`, both of which every token of the family repeats, so any
 * of its tokens finds its record. Recorded when a sign-in hands out tokens, touched (at most every
 * few minutes) when they are refreshed; ending one revokes its family in the revocation store, so
 * its access tokens are refused and refreshSession refuses its refresh token.
 *
 * Recording is best effort, as the directory's other writes: a failure is logged and never fails
 * the sign-in (the session is then missing from the list, nothing more).
 */
import type { ApiContext } from '../context';
import { unverifiedClaims } from '../datasources/cognito/shapes';
import type { SessionRecord, SessionRef } from '../datasources/metadata/sessions.store';
import type { AuthTokens } from '../schema/types/session.types';

/** Longest an access token can live (Cognito's maximum validity): revocation records outlive it. */
export const MAX_ACCESS_TOKEN_MS = 24 * 3600_000;
/** A refresh notes the session's use at most this often. */
export const TOUCH_INTERVAL_MS = 5 * 60_000;
/** How many sessions one request ends at most (60 a page). */
const MAX_PAGES = 20;

async function bestEffort(context: ApiContext, what: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    context.logger.warn('session record write failed', { what, requestId: context.requestId, error: (error as Error)?.name ?? String(error) });
  }
}

/** The session a token belongs to (claims of a token Cognito just issued, or the caller's verified ones). */
export function sessionRef(claims: { sub?: string; origin_jti?: unknown; auth_time?: unknown } | undefined): SessionRef | undefined {
  if (!claims?.sub || typeof claims.origin_jti !== 'string' || typeof claims.auth_time !== 'number') return undefined;
  return { sub: claims.sub, originJti: claims.origin_jti, startedAt: claims.auth_time * 1000 };
}

export const callerSession = (context: ApiContext): SessionRef | undefined => sessionRef(context.identity?.claims as Parameters<typeof sessionRef>[0]);

/** A sign-in handed out `tokens`: its session starts. */
export async function recordSignIn(context: ApiContext, tokens: AuthTokens | undefined): Promise<void> {
  const ref = sessionRef(unverifiedClaims(tokens?.accessToken));
  if (!ref) return;
  await bestEffort(context, 'session started', async () => {
    const lifetime = await context.sources.pool.refreshTokenValidityMs();
    const now = Date.now();
    const record: SessionRecord = { originJti: ref.originJti, startedAt: ref.startedAt, lastUsedAt: now, ip: context.clientIp || undefined, device: context.userAgent, expiresAt: ref.startedAt + lifetime };
    await context.sources.sessions.started(ref.sub, record);
  });
}

/** A refresh of the session `tokens` belong to. */
export async function noteRefresh(context: ApiContext, tokens: AuthTokens | undefined): Promise<void> {
  const ref = sessionRef(unverifiedClaims(tokens?.accessToken));
  if (!ref) return;
  await bestEffort(context, 'session used', () => context.sources.sessions.used(ref, Date.now(), context.clientIp || undefined, TOUCH_INTERVAL_MS));
}

/**
 * Ends one live session: its token family is refused from now on (until its refresh token could
 * no longer be alive). False, and nothing written, when there is no such live session.
 */
export async function endSession(context: ApiContext, ref: SessionRef): Promise<boolean> {
  const session = await context.sources.sessions.find(ref);
  if (!session) return false;
  // Revoked first: if marking it ended then fails, its tokens are refused anyway (fail closed).
  await context.sources.revocations.sessionRevoked(ref.originJti, Math.max(session.expiresAt, Date.now()) + MAX_ACCESS_TOKEN_MS);
  await context.sources.sessions.ended(ref);
  return true;
}

/** Ends every listed session of `sub` but `keep` (the caller's own); returns how many it ended. */
export async function endListedSessions(context: ApiContext, sub: string, keep?: string): Promise<number> {
  let ended = 0;
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listed = await context.sources.sessions.live(sub, undefined, 60, nextToken);
    const others = listed.items.filter((s) => s.originJti !== keep);
    await Promise.all(
      others.map(async (s) => {
        await context.sources.revocations.sessionRevoked(s.originJti, Math.max(s.expiresAt, Date.now()) + MAX_ACCESS_TOKEN_MS);
        await context.sources.sessions.ended({ sub, originJti: s.originJti, startedAt: s.startedAt });
      }),
    );
    ended += others.length;
    nextToken = listed.nextToken;
    if (!nextToken) break;
  }
  return ended;
}
