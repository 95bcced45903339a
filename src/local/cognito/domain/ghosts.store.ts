/**
 * Ghosts: the stand-ins for names no user has. Public operations count an unknown name's failed
 * sign-ins and its code budgets on its ghost, exactly as they would on an account, so neither a
 * lock nor a spent budget tells whether the name exists.
 *
 * A ghost is addressed by an HMAC of the normalised name keyed with the pool's pepper: the table
 * never holds the names people tried. Its lockout record lives as long as a user's counters
 * mean anything (15 quiet minutes; enforced when read, see lockout.ts), and carries `ttl`.
 */
import { createHmac } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { seconds } from '../clock';
import { isConditionFailure, keys, Table } from './table';
import type { Ghost, LockoutCounters, PoolRecord } from './model';

const NO_FAILURES: LockoutCounters = { failures: 0, lastFailureAt: 0, lockedUntil: 0, lockedAtFailures: 0 };

const countersOf = (item: Record<string, unknown>): LockoutCounters => ({
  failures: item.failures as number,
  lastFailureAt: item.lastFailureAt as number,
  lockedUntil: item.lockedUntil as number,
  lockedAtFailures: item.lockedAtFailures as number,
});

export class GhostsStore {
  constructor(private readonly table: Table) {}

  /** The ghost of `name` (already normalised, see lookup.ts), with its lockout counters. */
  async get(pool: PoolRecord, name: string): Promise<Ghost> {
    const digest = createHmac('sha256', pool.pepper).update(`ghost:${name}`).digest('base64url');
    return this.at(keys.ghostPartition(pool.poolId, digest));
  }

  /** The ghost whose records live in `partition` (as a challenge names it, without the name). */
  async at(partition: string): Promise<Ghost> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.ghostLockout(partition), ConsistentRead: true }),
    );
    return { partition, ...(Item ? countersOf(Item) : NO_FAILURES) };
  }

  /**
   * The lockout's conditional update (`assignments` of a SET clause), creating the record if
   * need be and stamping `ttl` from `forgetAt`. Undefined when the condition fails.
   */
  async updateLockout(
    ghost: Ghost,
    assignments: string,
    condition: string,
    values: Record<string, unknown>,
    forgetAt: number,
  ): Promise<LockoutCounters | undefined> {
    try {
      const result = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.ghostLockout(ghost.partition),
          UpdateExpression: `SET ${assignments}, #ttl = :ttl`,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ...values, ':ttl': seconds(forgetAt) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return countersOf(result.Attributes!);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }
}
