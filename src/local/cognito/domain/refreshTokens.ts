/**
 * Refresh tokens: opaque `<sessionId>.<secret>` (generation 0) or `<sessionId>.<generation>.<secret>`
 * once rotated, with only a digest of the current secret stored on the session (its family).
 *
 * A secret is 16 bytes of value and a 16-byte tag, an HMAC with the pool's pepper over the session,
 * the generation and the value. The tag lets the engine tell a token it issued from a forgery
 * without storing every token it ever issued, which rotation's reuse detection needs: a genuine
 * token of an older generation is a reuse, a forged one only invalid (so knowing a session id,
 * which access tokens carry as origin_jti, is not enough to end someone's session).
 *
 * Rotation is deterministic: generation n+1's value is an HMAC of generation n's secret. A client
 * that retries within the grace period with the token it just rotated out gets the same new token
 * again, with nothing more stored than the previous digest.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { secretsEqual } from './constantTime';

export interface RefreshToken {
  sessionId: string;
  generation: number;
  secret: string;
}

const TOKEN = /^([0-9a-f-]{36})(?:\.(\d{1,9}))?\.([A-Za-z0-9_-]{43})$/;

export const secretDigest = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export function parseRefreshToken(token: string): RefreshToken | undefined {
  const match = TOKEN.exec(token);
  return match ? { sessionId: match[1], generation: match[2] === undefined ? 0 : Number(match[2]), secret: match[3] } : undefined;
}

export const formatRefreshToken = ({ sessionId, generation, secret }: RefreshToken): string =>
  generation === 0 ? `${sessionId}.${secret}` : `${sessionId}.${generation}.${secret}`;

const tag = (pepper: string, sessionId: string, generation: number, value: Buffer): Buffer =>
  createHmac('sha256', pepper).update(`refresh-tag:${sessionId}:${generation}:${value.toString('base64url')}`).digest().subarray(0, 16);

const withTag = (pepper: string, sessionId: string, generation: number, value: Buffer): string =>
  Buffer.concat([value, tag(pepper, sessionId, generation, value)]).toString('base64url');

/** The first token of a new session. */
export function firstRefreshToken(pepper: string, sessionId: string): RefreshToken {
  return { sessionId, generation: 0, secret: withTag(pepper, sessionId, 0, randomBytes(16)) };
}

/** The token that rotation makes from `token`: always the same one for the same token. */
export function rotatedRefreshToken(pepper: string, token: RefreshToken): RefreshToken {
  const generation = token.generation + 1;
  const value = createHmac('sha256', pepper).update(`refresh-rotate:${token.sessionId}:${generation}:${token.secret}`).digest().subarray(0, 16);
  return { sessionId: token.sessionId, generation, secret: withTag(pepper, token.sessionId, generation, value) };
}

/** Whether the engine issued this token (of any generation), whatever has happened to it since. */
export function isGenuine(pepper: string, token: RefreshToken): boolean {
  const bytes = Buffer.from(token.secret, 'base64url');
  if (bytes.length !== 32) return false;
  return secretsEqual(tag(pepper, token.sessionId, token.generation, bytes.subarray(0, 16)).toString('base64url'), bytes.subarray(16).toString('base64url'));
}
