/**
 * Input checks shared by resolvers. They run before any datasource call, so bad input is
 * refused with BAD_USER_INPUT and nothing changes.
 */
import { badInput } from '../errors';
import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { isEmail, isPhone } from '../lib/addresses';
import { PREFERENCES_MAX_BYTES } from '../datasources/metadata/directory.types';
import { hasBidiControl, hasControl } from '../lib/text';

export function text(value: string, field: string, max: number): string {
  if (value.length === 0) throw badInput(`${field} must not be empty`, field);
  if (value.length > max) throw badInput(`${field} must be at most ${max} characters`, field);
  if (hasControl(value)) throw badInput(`${field} contains control characters`, field);
  if (hasBidiControl(value)) throw badInput(`${field} contains bidirectional control characters`, field);
  return value;
}

export function username(value: string, field = 'username'): string {
  text(value, field, 128);
  if (/\s/.test(value)) throw badInput(`${field} must not contain spaces`, field);
  return value;
}

export function password(value: string, field = 'password'): string {
  if (value.length === 0) throw badInput(`${field} must not be empty`, field);
  if (value.length > 256) throw badInput(`${field} must be at most 256 characters`, field);
  if (hasControl(value)) throw badInput(`${field} contains control characters`, field);
  // Cognito's own rule for passwords (its pattern is ^[\S]+.*[\S]+$).
  if (/^\s|\s$/.test(value)) throw badInput(`${field} must not begin or end with a space`, field);
  return value;
}

export function code(value: string, field = 'code'): string {
  if (!/^[0-9]{6}$/.test(value)) throw badInput(`${field} must be the 6-digit code from the message`, field);
  return value;
}

export function token(value: string, field: string): string {
  text(value, field, 16384);
  if (!/^[A-Za-z0-9\-_=.+/]+$/.test(value)) throw badInput(`${field} is not a valid token`, field);
  return value;
}

export const MAX_PAGE = 60;
export const DEFAULT_PAGE = 20;
/** A `limit` argument's page, as the cost limit (src/limits) sizes it. */
export const PAGE = { argument: 'limit', default: DEFAULT_PAGE, max: MAX_PAGE };

/** A page size: Cognito lists at most 60 at a time. */
export function pageSize(limit: number | undefined | null, fallback = DEFAULT_PAGE): number {
  const size = limit ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badInput(`limit must be 1 to ${MAX_PAGE}`, 'limit');
  return size;
}

export function pageToken(token: string | undefined | null): string | undefined {
  if (token === undefined || token === null) return undefined;
  return text(token, 'nextToken', 4096);
}

/**
 * In a pool that signs in with email (or phone), a username of that form becomes the attribute
 * itself; a different value given as the attribute would be silently replaced. Refused instead.
 */
export function usernameAgreesWithAttributes(signInAttributes: string[], username: string, attributes: AttributeType[]): void {
  for (const [attribute, looksLike] of [
    ['email', isEmail],
    ['phone_number', isPhone],
  ] as const) {
    const given = attributes.find((a) => a.Name === attribute)?.Value;
    if (!signInAttributes.includes(attribute) || !looksLike(username) || given === undefined) continue;
    if (given.toLowerCase() !== username.toLowerCase()) {
      const field = attribute === 'email' ? 'email' : 'phoneNumber';
      throw badInput(`${field} must be the username in this pool (it signs in with ${attribute === 'email' ? 'email' : 'phone number'})`, field);
    }
  }
}

/** The signed-in user's own directory fields, as the store takes them (preferences as JSON text). */
export function preferences(input: { preferences?: unknown; displayName?: string | null; locale?: string | null }): {
  preferences?: string;
  displayName?: string;
  locale?: string;
} {
  const patch: { preferences?: string; displayName?: string; locale?: string } = {};
  if (input.preferences !== undefined && input.preferences !== null) {
    if (typeof input.preferences !== 'object' || Array.isArray(input.preferences)) throw badInput('preferences must be a JSON object', 'preferences');
    const text = JSON.stringify(input.preferences);
    if (Buffer.byteLength(text) > PREFERENCES_MAX_BYTES) throw badInput(`preferences must be at most ${PREFERENCES_MAX_BYTES} bytes of JSON`, 'preferences');
    patch.preferences = text;
  }
  if (input.displayName !== undefined && input.displayName !== null) patch.displayName = text(input.displayName, 'displayName', 128);
  if (input.locale !== undefined && input.locale !== null) {
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(input.locale)) throw badInput('locale must be a language tag such as en or pt-BR', 'locale');
    patch.locale = input.locale;
  }
  if (Object.keys(patch).length === 0) throw badInput('Give at least one of preferences, displayName or locale');
  return patch;
}

/** Policy flags: short lower-case words, at most 10. */
export function flags(values: string[], field = 'flags'): string[] {
  if (values.length > 10) throw badInput(`${field} may hold at most 10 flags`, field);
  for (const flag of values) if (!/^[a-z][a-z0-9_-]{0,31}$/.test(flag)) throw badInput(`${field} must be short lower-case words (got "${flag.slice(0, 40)}")`, field);
  return [...new Set(values)];
}
