/**
 * Reads an access token's claims, only to shape the UI (whose name to greet, whether to show
 * the admin console). Nothing here is trusted: the API verifies every token and enforces every
 * group rule itself.
 */

export const ADMINS_GROUP = 'Admins';

export interface SessionUser {
  sub: string;
  username: string;
  groups: string[];
  isAdmin: boolean;
}

export function userOf(accessToken: string): SessionUser {
  const payload = accessToken.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].filter((g): g is string => typeof g === 'string') : [];
  return {
    sub: String(claims.sub ?? ''),
    username: String(claims.username ?? claims['cognito:username'] ?? ''),
    groups,
    isAdmin: groups.includes(ADMINS_GROUP),
  };
}
