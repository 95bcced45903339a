/**
 * Keeping the user directory in step with what the API itself changes, since no trigger fires
 * for attribute changes, admin actions or sign-outs, and recording the security events the API
 * sees. Best effort by design: Cognito's change has already happened, so a failed write here is
 * logged and left to repair (the next read of the record mirrors it again when it is behind, and
 * reconcile fixes the rest); it never fails the request that made the change.
 */
import type { ApiContext } from '../context';
import type { AppFields, SecurityEventType } from '../datasources/metadata/directory.types';
import { mirrorOf } from '../datasources/metadata/profileShapes';
import { ApiError } from '../errors';
import type { User } from '../schema/types/profile.types';

async function bestEffort(context: ApiContext, what: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    context.logger.warn('directory write failed; reconcile repairs it', { what, requestId: context.requestId, error: (error as Error)?.name ?? String(error) });
  }
}

/** Mirrors Cognito's record as it is now (`user` read after the change); `created` applies to a new record. */
export function mirrorUser(context: ApiContext, user: User, created?: Pick<AppFields, 'confirmedAt' | 'signUpSource'>): Promise<void> {
  return bestEffort(context, 'mirror', () => context.sources.directory.mirror(user.sub, mirrorOf(user, context.indexedAttributes), created));
}

/** Reads the user afresh from Cognito (by username, email or sub) and mirrors it; returns what it read. */
export async function mirrorUserNamed(context: ApiContext, identifier: string): Promise<User | undefined> {
  let user: User | undefined;
  await bestEffort(context, 'mirror', async () => {
    user = await context.sources.profile.getUser(identifier);
    await context.sources.directory.mirror(user.sub, mirrorOf(user, context.indexedAttributes));
  });
  return user;
}

/** A security event for `sub`, from this request (its client address and device). */
export function recordEvent(context: ApiContext, sub: string, type: SecurityEventType, action?: string): Promise<void> {
  return bestEffort(context, type, () =>
    context.sources.directory.addEvent({
      // One event of a kind per request: a retried write has one effect.
      id: `${context.requestId}:${type}${action ? `:${action}` : ''}`,
      sub,
      type,
      at: Date.now(),
      ip: context.clientIp || undefined,
      device: context.userAgent,
      action,
      ...(type === 'ADMIN_ACTION' ? { actor: context.identity?.username } : {}),
    }),
  );
}

/**
 * An admin's change to `target`: the event naming the admin, and the mirror of the new state.
 * Returns the user as Cognito now has them.
 */
export async function adminChanged(context: ApiContext, target: { sub: string; username: string }, action: string): Promise<User> {
  const [, user] = await Promise.all([recordEvent(context, target.sub, 'ADMIN_ACTION', action), mirrorUserNamed(context, target.username)]);
  return user ?? context.sources.profile.getUser(target.username);
}

/** The user is gone: so are their record and events. */
export function forgetUser(context: ApiContext, sub: string): Promise<void> {
  return bestEffort(context, 'remove', () => context.sources.directory.remove(sub));
}

export const isWrongPassword = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'NOT_AUTHORIZED' && error.message === 'Incorrect username or password.';

/**
 * A wrong password for `identifier`: a SIGN_IN_FAILED event if such an account exists (Cognito
 * has no trigger for failures). Run in the background, after the answer, so that neither the
 * answer nor its timing depends on whether the account exists.
 */
export async function noteFailedSignIn(context: ApiContext, identifier: string): Promise<void> {
  let user: User;
  try {
    user = await context.sources.profile.getUser(identifier);
  } catch {
    return; // no such account (or Cognito unreachable): nothing to record
  }
  await recordEvent(context, user.sub, 'SIGN_IN_FAILED');
}
