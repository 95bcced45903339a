/**
 * The safety rail: no change may leave the Admins group without an enabled member. The check
 * and the change run under one lease (see locks.store.ts), so two admins demoting each other at
 * the same moment cannot both succeed.
 */
import type { ApiContext } from '../context';
import { ApiError } from '../errors';

export const ADMINS_GROUP = 'Admins';
const LOCK = 'admins-group';

export type AdminsChange =
  | { kind: 'disable' | 'delete'; username: string }
  | { kind: 'remove-member'; username: string; group: string }
  | { kind: 'delete-group'; group: string };

/** Whether any enabled member of Admins other than `except` exists (stops at the first found). */
async function anotherEnabledAdmin(context: ApiContext, except: string): Promise<boolean> {
  let nextToken: string | undefined;
  do {
    const page = await context.sources.groups.members(ADMINS_GROUP, 60, nextToken);
    if (page.items.some((u) => u.enabled && u.username !== except)) return true;
    nextToken = page.nextToken;
  } while (nextToken);
  return false;
}

async function wouldStrandAdmins(context: ApiContext, change: AdminsChange): Promise<boolean> {
  if (change.kind === 'delete-group') return change.group === ADMINS_GROUP;
  if (change.kind === 'remove-member' && change.group !== ADMINS_GROUP) return false;
  const target = await context.loaders.user.load(change.username);
  if (!target.enabled) return false;
  const groups = await context.loaders.groupsOf.load(target.username);
  if (!groups.some((g) => g.name === ADMINS_GROUP)) return false;
  return !(await anotherEnabledAdmin(context, target.username));
}

/** Runs `apply` only if the change keeps an enabled admin; otherwise refuses and changes nothing. */
export async function guardAdmins<T>(context: ApiContext, change: AdminsChange, apply: () => Promise<T>): Promise<T> {
  return context.sources.locks.withLock(LOCK, async () => {
    if (await wouldStrandAdmins(context, change)) {
      throw new ApiError(
        'SAFETY_RAIL',
        change.kind === 'delete-group'
          ? 'The Admins group cannot be deleted.'
          : 'Refused: this would leave the Admins group with no enabled member. Add another admin first.',
      );
    }
    return apply();
  });
}
