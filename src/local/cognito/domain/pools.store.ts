/** Pools and app clients in the engine table. */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, keys, Table } from './table';
import type { ClientRecord, PoolRecord } from './model';

export class PoolsStore {
  /**
   * Pools and clients change only through UpdateUserPool and UpdateUserPoolClient, which refresh
   * this cache: safe while one engine process serves a table (as `npm start` and
   * `npm run cognito:local` do).
   */
  private readonly poolCache = new Map<string, PoolRecord>();
  private readonly clientCache = new Map<string, ClientRecord>();

  constructor(private readonly table: Table) {}

  async createPool(pool: PoolRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.pool(pool.poolId), ...pool },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.poolList(), sk: pool.poolId, poolId: pool.poolId, name: pool.name, createdAt: pool.createdAt },
      }),
    );
  }

  /** Replaces a pool's name and settings; the updated pool, or undefined if it is gone. */
  async updatePool(poolId: string, change: Pick<PoolRecord, 'name' | 'settings' | 'modifiedAt'>): Promise<PoolRecord | undefined> {
    try {
      const { Attributes } = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.pool(poolId),
          UpdateExpression: 'SET #name = :name, settings = :settings, modifiedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':name': change.name, ':settings': change.settings, ':now': change.modifiedAt },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const pool = Attributes as PoolRecord;
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: { ...keys.poolList(), sk: poolId },
          UpdateExpression: 'SET #name = :name',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':name': change.name },
        }),
      );
      this.poolCache.set(poolId, pool);
      return pool;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async getPool(poolId: string): Promise<PoolRecord | undefined> {
    const cached = this.poolCache.get(poolId);
    if (cached) return cached;
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.name, Key: keys.pool(poolId) }));
    if (!Item) return undefined;
    const pool = Item as PoolRecord;
    this.poolCache.set(poolId, pool);
    return pool;
  }

  /** The user counter changes, so it is always read fresh (DescribeUserPool only). */
  async countUsers(poolId: string): Promise<number> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.pool(poolId), ProjectionExpression: 'userCount' }),
    );
    return (Item?.userCount as number | undefined) ?? 0;
  }

  async adjustUserCount(poolId: string, delta: number): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.pool(poolId),
        UpdateExpression: 'ADD userCount :d',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':d': delta },
      }),
    );
  }

  async listPools(limit: number, after?: string): Promise<{ pools: { poolId: string; name: string; createdAt: number }[]; next?: string }> {
    const result = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.poolList().pk },
        Limit: limit,
        ExclusiveStartKey: after ? { ...keys.poolList(), sk: after } : undefined,
      }),
    );
    const pools = (result.Items ?? []).map((i) => ({ poolId: i.poolId as string, name: i.name as string, createdAt: i.createdAt as number }));
    return { pools, next: result.LastEvaluatedKey ? (result.LastEvaluatedKey.sk as string) : undefined };
  }

  async createClient(client: ClientRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.client(client.clientId), ...client, listPk: `CLIENTS#${client.poolId}` },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { pk: `CLIENTS#${client.poolId}`, sk: client.clientId, clientId: client.clientId, clientName: client.clientName },
      }),
    );
  }

  /** Replaces a client's record (its listing entry keeps the new name); the client, or undefined if it is gone. */
  async updateClient(client: ClientRecord): Promise<ClientRecord | undefined> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...keys.client(client.clientId), ...client, listPk: `CLIENTS#${client.poolId}` },
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { pk: `CLIENTS#${client.poolId}`, sk: client.clientId, clientId: client.clientId, clientName: client.clientName },
      }),
    );
    this.clientCache.set(client.clientId, client);
    return client;
  }

  async getClient(clientId: string): Promise<ClientRecord | undefined> {
    const cached = this.clientCache.get(clientId);
    if (cached) return cached;
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.name, Key: keys.client(clientId) }));
    if (!Item) return undefined;
    const client = Item as ClientRecord;
    this.clientCache.set(clientId, client);
    return client;
  }

  async listClients(poolId: string, limit: number, after?: string): Promise<{ clients: { clientId: string; clientName: string }[]; next?: string }> {
    const result = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CLIENTS#${poolId}` },
        Limit: limit,
        ExclusiveStartKey: after ? { pk: `CLIENTS#${poolId}`, sk: after } : undefined,
      }),
    );
    const clients = (result.Items ?? []).map((i) => ({ clientId: i.clientId as string, clientName: i.clientName as string }));
    return { clients, next: result.LastEvaluatedKey ? (result.LastEvaluatedKey.sk as string) : undefined };
  }
}
