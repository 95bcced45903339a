/**
 * Use counters for the code budgets (see budgets.ts): one record per owner, budget and window.
 * A counter is one conditional ADD, so parallel requests can never spend more than the limit;
 * dynalite has no transactions, and none are needed.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { seconds } from '../clock';
import { isConditionFailure, keys, Table } from './table';

export class BudgetsStore {
  constructor(private readonly table: Table) {}

  /**
   * Counts one use of the budget `name` in `partition`; false, counting nothing, once `limit`
   * uses are counted. The name includes the window, so a past window's counter is never read
   * again: that is its expiry. `ttl` lets DynamoDB delete it afterwards.
   */
  async spend(partition: string, name: string, limit: number, windowEndsAt: number): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.budget(partition, name),
          UpdateExpression: 'ADD uses :one SET expiresAt = :end, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(uses) OR uses < :limit',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':end': windowEndsAt, ':ttl': seconds(windowEndsAt) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
