/**
 * Per-request DataLoaders: within one request each user, and each user's groups, is fetched
 * from Cognito once however many fields ask. Cognito has no batch read for these, so a batch
 * runs its calls with bounded concurrency to stay clear of Cognito's request quotas.
 */
import DataLoader from 'dataloader';
import type { Group } from '../schema/types/admin.types';
import type { User } from '../schema/types/profile.types';
import { mapWithConcurrency } from './concurrency';
import type { GroupsDataSource } from './cognito/groups.datasource';
import type { ProfileDataSource } from './cognito/profile.datasource';

export const COGNITO_CONCURRENCY = 8;

export interface Loaders {
  user: DataLoader<string, User>;
  groupsOf: DataLoader<string, Group[]>;
}

/** Errors stay per key, so one missing user does not fail the others in the batch. */
const settle = <T>(promise: Promise<T>): Promise<T | Error> => promise.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

export function createLoaders(sources: { profile: ProfileDataSource; groups: GroupsDataSource }): Loaders {
  return {
    user: new DataLoader((usernames) => mapWithConcurrency(usernames, COGNITO_CONCURRENCY, (u) => settle(sources.profile.getUser(u)))),
    groupsOf: new DataLoader((usernames) => mapWithConcurrency(usernames, COGNITO_CONCURRENCY, (u) => settle(sources.groups.groupsOf(u)))),
  };
}
