/**
 * Users, their unique sign-in names, and their lockout counters.
 *
 * DynamoDB local has no transactions, so uniqueness is kept with conditional writes: a user's
 * names (sub, and email or phone when they sign in with it) are claimed first, then the user
 * record is written. A crash between the two leaves an orphan claim, which the next claimant
 * takes over after checking that its owner does not exist. No user is ever half-created.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetInOrder, batchWrite } from '../../../lib/dynamoBatch';
import { isConditionFailure, keys, Table } from './table';
import { indexChanges } from './userIndex';
import { applyChange, updateExpression, UserChange } from './userUpdate';
import type { UserRecord } from './model';

export interface SignInName {
  kind: 'sub' | 'email' | 'phone_number' | 'preferred_username';
  value: string;
}

export class NameTakenError extends Error {
  constructor(readonly kind: SignInName['kind']) {
    super(`${kind} is already taken`);
  }
}

export class UserExistsError extends Error {}

/** Names are matched case-insensitively, except sub which is a UUID anyway. */
export const nameKeyValue = (name: SignInName): string => name.value.toLowerCase();

export class UsersStore {
  constructor(private readonly table: Table) {}

  async get(poolId: string, usernameKey: string, consistent = true): Promise<UserRecord | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.user(poolId, usernameKey), ConsistentRead: consistent }),
    );
    return Item as UserRecord | undefined;
  }

  async resolveName(poolId: string, name: SignInName): Promise<string | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.name(poolId, name.kind, nameKeyValue(name)) }),
    );
    return Item?.usernameKey as string | undefined;
  }

  async claimName(poolId: string, name: SignInName, usernameKey: string): Promise<void> {
    const key = keys.name(poolId, name.kind, nameKeyValue(name));
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...key, usernameKey },
          ConditionExpression: 'attribute_not_exists(pk) OR usernameKey = :me',
          ExpressionAttributeValues: { ':me': usernameKey },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const owner = await this.resolveName(poolId, name);
      if (owner && (await this.get(poolId, owner))) throw new NameTakenError(name.kind);
      // The owner is gone (an interrupted create or delete): take the claim over, guarded on the
      // stale owner so two claimants cannot both win.
      try {
        await this.table.doc.send(
          new PutCommand({
            TableName: this.table.name,
            Item: { ...key, usernameKey },
            ConditionExpression: owner ? 'usernameKey = :stale' : 'attribute_not_exists(pk)',
            ExpressionAttributeValues: owner ? { ':stale': owner } : undefined,
          }),
        );
      } catch (retryError) {
        if (isConditionFailure(retryError)) throw new NameTakenError(name.kind);
        throw retryError;
      }
    }
  }

  /** Releases a claim only if this user still holds it. */
  async releaseName(poolId: string, name: SignInName, usernameKey: string): Promise<void> {
    try {
      await this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: keys.name(poolId, name.kind, nameKeyValue(name)),
          ConditionExpression: 'usernameKey = :me',
          ExpressionAttributeValues: { ':me': usernameKey },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * Claims the names, writes the user's ListUsers entries, then the user; undoes the claims (and
   * the entries the existing user does not share) if the user cannot be written.
   *
   * The entries go before the user: ListUsers skips an entry whose user is missing, so a crash
   * between the two leaves nothing visible, whereas a user written first would be missing from
   * ListUsers for good (the crash test, test/ops/crash.test.ts, found that one).
   */
  async create(user: UserRecord, names: SignInName[]): Promise<void> {
    const claimed: SignInName[] = [];
    let indexed = false;
    try {
      for (const name of names) {
        await this.claimName(user.poolId, name, user.usernameKey);
        claimed.push(name);
      }
      await batchWrite(this.table.doc, this.table.name, indexChanges(undefined, user));
      indexed = true;
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...keys.user(user.poolId, user.usernameKey), ...user },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      for (const name of claimed) await this.releaseName(user.poolId, name, user.usernameKey);
      if (indexed) await this.dropEntriesNotOf(user, await this.get(user.poolId, user.usernameKey));
      if (isConditionFailure(error)) throw new UserExistsError('user exists');
      throw error;
    }
  }

  /** Deletes `written`'s ListUsers entries that `owner` (the user under that name, if any) does not have. */
  private async dropEntriesNotOf(written: UserRecord, owner: UserRecord | undefined): Promise<void> {
    const deletes = indexChanges(written, owner).filter((change) => 'delete' in change);
    if (deletes.length) await batchWrite(this.table.doc, this.table.name, deletes);
  }

  /**
   * Sets fields (and attributes) of an existing user. `expect` adds equality guards, so a state
   * change (for example UNCONFIRMED -> CONFIRMED) happens at most once under concurrency.
   * Returns the updated user, or undefined when the user is gone or a guard failed.
   */
  async update(poolId: string, usernameKey: string, change: UserChange): Promise<UserRecord | undefined> {
    const { expression, condition, names, values } = updateExpression(change);
    try {
      const result = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.user(poolId, usernameKey),
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_OLD',
        }),
      );
      const before = result.Attributes as UserRecord;
      const after = applyChange(before, change);
      const reindex = indexChanges(before, after);
      if (reindex.length) await batchWrite(this.table.doc, this.table.name, reindex);
      return after;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** One page of the ListUsers index (see userIndex.ts); the table name is filled in here. */
  async queryIndex(query: Omit<QueryCommandInput, 'TableName'>): Promise<{ usernameKeys: string[]; lastSortKey?: string }> {
    const result = await this.table.doc.send(new QueryCommand({ ...query, TableName: this.table.name }));
    return {
      usernameKeys: (result.Items ?? []).map((i) => i.usernameKey as string),
      lastSortKey: result.LastEvaluatedKey?.sk as string | undefined,
    };
  }

  /** Users by username key, in the same order; undefined for any that no longer exist. */
  async getMany(poolId: string, usernameKeys: string[]): Promise<(UserRecord | undefined)[]> {
    return batchGetInOrder<UserRecord>(this.table.doc, this.table.name, usernameKeys.map((k) => keys.user(poolId, k)));
  }

  /** Deletes the user record first (so the user is gone at once), then its codes and names. */
  async delete(user: UserRecord, names: SignInName[]): Promise<boolean> {
    let stored: UserRecord;
    try {
      const result = await this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: keys.user(user.poolId, user.usernameKey),
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_OLD',
        }),
      );
      stored = result.Attributes as UserRecord;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    await batchWrite(this.table.doc, this.table.name, indexChanges(stored, undefined));
    const partition = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.userPartition(user.poolId, user.usernameKey) },
        ProjectionExpression: 'pk, sk',
      }),
    );
    for (const item of partition.Items ?? []) {
      await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: { pk: item.pk, sk: item.sk } }));
      // A group membership also has a record on the group's side (see groups.store.ts).
      const group = /^GROUP#(.+)$/.exec(item.sk as string)?.[1];
      if (group) {
        await this.table.doc.send(
          new DeleteCommand({ TableName: this.table.name, Key: { pk: `MEMBERS#${user.poolId}#${group}`, sk: user.usernameKey } }),
        );
      }
    }
    for (const name of names) await this.releaseName(user.poolId, name, user.usernameKey);
    return true;
  }

  /**
   * Records that the TOTP code of time step `step` was used: true for the first use of a step
   * later than any used before, false otherwise, so each code works once however many requests
   * carry it at the same moment.
   */
  async claimTotpStep(poolId: string, usernameKey: string, step: number): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.user(poolId, usernameKey),
          UpdateExpression: 'SET totpLastStep = :step',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(totpLastStep) OR totpLastStep < :step)',
          ExpressionAttributeValues: { ':step': step },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Raw conditional update used by the lockout counters; returns undefined when the guard fails. */
  async updateCounters(
    poolId: string,
    usernameKey: string,
    expression: string,
    condition: string,
    values: Record<string, unknown>,
  ): Promise<UserRecord | undefined> {
    try {
      const result = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.user(poolId, usernameKey),
          UpdateExpression: expression,
          ConditionExpression: `attribute_exists(pk) AND (${condition})`,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes as UserRecord;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }
}

