/**
 * Rate-limit counters in the metadata table, so every API replica counts against the same
 * numbers. Fixed windows, one item per (bucket, window), counted with an atomic ADD:
 *
 *   RATE#<bucket>  / W#<windowStart>   count, expiresAt (ms), ttl (s)
 *
 * The bucket names the budget and a digest of whom it counts (an account name or a client IP),
 * so the table never holds the names or addresses themselves. DynamoDB local has no TTL, so an
 * old window is simply never read again; in AWS the `ttl` attribute lets DynamoDB delete it.
 */
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { isConditionFailure } from '../../lib/dynamoTable';

export interface Window {
  bucket: string;
  windowMs: number;
}

export interface Hit {
  /** Attempts counted in this window, this one included. */
  count: number;
  /** When the window ends (ms). */
  resetsAt: number;
  windowStart: number;
}

/** A bucket name that keeps the subject out of the table. */
export const bucketOf = (budget: string, scope: string, subject: string): string =>
  `${budget}#${scope}#${createHash('sha256').update(subject).digest('base64url').slice(0, 32)}`;

const key = (bucket: string, windowStart: number) => ({ pk: `RATE#${bucket}`, sk: `W#${windowStart}` });

export class RateLimitsStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Counts one attempt in the current window and returns the count, this attempt included. */
  async hit({ bucket, windowMs }: Window, now = Date.now()): Promise<Hit> {
    const windowStart = now - (now % windowMs);
    const resetsAt = windowStart + windowMs;
    const result = await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: key(bucket, windowStart),
        UpdateExpression: 'ADD #count :one SET expiresAt = :expires, #ttl = :ttl',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':expires': resetsAt, ':ttl': Math.ceil(resetsAt / 1000) },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return { count: Number(result.Attributes?.count ?? 1), resetsAt, windowStart };
  }

  /** Gives back an attempt counted in `windowStart` (one that did not run, or did not fail). */
  async giveBack(bucket: string, windowStart: number): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key(bucket, windowStart),
          UpdateExpression: 'ADD #count :minusOne',
          ConditionExpression: '#count > :zero',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
