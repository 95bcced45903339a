/**
 * The two ways an authentication step ends: tokens (AuthenticationResult) or a challenge with
 * an opaque Session. Refresh tokens are opaque (refreshTokens.ts), with only a digest stored.
 * The session id is the tokens' origin_jti, which is how revoking one refresh token also revokes
 * the access tokens issued from it.
 */
import { randomUUID } from 'node:crypto';
import { clientMayRead } from './attributes';
import { secretsEqual } from './constantTime';
import { seconds } from '../clock';
import type { EngineServices } from '../services';
import type { Caller } from './caller';
import type { Account } from './lookup';
import type { ChallengeRecord, ClientRecord, PoolRecord, SessionRecord, UserRecord } from './model';
import { firstRefreshToken, formatRefreshToken, RefreshToken, secretDigest } from './refreshTokens';
import { ADMIN_SCOPE } from './tokens';
import { GroupOverride, groupClaims } from './triggers/claimOverrides';
import { preTokenGeneration, TokenGenerationSource } from './triggers/preTokenGeneration';

export interface NewDeviceMetadata {
  DeviceKey: string;
  DeviceGroupKey: string;
}

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
  NewDeviceMetadata?: NewDeviceMetadata;
}

export interface ChallengeResult {
  ChallengeName: string;
  Session: string;
  ChallengeParameters: Record<string, string>;
  /** USER_AUTH's SELECT_CHALLENGE: the first factors to choose from. */
  AvailableChallenges?: string[];
}

export type SignInResult = { AuthenticationResult: AuthenticationResult } | ChallengeResult;

/** What every step of a sign-in works with: the services, the pool and client, and who is calling. */
export interface SignInScope {
  s: EngineServices;
  pool: PoolRecord;
  client: ClientRecord;
  caller: Caller;
}

/** Whether `token` is the session's current refresh token. */
export function isCurrentRefreshToken(session: SessionRecord, token: RefreshToken): boolean {
  return token.generation === (session.generation ?? 0) && secretsEqual(session.secretDigest, secretDigest(token.secret));
}

function idTokenAttributes(user: UserRecord, client: ClientRecord): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (!clientMayRead(client, name)) continue;
    claims[name] = name.endsWith('_verified') ? value === 'true' : value;
  }
  return claims;
}

/**
 * The user's groups as tokens carry them: names by precedence (lowest first), and the groups'
 * role ARNs with the preferred one (that of the first group having a role).
 */
async function userGroups(s: EngineServices, user: UserRecord): Promise<GroupOverride> {
  const names = (await s.groups.groupsOf(user.poolId, user.usernameKey, 100)).items;
  if (names.length === 0) return { groups: [], roles: [] };
  const groups = (await s.groups.getMany(user.poolId, names)).sort(
    (a, b) => (a.precedence ?? Number.MAX_SAFE_INTEGER) - (b.precedence ?? Number.MAX_SAFE_INTEGER) || a.groupName.localeCompare(b.groupName),
  );
  const roles = groups.flatMap((g) => (g.roleArn ? [g.roleArn] : []));
  return { groups: groups.map((g) => g.groupName), roles, preferredRole: roles[0] };
}

/** Why tokens are being signed, and for whom: PreTokenGeneration's source and caller. */
export interface TokenIssue {
  source: TokenGenerationSource;
  caller: Caller;
}

/** Signs ID and access tokens for a session (new sign-in or refresh), after PreTokenGeneration. */
export async function signTokens(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  session: SessionRecord,
  issue: TokenIssue,
): Promise<AuthenticationResult> {
  const groups = await userGroups(s, user);
  const iat = seconds(s.clock.now());
  const eventId = randomUUID();
  const common = {
    sub: user.sub,
    iss: s.tokens.issuerFor(pool.poolId),
    origin_jti: session.sessionId,
    event_id: eventId,
    auth_time: seconds(session.authTime),
    iat,
  };
  const draft = {
    access: {
      ...common,
      ...groupClaims('access', groups),
      client_id: client.clientId,
      token_use: 'access',
      scope: ADMIN_SCOPE,
      exp: iat + client.accessTokenValiditySeconds,
      jti: randomUUID(),
      username: user.username,
      ...(session.deviceKey ? { device_key: session.deviceKey } : {}),
    },
    id: {
      ...idTokenAttributes(user, client),
      ...common,
      ...groupClaims('id', groups),
      aud: client.clientId,
      token_use: 'id',
      exp: iat + client.idTokenValiditySeconds,
      jti: randomUUID(),
      'cognito:username': user.username,
    },
  };
  const claims = await preTokenGeneration(s, pool, issue.caller, issue.source, user, groups, draft);
  return {
    AccessToken: s.tokens.sign(pool, claims.access),
    IdToken: s.tokens.sign(pool, claims.id),
    ExpiresIn: client.accessTokenValiditySeconds,
    TokenType: 'Bearer',
  };
}

/**
 * A successful sign-in: signs a new session's tokens (refresh-token family) and stores the session.
 * `deviceKey` is the device it signed in from, which its access tokens name.
 */
export async function startSession(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  issue: TokenIssue,
  deviceKey?: string,
): Promise<{ result: AuthenticationResult; session: SessionRecord }> {
  const now = s.clock.now();
  const sessionId = randomUUID();
  const refreshToken = firstRefreshToken(pool.pepper, sessionId);
  const session: SessionRecord = {
    poolId: pool.poolId,
    sessionId,
    usernameKey: user.usernameKey,
    sub: user.sub,
    clientId: client.clientId,
    secretDigest: secretDigest(refreshToken.secret),
    deviceKey,
    authTime: now,
    // Never at or before a global sign-out made in the same millisecond.
    createdAt: Math.max(now, user.signedOutAt + 1),
    expiresAt: now + client.refreshTokenValiditySeconds * 1000,
  };
  // Signed first (PreTokenGeneration may refuse), stored after: a refused sign-in leaves no session.
  const tokens = await signTokens(s, pool, client, user, session, issue);
  await s.sessions.put(session);
  return { result: { ...tokens, RefreshToken: formatRefreshToken(refreshToken) }, session };
}

/** What a challenge record holds besides its identity: the step's state (see ChallengeRecord). */
export type ChallengeState = Omit<ChallengeRecord, 'poolId' | 'challengeId' | 'clientId' | 'usernameKey' | 'ghost' | 'challengeName' | 'expiresAt'>;

/**
 * Parks the sign-in of `account` (a user, or an unknown name's ghost) at a challenge; the returned
 * Session names it. `parameters` may depend on the challenge's id (an SRP secret block does).
 * USER_ID_FOR_SRP is the user's username, or `userIdForSrp` given for a ghost.
 */
export async function startChallenge(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  account: Account,
  challengeName: string,
  parameters: Record<string, string> | ((challengeId: string) => Record<string, string>),
  state: ChallengeState = {},
  userIdForSrp?: string,
): Promise<ChallengeResult> {
  const challengeId = randomUUID();
  await s.sessions.putChallenge({
    ...state,
    poolId: pool.poolId,
    challengeId,
    clientId: client.clientId,
    ...(account.user ? { usernameKey: account.user.usernameKey } : { ghost: account.ghost.partition }),
    challengeName,
    expiresAt: s.clock.now() + client.authSessionValidityMinutes * 60_000,
  });
  // The challenge id is a random UUID, so the Session cannot be guessed.
  const session = Buffer.from(`${pool.poolId}:${challengeId}`).toString('base64url');
  const given = typeof parameters === 'function' ? parameters(challengeId) : parameters;
  return { ChallengeName: challengeName, Session: session, ChallengeParameters: { USER_ID_FOR_SRP: account.user?.username ?? userIdForSrp ?? '', ...given } };
}

export function parseChallengeSession(session: string): { poolId: string; challengeId: string } | undefined {
  const decoded = Buffer.from(session, 'base64url').toString('utf8');
  const match = /^([\w-]+_[0-9a-zA-Z]+):([0-9a-f-]{36})$/.exec(decoded);
  return match ? { poolId: match[1], challengeId: match[2] } : undefined;
}
