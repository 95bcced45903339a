/**
 * Each user's sign-in history, as AdminListUserAuthEvents reads it: one record per password
 * sign-in attempt, in a partition named by the user's sub (never reused, so someone who later
 * takes a deleted user's name starts with no history), sorted by time:
 *
 *   AUTHEVENTS#<poolId>#<sub> / EVENT#<creation ms, zero-padded>#<eventId>
 *
 * Records are kept AUTH_EVENT_RETENTION_MS and carry `ttl` for DynamoDB; reads leave older ones
 * out in the key condition itself, so expiry holds without TTL and pages stay exact.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { seconds } from '../clock';
import { isConditionFailure, keys, Table } from './table';

export const AUTH_EVENT_RETENTION_MS = 90 * 24 * 3600_000;

export type AuthEventResponse = 'Pass' | 'Fail' | 'InProgress';

export interface AuthEventRecord {
  eventId: string;
  eventType: 'SignIn';
  createdAt: number;
  response: AuthEventResponse;
  ipAddress: string;
  /** Whether the password was right, when it was checked at all (not for a locked name). */
  password?: 'Success' | 'Failure';
}

const sortKey = (createdAt: number, eventId: string): string => `EVENT#${String(createdAt).padStart(15, '0')}#${eventId}`;
/** No history at all: a partition no sub can name, for the decoy write. */
const NOBODY = '\u0000nobody';

const eventOf = (item: Record<string, unknown>): AuthEventRecord => ({
  eventId: item.eventId as string,
  eventType: 'SignIn',
  createdAt: item.createdAt as number,
  response: item.response as AuthEventResponse,
  ipAddress: item.ipAddress as string,
  password: item.password as AuthEventRecord['password'],
});

export class AuthEventsStore {
  constructor(private readonly table: Table) {}

  async record(poolId: string, sub: string, event: AuthEventRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: {
          pk: keys.authEvents(poolId, sub),
          sk: sortKey(event.createdAt, event.eventId),
          ...event,
          ttl: seconds(event.createdAt + AUTH_EVENT_RETENTION_MS),
        },
      }),
    );
  }

  /**
   * The same write as `record`, refused by its condition, so it stores nothing: the work a sign-in
   * attempt on a user costs, done for a name no user has.
   */
  async recordNothing(poolId: string, event: AuthEventRecord): Promise<void> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { pk: keys.authEvents(poolId, NOBODY), sk: sortKey(event.createdAt, event.eventId), ...event },
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** A page of the user's events still kept at `now`, newest first; `after` is the previous page's last sort key. */
  async list(poolId: string, sub: string, now: number, limit: number, after?: string): Promise<{ events: AuthEventRecord[]; next?: string }> {
    const pk = keys.authEvents(poolId, sub);
    const result = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk AND sk > :oldest',
        ExpressionAttributeValues: { ':pk': pk, ':oldest': sortKey(now - AUTH_EVENT_RETENTION_MS, '') },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: after ? { pk, sk: after } : undefined,
        ConsistentRead: true,
      }),
    );
    return { events: (result.Items ?? []).map(eventOf), next: result.LastEvaluatedKey?.sk as string | undefined };
  }
}
