/**
 * Short leases in the metadata table, for changes that must not interleave across API replicas
 * (e.g. the check "Admins keeps an enabled member" and the change it guards). A lease expires by
 * itself, so a crashed holder cannot block others for long; expiry is checked on write because
 * DynamoDB local has no TTL.
 */
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../errors';

const key = (name: string) => ({ pk: `LOCK#${name}`, sk: 'LOCK' });

export class LocksStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `task` holding the named lease; waits briefly for a holder, then gives up. */
  async withLock<T>(name: string, task: () => Promise<T>, options: { leaseMs?: number; waitMs?: number } = {}): Promise<T> {
    const leaseMs = options.leaseMs ?? 10_000;
    const deadline = this.now() + (options.waitMs ?? 3_000);
    const owner = randomUUID();
    for (let attempt = 0; ; attempt++) {
      if (await this.tryAcquire(name, owner, leaseMs)) break;
      if (this.now() >= deadline) throw new ApiError('TOO_MANY_REQUESTS', 'Another change to administrators is in progress; please try again.');
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, 10 * 2 ** attempt)));
    }
    try {
      return await task();
    } finally {
      await this.doc
        .send(
          new DeleteCommand({
            TableName: this.table,
            Key: key(name),
            ConditionExpression: '#owner = :owner',
            ExpressionAttributeNames: { '#owner': 'owner' },
            ExpressionAttributeValues: { ':owner': owner },
          }),
        )
        .catch(() => undefined); // already expired and taken over: nothing of ours to release
    }
  }

  private async tryAcquire(name: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = this.now();
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key(name), owner, expiresAt: now + leaseMs, ttl: Math.ceil((now + leaseMs) / 1000) },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
