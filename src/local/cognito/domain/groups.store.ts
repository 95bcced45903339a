/**
 * Groups and memberships. A membership is written twice, once in the user's partition (groups
 * of a user) and once in the group's member partition (users of a group), so both listings are
 * single-partition queries.
 *
 *   GROUP#<poolId>#<name>        / GROUP          the group
 *   GROUPS#<poolId>              / <name>         listing entry (ListGroups)
 *   USER#<poolId>#<usernameKey>  / GROUP#<name>   membership, user side
 *   MEMBERS#<poolId>#<name>      / <usernameKey>  membership, group side
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetInOrder } from '../../../lib/dynamoBatch';
import { isConditionFailure, keys, Table } from './table';

export interface GroupRecord {
  poolId: string;
  groupName: string;
  description?: string;
  roleArn?: string;
  precedence?: number;
  createdAt: number;
  modifiedAt: number;
}

const groupKey = (poolId: string, name: string) => ({ pk: `GROUP#${poolId}#${name}`, sk: 'GROUP' });
const listingKey = (poolId: string, name: string) => ({ pk: `GROUPS#${poolId}`, sk: name });
const userSide = (poolId: string, usernameKey: string, name: string) => ({ pk: keys.userPartition(poolId, usernameKey), sk: `GROUP#${name}` });
const memberSide = (poolId: string, name: string, usernameKey: string) => ({ pk: `MEMBERS#${poolId}#${name}`, sk: usernameKey });

export interface Page<T> {
  items: T[];
  next?: string;
}

export class GroupsStore {
  constructor(private readonly table: Table) {}

  /** False when a group of that name exists already. */
  async create(group: GroupRecord): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({ TableName: this.table.name, Item: { ...groupKey(group.poolId, group.groupName), ...group }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    await this.table.doc.send(new PutCommand({ TableName: this.table.name, Item: { ...listingKey(group.poolId, group.groupName), groupName: group.groupName } }));
    return true;
  }

  async get(poolId: string, name: string): Promise<GroupRecord | undefined> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.name, Key: groupKey(poolId, name), ConsistentRead: true }));
    return Item as GroupRecord | undefined;
  }

  async getMany(poolId: string, names: string[]): Promise<GroupRecord[]> {
    const groups = await batchGetInOrder<GroupRecord>(this.table.doc, this.table.name, names.map((n) => groupKey(poolId, n)));
    return groups.filter((g): g is GroupRecord => g !== undefined);
  }

  async update(poolId: string, name: string, changes: Partial<Pick<GroupRecord, 'description' | 'roleArn' | 'precedence'>>, now: number): Promise<GroupRecord | undefined> {
    const sets = ['modifiedAt = :now'];
    const values: Record<string, unknown> = { ':now': now };
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      sets.push(`${field} = :${field}`);
      values[`:${field}`] = value;
    }
    try {
      const result = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: groupKey(poolId, name),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes as GroupRecord;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Deletes the group first (it is gone at once), then its listing entry and memberships. */
  async delete(poolId: string, name: string): Promise<boolean> {
    try {
      await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: groupKey(poolId, name), ConditionExpression: 'attribute_exists(pk)' }));
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: listingKey(poolId, name) }));
    let next: string | undefined;
    do {
      const page = await this.members(poolId, name, 100, next);
      for (const usernameKey of page.items) await this.removeMember(poolId, name, usernameKey);
      next = page.next;
    } while (next);
    return true;
  }

  async list(poolId: string, limit: number, after?: string): Promise<Page<string>> {
    return this.queryKeys(`GROUPS#${poolId}`, limit, after);
  }

  async addMember(poolId: string, name: string, usernameKey: string, now: number): Promise<void> {
    await this.table.doc.send(new PutCommand({ TableName: this.table.name, Item: { ...memberSide(poolId, name, usernameKey), addedAt: now } }));
    await this.table.doc.send(new PutCommand({ TableName: this.table.name, Item: { ...userSide(poolId, usernameKey, name), groupName: name, addedAt: now } }));
  }

  async removeMember(poolId: string, name: string, usernameKey: string): Promise<void> {
    await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: userSide(poolId, usernameKey, name) }));
    await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: memberSide(poolId, name, usernameKey) }));
  }

  /** Username keys of a group's members, a page at a time. */
  async members(poolId: string, name: string, limit: number, after?: string): Promise<Page<string>> {
    return this.queryKeys(`MEMBERS#${poolId}#${name}`, limit, after);
  }

  /** Names of the groups a user belongs to, a page at a time. */
  async groupsOf(poolId: string, usernameKey: string, limit = 100, after?: string): Promise<Page<string>> {
    const pk = keys.userPartition(poolId, usernameKey);
    const result = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': 'GROUP#' },
        Limit: limit,
        ExclusiveStartKey: after ? { pk, sk: `GROUP#${after}` } : undefined,
      }),
    );
    return {
      items: (result.Items ?? []).map((i) => i.groupName as string),
      next: result.LastEvaluatedKey ? (result.LastEvaluatedKey.sk as string).slice('GROUP#'.length) : undefined,
    };
  }

  private async queryKeys(pk: string, limit: number, after?: string): Promise<Page<string>> {
    const result = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: 'sk',
        Limit: limit,
        ExclusiveStartKey: after ? { pk, sk: after } : undefined,
      }),
    );
    return { items: (result.Items ?? []).map((i) => i.sk as string), next: result.LastEvaluatedKey?.sk as string | undefined };
  }
}
