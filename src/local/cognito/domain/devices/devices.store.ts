/**
 * Devices a user confirmed, in the user's own partition (so they go when the user is deleted, and
 * a device key of one user is simply not found under another):
 *
 *   USER#<poolId>#<usernameKey> / DEVICE#<deviceKey>
 *
 * The store takes the partition as given, so a name no user has (its ghost partition) can be
 * asked the same questions with the same work, and find nothing.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, Table } from '../table';
import type { DeviceRecord } from '../model';

const PREFIX = 'DEVICE#';
const key = (partition: string, deviceKey: string) => ({ pk: partition, sk: `${PREFIX}${deviceKey}` });

/** The record without its key attributes. */
const deviceOf = (item: Record<string, unknown>): DeviceRecord =>
  Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'pk' && name !== 'sk')) as unknown as DeviceRecord;

export class DevicesStore {
  constructor(private readonly table: Table) {}

  async get(partition: string, deviceKey: string): Promise<DeviceRecord | undefined> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.name, Key: key(partition, deviceKey), ConsistentRead: true }));
    return Item ? deviceOf(Item) : undefined;
  }

  /** Stores a newly confirmed device; false when that key is confirmed already. */
  async create(partition: string, device: DeviceRecord): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({ TableName: this.table.name, Item: { ...key(partition, device.deviceKey), ...device }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** A page of the user's devices in key order; `after` is the previous page's last device key. */
  async list(partition: string, limit: number, after?: string): Promise<{ devices: DeviceRecord[]; next?: string }> {
    const result = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partition, ':prefix': PREFIX },
        Limit: limit,
        ExclusiveStartKey: after ? key(partition, after) : undefined,
        ConsistentRead: true,
      }),
    );
    const last = result.LastEvaluatedKey?.sk as string | undefined;
    return { devices: (result.Items ?? []).map(deviceOf), next: last?.slice(PREFIX.length) };
  }

  /** False when there was no such device. */
  async delete(partition: string, deviceKey: string): Promise<boolean> {
    try {
      await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: key(partition, deviceKey), ConditionExpression: 'attribute_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Sets fields of an existing device; false when there is no such device. */
  async update(partition: string, deviceKey: string, fields: Partial<Pick<DeviceRecord, 'remembered' | 'lastIp' | 'lastAuthenticatedAt' | 'modifiedAt'>>): Promise<boolean> {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: key(partition, deviceKey),
          UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
          ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
