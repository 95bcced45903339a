/**
 * The directory's items as stored, and the records and events read back from them. Besides the
 * contract's fields a profile item carries bookkeeping the store alone uses:
 *
 *   mirrorRev       bumped by every mirror write: a mirror reads, decides, then writes only if
 *                   no other mirror wrote in between
 *   recentSignIns   the last sign-in event ids counted, so a redelivered sign-in counts once
 *   attrNpk/attrNsk, activityPk/activitySk   the index keys (directory.keys.ts)
 */
import { pendingSignInOf } from './directory.pending';
import type { DirectoryProfile, SecurityEvent, SecurityEventType } from './directory.types';
import { UpdateBuilder } from './directory.expression';
import { ACTIVITY_INDEX, activityPartition, activityShardOf } from './directory.keys';

export type Item = Record<string, unknown>;

/** A record made by a sign-in or an app change before anything was mirrored has this version. */
export const BARE_VERSION = 0;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

export function toProfile(item: Item): DirectoryProfile {
  return {
    sub: String(item.sub),
    username: text(item.username) ?? '',
    email: text(item.email),
    status: text(item.status) ?? 'UNKNOWN',
    enabled: item.enabled !== false,
    createdAt: num(item.createdAt) ?? 0,
    cognitoModifiedAt: num(item.cognitoModifiedAt) ?? BARE_VERSION,
    estimated: item.estimated === true ? true : undefined,
    indexed: (item.indexed as Record<string, string> | undefined) ?? {},
    confirmedAt: num(item.confirmedAt),
    signUpSource: text(item.signUpSource),
    lastSignInAt: num(item.lastSignInAt),
    signInCount: num(item.signInCount) ?? 0,
    lastIp: text(item.lastIp),
    lastDevice: text(item.lastDevice),
    preferences: text(item.preferences),
    displayName: text(item.displayName),
    locale: text(item.locale),
    plan: text(item.plan),
    flags: Array.isArray(item.flags) ? item.flags.map(String) : [],
    recordedAt: num(item.recordedAt) ?? 0,
    pendingSignIn: pendingSignInOf(item.pendingSignIn),
    recentSignIns: Array.isArray(item.recentSignIns) ? item.recentSignIns.map(String) : [],
  };
}

/** Whether a profile item holds mirrored fields yet (a bare one has only app fields). */
export const isMirrored = (item: Item | undefined): item is Item => item !== undefined && item.mirrorRev !== undefined;

export function toEvent(item: Item): SecurityEvent {
  return {
    id: String(item.id),
    sub: String(item.sub),
    type: item.type as SecurityEventType,
    at: Number(item.at),
    ip: text(item.ip),
    device: text(item.device),
    actor: text(item.actor),
    action: text(item.action),
    expiresAt: Number(item.expiresAt),
  };
}

/** App fields at their defaults, for whichever write creates the record. */
export function appDefaults(update: UpdateBuilder, sub: string, now: number): UpdateBuilder {
  return update
    .setIfMissing('sub', sub)
    .setIfMissing('signInCount', 0)
    .setIfMissing('flags', [])
    .setIfMissing('recordedAt', now)
    .setIfMissing(ACTIVITY_INDEX.pk, activityPartition(activityShardOf(sub)));
}

/**
 * Placeholders for the mirrored fields of a record that a sign-in or an app change creates
 * before Cognito's fields are known: version 0, so any mirror replaces them. `createdAt` is the
 * first moment the user is known to have existed, and orders the record until then.
 */
export function bareDefaults(update: UpdateBuilder, sub: string, now: number, seenAt: number): UpdateBuilder {
  return appDefaults(update, sub, now)
    .setIfMissing('username', '')
    .setIfMissing('status', 'UNKNOWN')
    .setIfMissing('enabled', true)
    .setIfMissing('createdAt', seenAt)
    .setIfMissing('cognitoModifiedAt', BARE_VERSION)
    .setIfMissing('indexed', {});
}
