/**
 * Input validation for operations, with AWS's wording for model constraint violations. Every
 * operation validates before it writes anything, so a bad request changes nothing.
 */
import { InvalidParameterException } from './errors';

type Input = Record<string, unknown>;

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

function violation(field: string, constraint: string): InvalidParameterException {
  return new InvalidParameterException(
    `1 validation error detected: Value at '${lowerFirst(field)}' failed to satisfy constraint: ${constraint}`,
  );
}

/** The model's answer for a value that does not match its pattern (the value itself is not quoted). */
export const patternViolation = (field: string, pattern: RegExp): InvalidParameterException =>
  violation(field, `Member must satisfy regular expression pattern: ${pattern.source}`);

export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
}

export function requiredString(input: Input, field: string, rule: StringRule = {}): string {
  const value = input[field];
  if (value === undefined || value === null) throw violation(field, 'Member must not be null');
  return checkString(field, value, rule);
}

export function optionalString(input: Input, field: string, rule: StringRule = {}): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  return checkString(field, value, rule);
}

function checkString(field: string, value: unknown, rule: StringRule): string {
  if (typeof value !== 'string') throw violation(field, 'Member must be a string');
  const min = rule.min ?? 1;
  if (value.length < min) throw violation(field, `Member must have length greater than or equal to ${min}`);
  if (rule.max !== undefined && value.length > rule.max) {
    throw violation(field, `Member must have length less than or equal to ${rule.max}`);
  }
  if (rule.pattern && !rule.pattern.test(value)) throw patternViolation(field, rule.pattern);
  return value;
}

export function optionalNumber(input: Input, field: string, min: number, max: number): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw violation(field, 'Member must be an integer');
  if (value < min) throw violation(field, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw violation(field, `Member must have value less than or equal to ${max}`);
  return value;
}

export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw violation(field, 'Member must be a boolean');
  return value;
}

export function optionalList<T = unknown>(input: Input, field: string, max = 100): T[] {
  const value = input[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw violation(field, 'Member must be a list');
  if (value.length > max) throw violation(field, `Member must have length less than or equal to ${max}`);
  return value as T[];
}

/**
 * A string-to-string map such as AuthParameters or ChallengeResponses. A null entry is left out,
 * as Cognito leaves it: amazon-cognito-identity-js sends `DEVICE_KEY: null` when it has no device.
 */
export function stringMap(input: Input, field: string, required = false): Record<string, string> {
  const value = input[field];
  if (value === undefined || value === null) {
    if (required) throw violation(field, 'Member must not be null');
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw violation(field, 'Member must be a map');
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null) continue;
    if (typeof entry !== 'string') throw violation(`${field}.${key}`, 'Member must be a string');
    if (entry.length > 131072) throw violation(`${field}.${key}`, 'Member must have length less than or equal to 131072');
    map[key] = entry;
  }
  return map;
}

export function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw violation(field, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  return value as T;
}

/** Field rules shared by many operations (from Cognito's API model). */
export const rules = {
  username: { max: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u },
  password: { max: 256, min: 1 },
  clientId: { max: 128, pattern: /^[\w+]+$/ },
  poolId: { max: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/ },
  code: { max: 2048, pattern: /^[\S]+$/ },
  secretHash: { max: 128 },
  token: { max: 131072, pattern: /^[A-Za-z0-9\-_=.]+$/ },
  session: { max: 2048 },
  groupName: { max: 128 },
} satisfies Record<string, StringRule>;
