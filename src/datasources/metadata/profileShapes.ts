/** Between the directory's records and the API's types, and from Cognito's record to the mirrored fields. */
import type { SecurityEvent as ApiSecurityEvent, SecurityEventType, UserMetadata } from '../../schema/types/directory.types';
import type { User } from '../../schema/types/profile.types';
import type { DirectoryProfile, MirroredFields, SecurityEvent } from './directory.types';

/** Cognito's record (as the API's User) as the fields the directory mirrors. */
export function mirrorOf(user: User, indexedAttributes: readonly string[]): MirroredFields {
  const indexed: Record<string, string> = {};
  for (const name of indexedAttributes) {
    const value = name.startsWith('custom:') ? user.customAttributes[name.slice('custom:'.length)] : (user as unknown as Record<string, unknown>)[name];
    if (typeof value === 'string' && value) indexed[name] = value;
  }
  return {
    username: user.username,
    email: user.email,
    status: user.status,
    enabled: user.enabled,
    createdAt: user.createdAt.getTime(),
    cognitoModifiedAt: user.updatedAt.getTime(),
    indexed,
  };
}

/** Whether a record is missing or reflects an older state of Cognito's record than `user`. */
export const isBehind = (record: DirectoryProfile | undefined, user: User): boolean =>
  !record || record.cognitoModifiedAt < user.updatedAt.getTime();

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

function parsedPreferences(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function toMetadata(record: DirectoryProfile): UserMetadata {
  return {
    sub: record.sub,
    username: record.username,
    email: record.email,
    status: record.status,
    enabled: record.enabled,
    createdAt: new Date(record.createdAt),
    confirmedAt: date(record.confirmedAt),
    signUpSource: record.signUpSource,
    lastSignInAt: date(record.lastSignInAt),
    signInCount: record.signInCount,
    lastIp: record.lastIp,
    lastDevice: record.lastDevice,
    preferences: parsedPreferences(record.preferences),
    displayName: record.displayName,
    locale: record.locale,
    plan: record.plan,
    flags: record.flags,
    indexed: record.indexed,
  };
}

export function toSecurityEvent(event: SecurityEvent): ApiSecurityEvent {
  return {
    id: event.id,
    type: event.type as SecurityEventType,
    at: new Date(event.at),
    ip: event.ip,
    device: event.device,
    actor: event.actor,
    action: event.action,
  };
}
