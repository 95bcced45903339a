/**
 * Reconcile: brings the user directory in line with Cognito, repairing what triggers and
 * write-through missed (a failed PostConfirmation, admin-created users, changes made straight in
 * Cognito, users deleted there).
 *
 * 1. Every Cognito user, a ListUsers page (60) at a time: mirrored into the directory. `mirror`
 *    is ordered by Cognito's version, so a change made while reconcile runs is never undone by
 *    the older state reconcile listed. A missing record is created; a stale one is fixed.
 * 2. Every directory record (`all()`): one whose sub the listing did not return is removed once
 *    Cognito confirms it has no such user (ListUsers filtered on the sub), so a user who signed up
 *    after their page was listed is kept.
 *
 * Memory: the listed subs are kept as 8-byte digests (seenUsers.ts), 320 MB for a pool at
 * Cognito's 40 million users, rather than asking Cognito about every record (AdminGetUser at the
 * UserRead quota of 120 a second would take four days for 40 million; ListUsers' pages take six
 * hours at 30 a second).
 *
 * Safe to run twice (a second run finds nothing to do) and to interrupt: everything written is
 * a finished, ordered write, and the removal step only runs after a complete listing, so an
 * interrupted run removes nothing and a rerun starts the listing over and converges.
 */
import { CognitoIdentityProviderClient, ListUsersCommand, ListUsersCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { mapWithConcurrency } from '../datasources/concurrency';
import { mirroredFromCognito, signUpSourceOf, subOf } from '../datasources/metadata/directory.fromCognito';
import type { Directory } from '../datasources/metadata/directory.types';
import { SeenUsers } from './seenUsers';
import { realSleep, Sleep, withBackoff } from './throttle';

export interface Counts {
  /** Cognito users looked at. */
  checked: number;
  /** Directory records made for users who had none. */
  created: number;
  /** Records whose mirrored fields were behind Cognito's. */
  fixed: number;
  /** Records of users Cognito no longer has. */
  removed: number;
  /** The run was stopped before the end (nothing was removed if the listing was not complete). */
  interrupted: boolean;
}

export interface Progress extends Counts {
  phase: 'users' | 'records';
  /** Directory records looked at in the removal step. */
  walked: number;
}

export interface ReconcileDeps {
  cognito: Pick<CognitoIdentityProviderClient, 'send'>;
  userPoolId: string;
  directory: Directory;
  indexedAttributes: readonly string[];
  /** Stops the run after the page in hand. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Writes (or Cognito checks) in flight at once. */
  concurrency?: number;
  sleep?: Sleep;
}

const PAGE = 60;
const RECORD_PAGE = 100;

export async function reconcile(deps: ReconcileDeps): Promise<Counts> {
  const progress: Progress = { phase: 'users', checked: 0, created: 0, fixed: 0, removed: 0, walked: 0, interrupted: false };
  const report = () => deps.onProgress?.({ ...progress });
  const stopped = () => {
    progress.interrupted = deps.signal?.aborted === true;
    return progress.interrupted;
  };
  const seen = new SeenUsers();
  const concurrency = deps.concurrency ?? 8;
  const listUsers = (input: { Filter?: string; PaginationToken?: string; Limit: number }): Promise<ListUsersCommandOutput> =>
    withBackoff(() => deps.cognito.send(new ListUsersCommand({ UserPoolId: deps.userPoolId, ...input })), deps.sleep ?? realSleep);

  let token: string | undefined;
  do {
    if (stopped()) return counts(progress);
    const page = await listUsers({ Limit: PAGE, PaginationToken: token });
    const users = (page.Users ?? []).flatMap((user) => {
      const sub = subOf(user);
      return sub ? [{ user, sub }] : [];
    });
    const records = await deps.directory.getMany(users.map(({ sub }) => sub));
    const listed = users.map((entry, n) => ({ ...entry, isNew: records[n] === undefined }));
    await mapWithConcurrency(listed, concurrency, async ({ user, sub, isNew }) => {
      seen.add(sub);
      // How the user came to be is guessed only for a record reconcile makes, never written over.
      const created = isNew ? { signUpSource: signUpSourceOf(user.UserStatus) } : undefined;
      const outcome = await deps.directory.mirror(sub, mirroredFromCognito(user, deps.indexedAttributes), created);
      if (outcome === 'created') progress.created++;
      if (outcome === 'updated') progress.fixed++;
    });
    progress.checked += users.length;
    report();
    token = page.PaginationToken;
  } while (token);

  seen.seal();
  progress.phase = 'records';
  // A sub that cannot be Cognito's (a UUID) names nobody there; any other is asked about.
  const goneFromCognito = async (sub: string) =>
    !/^[\w-]{1,128}$/.test(sub) || ((await listUsers({ Filter: `sub = "${sub}"`, Limit: 1 })).Users ?? []).length === 0;
  let next: string | undefined;
  do {
    if (stopped()) return counts(progress);
    const page = await deps.directory.all(RECORD_PAGE, next);
    await mapWithConcurrency(
      page.items.filter((record) => !seen.has(record.sub)),
      concurrency,
      async (record) => {
        if (!(await goneFromCognito(record.sub))) return;
        await deps.directory.remove(record.sub);
        progress.removed++;
      },
    );
    progress.walked += page.items.length;
    report();
    next = page.nextToken;
  } while (next);
  return counts(progress);
}

const counts = ({ checked, created, fixed, removed, interrupted }: Progress): Counts => ({ checked, created, fixed, removed, interrupted });
