/**
 * The app claims PreTokenGeneration adds, and where each value comes from:
 *
 *   attribute:<name>   Cognito's attribute as the event carries it (current as of this token),
 *                      else the directory's mirrored copy of an indexed attribute
 *   directory:<field>  an app field of the directory record (plan, locale, displayName, signUpSource)
 *
 * Claims that make a token what it is (who, for whom, until when, issued how) are reserved: a
 * mapping naming one is a configuration error, and none is ever added (Cognito refuses it).
 */
import type { DirectoryProfile } from '../datasources/metadata/directory.types';

export type ClaimSource = { kind: 'attribute'; name: string } | { kind: 'directory'; field: DirectoryField };

const DIRECTORY_FIELDS = ['plan', 'locale', 'displayName', 'signUpSource'] as const;
type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

/** In neither token may these be added or overridden (Cognito's list, for ID and access tokens). */
export const RESERVED_CLAIMS = new Set([
  'acr', 'amr', 'at_hash', 'auth_time', 'aud', 'azp', 'c_hash', 'client_id', 'device_key', 'event_id', 'exp', 'iat', 'identities',
  'iss', 'jti', 'nbf', 'nonce', 'origin_jti', 'scope', 'sub', 'token_use', 'username', 'version',
]);

/** Why `claim` may not be mapped, or undefined when it may. */
export function reservedClaimProblem(claim: string): string | undefined {
  if (!/^[A-Za-z][\w:.-]{0,63}$/.test(claim)) return `"${claim}" is not a claim name`;
  if (RESERVED_CLAIMS.has(claim) || claim.startsWith('cognito:')) return `"${claim}" is a reserved claim`;
  return undefined;
}

export function parseClaimSource(raw: string): ClaimSource | undefined {
  const [kind, ...rest] = raw.split(':');
  const name = rest.join(':');
  if (kind === 'attribute' && /^[\w:.-]{1,64}$/.test(name)) return { kind, name };
  if (kind === 'directory' && (DIRECTORY_FIELDS as readonly string[]).includes(name)) return { kind, field: name as DirectoryField };
  return undefined;
}

/** The claims to add for this user; a claim with no value is left out. */
export function appClaims(mapping: Record<string, ClaimSource>, attributes: Record<string, string>, record: DirectoryProfile | undefined): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [claim, source] of Object.entries(mapping)) {
    if (reservedClaimProblem(claim)) continue;
    const value = source.kind === 'attribute' ? (attributes[source.name] ?? record?.indexed[source.name]) : record?.[source.field];
    if (typeof value === 'string' && value !== '') claims[claim] = value;
  }
  return claims;
}
