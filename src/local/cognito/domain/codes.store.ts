/** One-time codes, one per (user, purpose); a new code overwrites the previous one. */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, keys, Table } from './table';
import type { CodeRecord } from './model';

export class CodesStore {
  constructor(private readonly table: Table) {}

  async put(poolId: string, usernameKey: string, code: CodeRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({ TableName: this.table.name, Item: { ...keys.code(poolId, usernameKey, code.purpose), ...code } }),
    );
  }

  /**
   * The same write as `put`, refused by its condition, so it stores nothing: the work a code
   * costs, done for a user who does not exist (see CodeService.issueDecoy).
   */
  async putNothing(poolId: string, usernameKey: string, code: CodeRecord): Promise<void> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...keys.code(poolId, usernameKey, code.purpose), ...code },
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async get(poolId: string, usernameKey: string, purpose: string): Promise<CodeRecord | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.code(poolId, usernameKey, purpose), ConsistentRead: true }),
    );
    return Item as CodeRecord | undefined;
  }

  /** Deletes the code if it is still this one; true for exactly one caller (single use). */
  async consume(poolId: string, usernameKey: string, code: CodeRecord): Promise<boolean> {
    try {
      await this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: keys.code(poolId, usernameKey, code.purpose),
          ConditionExpression: 'digest = :digest',
          ExpressionAttributeValues: { ':digest': code.digest },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
