/** REFRESH_TOKEN_AUTH: new ID and access tokens for a live session (no new refresh token), through PreTokenGeneration. */
import { NotAuthorizedException, messages } from '../errors';
import type { EngineServices } from '../services';
import { parseRefreshToken, refreshSecretMatches, signTokens } from './authResult';
import type { Caller } from './caller';
import { sessionIsLive } from './lookup';
import type { ClientRecord, PoolRecord } from './model';
import { assertSecretHash } from './secretHash';
import type { SignInResult } from './signIn';

export async function refreshSignIn(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  refreshToken: string,
  secretHash: string | undefined,
  caller: Caller,
): Promise<SignInResult> {
  const parsed = parseRefreshToken(refreshToken);
  const session = parsed ? await s.sessions.get(pool.poolId, parsed.sessionId) : undefined;
  if (!parsed || !session || session.clientId !== client.clientId || !refreshSecretMatches(session, parsed.secret)) {
    throw new NotAuthorizedException(messages.invalidRefreshToken);
  }
  const user = await s.users.get(pool.poolId, session.usernameKey);
  // A user of the same name created after a deletion is someone else.
  if (!user || user.sub !== session.sub) throw new NotAuthorizedException(messages.invalidRefreshToken);
  // Cognito hashes the sub here, since a refresh request carries no username.
  assertSecretHash(client, user.sub, secretHash);
  if (!sessionIsLive(session, user, s.clock.now())) {
    throw new NotAuthorizedException(session.revokedAt || session.createdAt <= user.signedOutAt ? messages.refreshTokenRevoked : messages.invalidRefreshToken);
  }
  if (!user.enabled) throw new NotAuthorizedException(messages.userDisabled);
  return { AuthenticationResult: await signTokens(s, pool, client, user, session, { source: 'TokenGeneration_RefreshTokens', caller }) };
}
