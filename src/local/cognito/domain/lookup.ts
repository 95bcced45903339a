/** Finding pools, clients and users, and authenticating access tokens; shared by operations. */
import {
  NotAuthorizedException,
  ResourceNotFoundException,
  UserNotFoundException,
  messages,
} from '../errors';
import type { EngineServices } from '../services';
import { isEmail, isPhone } from '../../../lib/addresses';
import type { ClientRecord, Ghost, PoolRecord, SessionRecord, UserRecord } from './model';
import type { SignInName } from './users.store';
import { ADMIN_SCOPE, Claims, peekClaims } from './tokens';
import { seconds } from '../clock';

export async function requirePool(s: EngineServices, poolId: string): Promise<PoolRecord> {
  const pool = await s.pools.getPool(poolId);
  if (!pool) throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
  return pool;
}

export async function requireClient(s: EngineServices, clientId: string): Promise<{ client: ClientRecord; pool: PoolRecord }> {
  const client = await s.pools.getClient(clientId);
  if (!client) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  return { client, pool: await requirePool(s, client.poolId) };
}

export const usernameKey = (pool: PoolRecord, username: string): string =>
  pool.settings.UsernameCaseSensitive ? username : username.toLowerCase();

const signsInWith = (pool: PoolRecord, attribute: string): boolean =>
  pool.settings.UsernameAttributes.includes(attribute) || pool.settings.AliasAttributes.includes(attribute);

/** The unique names a user holds: always the sub, plus email/phone when the pool signs in with them. */
export function signInNames(pool: PoolRecord, user: Pick<UserRecord, 'sub' | 'attributes'>): SignInName[] {
  const names: SignInName[] = [{ kind: 'sub', value: user.sub }];
  for (const kind of ['email', 'phone_number', 'preferred_username'] as const) {
    const value = user.attributes[kind];
    if (!value || !signsInWith(pool, kind)) continue;
    // Alias attributes count only once verified; username attributes from the start.
    const verified = kind === 'preferred_username' || user.attributes[`${kind}_verified`] === 'true';
    if (pool.settings.UsernameAttributes.includes(kind) || verified) names.push({ kind, value });
  }
  return names;
}

/** The alias names an identifier could be, in this pool. */
function aliasesOf(pool: PoolRecord, identifier: string): SignInName[] {
  const aliases: SignInName[] = [];
  if (isEmail(identifier) && signsInWith(pool, 'email')) aliases.push({ kind: 'email', value: identifier });
  if (isPhone(identifier) && signsInWith(pool, 'phone_number')) aliases.push({ kind: 'phone_number', value: identifier });
  if (signsInWith(pool, 'preferred_username')) aliases.push({ kind: 'preferred_username', value: identifier });
  return aliases;
}

/** Whom a public request names: a user, or the ghost of a name no user has (see ghosts.store.ts). */
export type Account = { user: UserRecord; ghost?: undefined } | { user?: undefined; ghost: Ghost };

/**
 * The form of a name its ghost is keyed by: lower-cased wherever the name could match an alias
 * (aliases match case-insensitively), so that the spellings which reach one account also reach
 * one ghost; otherwise the username key.
 */
const ghostName = (pool: PoolRecord, identifier: string): string =>
  aliasesOf(pool, identifier).length ? identifier.toLowerCase() : usernameKey(pool, identifier);

/**
 * Finds a user by anything they may sign in with: an alias (email, phone, preferred username),
 * the username, or the sub; or else the name's ghost. It always makes the same reads, found or
 * not (one parallel round of look-ups, then one read: the user a name points to, or the ghost),
 * so public operations' timing does not tell whether the user exists.
 */
export async function findUser(s: EngineServices, pool: PoolRecord, identifier: string): Promise<Account> {
  const [direct, bySub, ...byAlias] = await Promise.all([
    s.users.get(pool.poolId, usernameKey(pool, identifier)),
    s.users.resolveName(pool.poolId, { kind: 'sub', value: identifier }),
    ...aliasesOf(pool, identifier).map((name) => s.users.resolveName(pool.poolId, name)),
  ]);
  // Precedence as in Cognito: an alias first, then the username itself, then the sub.
  const aliasKey = byAlias.find((key) => key !== undefined);
  const key = aliasKey ?? (direct ? undefined : bySub);
  // The second round is one read either way: the user the name points to, or else the name's
  // ghost (read even for a user found by username, whom it does not concern, to cost the same).
  const ghostOf = () => s.ghosts.get(pool, ghostName(pool, identifier));
  const [viaName, ghost] = key ? [await s.users.get(pool.poolId, key), undefined] : [undefined, await ghostOf()];
  const user = viaName ?? direct;
  if (user) return { user };
  // Only a name still claimed by a user who is gone (an interrupted create or delete) gets here
  // without the ghost read; the extra read tells nothing about who exists.
  return { ghost: ghost ?? (await ghostOf()) };
}

/** The same search, stopping at the first hit: for admin operations, which may reveal existence. */
async function findUserQuickly(s: EngineServices, pool: PoolRecord, identifier: string): Promise<UserRecord | undefined> {
  for (const name of aliasesOf(pool, identifier)) {
    const key = await s.users.resolveName(pool.poolId, name);
    const user = key ? await s.users.get(pool.poolId, key) : undefined;
    if (user) return user;
  }
  const direct = await s.users.get(pool.poolId, usernameKey(pool, identifier));
  if (direct) return direct;
  const bySub = await s.users.resolveName(pool.poolId, { kind: 'sub', value: identifier });
  return bySub ? s.users.get(pool.poolId, bySub) : undefined;
}

/**
 * Throws UserNotFoundException when the client has PreventUserExistenceErrors = LEGACY, the
 * only case in which a public operation may say that a user does not exist. Otherwise returns,
 * and the caller gives its enumeration-safe answer.
 */
export function revealMissingUserIfLegacy(client: ClientRecord): void {
  if (client.preventUserExistenceErrors === 'LEGACY') throw new UserNotFoundException(messages.userNotFound);
}

/** For admin operations, which may say that a user does not exist. */
export async function requireUser(s: EngineServices, pool: PoolRecord, identifier: string): Promise<UserRecord> {
  const user = await findUserQuickly(s, pool, identifier);
  if (!user) throw new UserNotFoundException(messages.userNotFound);
  return user;
}

/**
 * The user's next global sign-out mark: sessions created at or before it are signed out. It only
 * moves forward (past sessions started in the same millisecond as the last sign-out, and never
 * back if the clock does), so no signed-out session comes back.
 */
export const nextSignOutMark = (user: UserRecord, now: number): number => Math.max(now, user.signedOutAt + 1);

/** A session is live when it is not revoked, not expired, and newer than the user's last global sign-out. */
export function sessionIsLive(session: SessionRecord | undefined, user: UserRecord, now: number): boolean {
  return !!session && !session.revokedAt && session.expiresAt > now && session.createdAt > user.signedOutAt;
}

export interface TokenCaller {
  pool: PoolRecord;
  /** The app client the token was issued to (its Read/WriteAttributes apply). */
  client: ClientRecord;
  user: UserRecord;
  claims: Claims;
}

/**
 * Authenticates an access token the way Cognito does for GetUser and friends: signature,
 * expiry, token use, then revocation (RevokeToken, GlobalSignOut) and the user's state.
 */
export async function authenticateAccessToken(s: EngineServices, token: string): Promise<TokenCaller> {
  const peeked = peekClaims(token);
  const poolId = typeof peeked?.iss === 'string' ? peeked.iss.split('/').pop() : undefined;
  const pool = poolId ? await s.pools.getPool(poolId) : undefined;
  if (!pool) throw new NotAuthorizedException(messages.invalidAccessToken);
  const verified = s.tokens.verify(pool, token);
  if ('failure' in verified) {
    throw new NotAuthorizedException(verified.failure === 'expired' ? messages.accessTokenExpired : messages.invalidAccessToken);
  }
  const { claims } = verified;
  if (claims.token_use !== 'access' || typeof claims.username !== 'string' || typeof claims.origin_jti !== 'string') {
    throw new NotAuthorizedException(messages.invalidAccessToken);
  }
  // PreTokenGeneration (V2) may suppress the scope that Cognito's own API requires.
  if (typeof claims.scope !== 'string' || !claims.scope.split(' ').includes(ADMIN_SCOPE)) {
    throw new NotAuthorizedException(messages.accessTokenScope);
  }
  // The token names both the session and the user: one read for the two.
  const { session, user } = await s.sessions.getWithUser(pool.poolId, claims.origin_jti, usernameKey(pool, claims.username));
  if (!user || user.sub !== claims.sub) throw new NotAuthorizedException(messages.accessTokenRevoked);
  const now = s.clock.now();
  // An access token outlives nothing: once its session is revoked or signed out, it is refused.
  if (!session || session.revokedAt || session.createdAt <= user.signedOutAt) {
    throw new NotAuthorizedException(messages.accessTokenRevoked);
  }
  if (!user.enabled) throw new NotAuthorizedException(messages.userDisabled);
  if (typeof claims.exp === 'number' && claims.exp <= seconds(now)) throw new NotAuthorizedException(messages.accessTokenExpired);
  const client = await s.pools.getClient(session.clientId);
  if (!client) throw new NotAuthorizedException(messages.invalidAccessToken);
  return { pool, client, user, claims };
}

/** Admin auth operations name both the pool and the client; they must belong together. */
export async function requirePoolClient(
  s: EngineServices,
  poolId: string,
  clientId: string,
): Promise<{ client: ClientRecord; pool: PoolRecord }> {
  const found = await requireClient(s, clientId);
  if (found.pool.poolId !== poolId) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  return found;
}
