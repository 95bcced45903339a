/**
 * Per-request DataLoaders: within one request each user, each user's groups, each group and
 * each page of a group's members is fetched from Cognito once however many fields ask, so a
 * nested admin query costs one call per distinct thing it names. Cognito has no batch read for
 * these, so a batch runs its calls with bounded concurrency to stay clear of Cognito's quotas.
 * Directory records do: a batch of them is one BatchGetItem (up to 100 keys).
 */
import DataLoader from 'dataloader';
import type { Group } from '../schema/types/admin.types';
import type { User } from '../schema/types/profile.types';
import { mapWithConcurrency } from './concurrency';
import type { UserPage } from './cognito/adminUsers.datasource';
import type { GroupsDataSource } from './cognito/groups.datasource';
import type { ProfileDataSource } from './cognito/profile.datasource';
import type { Directory, DirectoryProfile } from './metadata/directory.types';

export const COGNITO_CONCURRENCY = 8;

/** One page of a group's members, as ListUsersInGroup is asked for it. */
export interface MembersPage {
  group: string;
  limit: number;
  nextToken?: string;
}

export interface Loaders {
  user: DataLoader<string, User>;
  groupsOf: DataLoader<string, Group[]>;
  group: DataLoader<string, Group>;
  members: DataLoader<MembersPage, UserPage, string>;
  /** Directory records by sub (undefined where there is none yet). */
  metadataOf: DataLoader<string, DirectoryProfile | undefined>;
}

/** Errors stay per key, so one missing user does not fail the others in the batch. */
const settle = <T>(promise: Promise<T>): Promise<T | Error> => promise.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

/** A loader that asks `fetch` once per distinct key, a few keys at a time. */
function perKey<K, V>(fetch: (key: K) => Promise<V>, cacheKeyFn?: (key: K) => string): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>((keys) => mapWithConcurrency(keys, COGNITO_CONCURRENCY, (key) => settle(fetch(key))), { cacheKeyFn });
}

export function createLoaders(sources: { profile: ProfileDataSource; groups: GroupsDataSource; directory: Directory }): Loaders {
  return {
    user: perKey((username: string) => sources.profile.getUser(username)),
    groupsOf: perKey((username: string) => sources.groups.groupsOf(username)),
    group: perKey((name: string) => sources.groups.get(name)),
    members: perKey(
      (page: MembersPage) => sources.groups.members(page.group, page.limit, page.nextToken),
      (page) => JSON.stringify([page.group, page.limit, page.nextToken ?? null]),
    ),
    metadataOf: new DataLoader((subs) => sources.directory.getMany(subs), { maxBatchSize: 100 }),
  };
}
