/**
 * Applying PreTokenGeneration's answer to a token's claims, with Cognito's rules: claims added or
 * overridden, then suppressed (a claim both replaced and suppressed is suppressed); groups only
 * through groupOverrideDetails; scopes only through scopesToAdd / scopesToSuppress.
 *
 * Reserved claims (the token's identity, lifetime and provenance: sub, iss, aud, exp, iat, jti,
 * token_use, cognito:username, username, client_id, origin_jti, event_id, auth_time, scope, the
 * group claims, ...) are never changed. Cognito documents them as claims that cannot be modified;
 * the engine refuses a response that tries (InvalidLambdaResponseException) rather than quietly
 * dropping the change, so a handler relying on it fails here instead of seeming to work. Restating
 * a reserved claim's own value (a handler copying userAttributes, which hold the sub) changes
 * nothing and is accepted.
 */
import type { Claims } from '../tokens';
import { badOutput } from './responseShape';

const RESERVED_BOTH = [
  'acr', 'amr', 'at_hash', 'auth_time', 'azp', 'c_hash', 'cognito:username', 'exp', 'iat', 'identities', 'iss', 'jti', 'nbf',
  'nonce', 'origin_jti', 'sub', 'token_use', 'event_id', 'cognito:groups', 'cognito:roles', 'cognito:preferred_role',
];
export const RESERVED_CLAIMS = {
  id: new Set([...RESERVED_BOTH, 'aud']),
  access: new Set([...RESERVED_BOTH, 'aud', 'client_id', 'username', 'scope', 'device_key', 'version']),
};
/** ID token claims Cognito keeps to simple values whatever the event version. */
const SIMPLE_ID_CLAIMS = new Set(['email_verified', 'phone_number_verified', 'updated_at', 'address']);

export type TokenKind = 'id' | 'access';

export interface ClaimChanges {
  addOrOverride: Record<string, unknown>;
  suppress: string[];
}

export interface GroupOverride {
  groups: string[];
  roles: string[];
  preferredRole?: string;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function assertAllowed(kind: TokenKind, claims: Claims, changes: ClaimChanges): void {
  const reserved = RESERVED_CLAIMS[kind];
  for (const [name, value] of Object.entries(changes.addOrOverride)) {
    if (reserved.has(name) && !sameValue(claims[name], value)) throw badOutput(`${name} is a reserved claim and cannot be overridden.`);
    if (kind === 'id' && SIMPLE_ID_CLAIMS.has(name) && typeof value === 'object' && value !== null) {
      throw badOutput(`${name} cannot hold a complex value.`);
    }
  }
  for (const name of changes.suppress) {
    if (reserved.has(name)) throw badOutput(`${name} is a reserved claim and cannot be suppressed.`);
  }
}

/** The group claims a token carries: cognito:groups in both, the roles in the ID token only. */
export function groupClaims(kind: TokenKind, groups: GroupOverride): Claims {
  const claims: Claims = {};
  if (groups.groups.length) claims['cognito:groups'] = groups.groups;
  if (kind === 'id' && groups.roles.length) claims['cognito:roles'] = groups.roles;
  if (kind === 'id' && groups.preferredRole) claims['cognito:preferred_role'] = groups.preferredRole;
  return claims;
}

export function applyClaimChanges(kind: TokenKind, claims: Claims, changes: ClaimChanges, groups?: GroupOverride): Claims {
  assertAllowed(kind, claims, changes);
  const result: Claims = { ...claims, ...changes.addOrOverride };
  if (groups) {
    for (const name of ['cognito:groups', 'cognito:roles', 'cognito:preferred_role']) delete result[name];
    Object.assign(result, groupClaims(kind, groups));
  }
  for (const name of changes.suppress) delete result[name];
  return result;
}

/** The access token's scope claim after scopesToAdd / scopesToSuppress (space-separated, as OAuth has it). */
export function applyScopes(claims: Claims, add: string[], suppress: string[]): Claims {
  for (const scope of [...add, ...suppress]) {
    if (!/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(scope)) throw badOutput('A scope must be a non-empty string without spaces.');
  }
  const current = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  const scopes = [...new Set([...current, ...add])].filter((scope) => !suppress.includes(scope));
  const result: Claims = { ...claims, scope: scopes.join(' ') };
  if (!scopes.length) delete result.scope;
  return result;
}
