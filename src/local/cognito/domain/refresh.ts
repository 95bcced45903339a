/**
 * Token refresh: REFRESH_TOKEN_AUTH (InitiateAuth / AdminInitiateAuth) and GetTokensFromRefreshToken,
 * both through PreTokenGeneration (TokenGeneration_RefreshTokens).
 *
 * With the client's RefreshTokenRotation on, only GetTokensFromRefreshToken refreshes (as in
 * Cognito), and it answers with a new refresh token of the same session (refreshTokens.ts): the
 * one presented stays good for RetryGracePeriodSeconds (the client's retry gets the same new
 * token), and after that presenting it is a reuse. Reuse ends the whole session (its refresh
 * token and its access tokens), since one of the two parties holding it is not the user, and
 * answers RefreshTokenReuseException. Without rotation the refresh token stays the same.
 */
import { InvalidParameterException, NotAuthorizedException, RefreshTokenReuseException, messages } from '../errors';
import type { EngineServices } from '../services';
import { AuthenticationResult, isCurrentRefreshToken, signTokens } from './authResult';
import type { Caller } from './caller';
import { rotatesRefreshTokens } from './clientSettings';
import { sessionIsLive } from './lookup';
import type { ClientRecord, PoolRecord, SessionRecord, UserRecord } from './model';
import { formatRefreshToken, isGenuine, parseRefreshToken, RefreshToken, rotatedRefreshToken, secretDigest } from './refreshTokens';

/** How a presented token stands against its session. */
type Standing = 'current' | 'grace' | 'reused' | 'invalid';

function standing(pool: PoolRecord, client: ClientRecord, session: SessionRecord, token: RefreshToken, now: number): Standing {
  if (isCurrentRefreshToken(session, token)) return 'current';
  const generation = session.generation ?? 0;
  const grace = (client.refreshTokenRotation?.retryGracePeriodSeconds ?? 0) * 1000;
  if (token.generation === generation - 1 && session.previousDigest === secretDigest(token.secret) && now - (session.rotatedAt ?? 0) < grace) return 'grace';
  return token.generation < generation && isGenuine(pool.pepper, token) ? 'reused' : 'invalid';
}

/** The session a token belongs to and its user, or NotAuthorized as Cognito words it. */
async function liveSession(s: EngineServices, pool: PoolRecord, client: ClientRecord, token: RefreshToken | undefined): Promise<{ session: SessionRecord; user: UserRecord; standing: Standing }> {
  const session = token ? await s.sessions.get(pool.poolId, token.sessionId) : undefined;
  const found = token && session && session.clientId === client.clientId ? standing(pool, client, session, token, s.clock.now()) : 'invalid';
  if (!session || found === 'invalid') throw new NotAuthorizedException(messages.invalidRefreshToken);
  const user = await s.users.get(pool.poolId, session.usernameKey);
  // A user of the same name created after a deletion is someone else.
  if (!user || user.sub !== session.sub) throw new NotAuthorizedException(messages.invalidRefreshToken);
  if (!sessionIsLive(session, user, s.clock.now())) {
    throw new NotAuthorizedException(session.revokedAt || session.createdAt <= user.signedOutAt ? messages.refreshTokenRevoked : messages.invalidRefreshToken);
  }
  return { session, user, standing: found };
}

async function endForReuse(s: EngineServices, pool: PoolRecord, session: SessionRecord): Promise<never> {
  await s.sessions.revoke(pool.poolId, session.sessionId, s.clock.now());
  throw new RefreshTokenReuseException(messages.refreshTokenReused);
}

/**
 * The refresh token the answer carries under rotation: the next one, stored as current (or, if a
 * parallel request rotated the same token first, that request's, which is the same token).
 */
async function rotate(s: EngineServices, pool: PoolRecord, client: ClientRecord, session: SessionRecord, token: RefreshToken, found: Standing): Promise<RefreshToken> {
  const next = rotatedRefreshToken(pool.pepper, token);
  if (found === 'grace') return next;
  const rotated = await s.sessions.rotate(pool.poolId, session.sessionId, session.secretDigest, secretDigest(next.secret), next.generation, s.clock.now());
  if (rotated) return next;
  const now = await s.sessions.get(pool.poolId, session.sessionId);
  if (now && !now.revokedAt && standing(pool, client, now, token, s.clock.now()) === 'grace') return next;
  return endForReuse(s, pool, now ?? session);
}

export async function refreshTokens(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  refreshToken: string,
  caller: Caller,
  checkSecret: (user: UserRecord) => void,
  flow: 'REFRESH_TOKEN_AUTH' | 'GetTokensFromRefreshToken',
): Promise<AuthenticationResult> {
  const rotation = rotatesRefreshTokens(client);
  if (rotation && flow === 'REFRESH_TOKEN_AUTH') {
    throw new InvalidParameterException('Refresh token rotation is enabled for this client: refresh with GetTokensFromRefreshToken.');
  }
  const token = parseRefreshToken(refreshToken);
  const { session, user, standing: found } = await liveSession(s, pool, client, token);
  checkSecret(user);
  if (found === 'reused' || (found === 'grace' && !rotation)) return endForReuse(s, pool, session);
  if (!user.enabled) throw new NotAuthorizedException(messages.userDisabled);
  const next = rotation ? await rotate(s, pool, client, session, token!, found) : undefined;
  const tokens = await signTokens(s, pool, client, user, session, { source: 'TokenGeneration_RefreshTokens', caller });
  return next ? { ...tokens, RefreshToken: formatRefreshToken(next) } : tokens;
}
