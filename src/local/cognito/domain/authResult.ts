/**
 * The two ways an authentication step ends: tokens (AuthenticationResult) or a challenge with
 * an opaque Session. Refresh tokens are opaque: `<sessionId>.<secret>`, with only a digest of
 * the secret stored. The session id is the tokens' origin_jti, which is how revoking one
 * refresh token also revokes the access tokens issued from it.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { clientMayRead } from './attributes';
import { secretsEqual } from './constantTime';
import { seconds } from '../clock';
import type { EngineServices } from '../services';
import type { Caller } from './caller';
import type { ClientRecord, PoolRecord, SessionRecord, UserRecord } from './model';
import { ADMIN_SCOPE } from './tokens';
import { GroupOverride, groupClaims } from './triggers/claimOverrides';
import { preTokenGeneration, TokenGenerationSource } from './triggers/preTokenGeneration';

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

export interface ChallengeResult {
  ChallengeName: string;
  Session: string;
  ChallengeParameters: Record<string, string>;
}

const digest = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export function parseRefreshToken(token: string): { sessionId: string; secret: string } | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { sessionId: match[1], secret: match[2] } : undefined;
}

export function refreshSecretMatches(session: SessionRecord, secret: string): boolean {
  return secretsEqual(session.secretDigest, digest(secret));
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

/** A successful sign-in: signs a new session's tokens (refresh-token family) and stores the session. */
export async function startSession(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  issue: TokenIssue,
): Promise<{ result: AuthenticationResult; session: SessionRecord }> {
  const now = s.clock.now();
  const secret = randomBytes(32).toString('base64url');
  const session: SessionRecord = {
    poolId: pool.poolId,
    sessionId: randomUUID(),
    usernameKey: user.usernameKey,
    sub: user.sub,
    clientId: client.clientId,
    secretDigest: digest(secret),
    authTime: now,
    // Never at or before a global sign-out made in the same millisecond.
    createdAt: Math.max(now, user.signedOutAt + 1),
    expiresAt: now + client.refreshTokenValiditySeconds * 1000,
  };
  // Signed first (PreTokenGeneration may refuse), stored after: a refused sign-in leaves no session.
  const tokens = await signTokens(s, pool, client, user, session, issue);
  await s.sessions.put(session);
  return { result: { ...tokens, RefreshToken: `${session.sessionId}.${secret}` }, session };
}

/** Parks the sign-in at a challenge; the returned Session names it and answers once. */
export async function startChallenge(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  challengeName: string,
  parameters: Record<string, string>,
): Promise<ChallengeResult> {
  const challengeId = randomUUID();
  await s.sessions.putChallenge({
    poolId: pool.poolId,
    challengeId,
    clientId: client.clientId,
    usernameKey: user.usernameKey,
    challengeName,
    expiresAt: s.clock.now() + client.authSessionValidityMinutes * 60_000,
  });
  // The challenge id is a random UUID, so the Session cannot be guessed; it is single use.
  const session = Buffer.from(`${pool.poolId}:${challengeId}`).toString('base64url');
  return { ChallengeName: challengeName, Session: session, ChallengeParameters: { USER_ID_FOR_SRP: user.username, ...parameters } };
}

export function parseChallengeSession(session: string): { poolId: string; challengeId: string } | undefined {
  const decoded = Buffer.from(session, 'base64url').toString('utf8');
  const match = /^([\w-]+_[0-9a-zA-Z]+):([0-9a-f-]{36})$/.exec(decoded);
  return match ? { poolId: match[1], challengeId: match[2] } : undefined;
}
