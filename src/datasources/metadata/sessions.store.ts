/**
 * The user's sign-in sessions, as the directory records them, so users can see and end them
 * (ASVS 7.5.2). Cognito has no such list: a session here is a refresh-token family, named by the
 * `origin_jti` its tokens carry, recorded when the API hands out its first tokens.
 *
 *   USER#<sub> / SESS#<startedAt, 13-digit ms>#<originJti>   startedAt, lastUsedAt, ip, device,
 *                                                             expiresAt, endedAt?, ttl
 *
 * Keys sort by start, so a user's sessions read newest first. Ended and expired sessions stay
 * until their ttl, hidden on read. A session signed out everywhere is told by the user's
 * sign-out line (the revocation store's), which the caller passes in.
 */
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../../lib/dynamoTable';
import { badInput } from '../../errors';
import { userPartition } from './directory.keys';
import { checkLimit, decodeToken, encodeToken, filledPage } from './directory.pages';
import type { Page } from './directory.types';

export interface SessionRecord {
  originJti: string;
  startedAt: number;
  lastUsedAt: number;
  ip?: string;
  device?: string;
  expiresAt: number;
}

/** A session as the API names it: where it is kept, and which token family it is. */
export interface SessionRef {
  sub: string;
  originJti: string;
  startedAt: number;
}

const PREFIX = 'SESS#';
const padded = (at: number): string => String(Math.max(0, Math.floor(at))).padStart(13, '0');
const key = (ref: SessionRef) => ({ pk: userPartition(ref.sub), sk: `${PREFIX}${padded(ref.startedAt)}#${ref.originJti}` });

/** The id clients see: enough to find the session again, and nothing they did not already hold. */
export const sessionId = (record: Pick<SessionRecord, 'startedAt' | 'originJti'>): string => `${record.startedAt}.${record.originJti}`;

export function parseSessionId(sub: string, id: string): SessionRef {
  const match = /^(\d{1,13})\.([\w-]{1,128})$/.exec(id);
  if (!match) throw badInput('Not a session id', 'id');
  return { sub, startedAt: Number(match[1]), originJti: match[2] };
}

export class SessionsStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a new session; a second recording of the same one changes nothing. */
  async started(sub: string, session: SessionRecord): Promise<void> {
    const item = Object.fromEntries(Object.entries({ ...session, sub }).filter(([, value]) => value !== undefined));
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key({ sub, ...session }), ...item, ttl: Math.ceil(session.expiresAt / 1000) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * The session was used at `at` (from `ip`); never moves back, never revives an ended one. With
   * `minIntervalMs`, a use within that long of the last one noted is not written (refreshes of
   * one session cost one write per interval, not one each).
   */
  async used(ref: SessionRef, at: number, ip?: string, minIntervalMs = 0): Promise<void> {
    await this.conditional(ref, 'SET lastUsedAt = :at' + (ip ? ', ip = :ip' : ''), 'attribute_exists(pk) AND lastUsedAt < :before AND attribute_not_exists(endedAt)', {
      ':at': at,
      ':before': at - minIntervalMs,
      ...(ip ? { ':ip': ip } : {}),
    });
  }

  /** One session, if it is live (recorded, not ended, not expired). */
  async find(ref: SessionRef): Promise<SessionRecord | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(ref), ConsistentRead: true }));
    if (!Item || Item.endedAt !== undefined || Number(Item.expiresAt) <= this.now()) return undefined;
    return toSession(Item);
  }

  /** Marks the session ended (signed out, or ended from the list); false when there was none to end. */
  async ended(ref: SessionRef, at = this.now()): Promise<boolean> {
    return this.conditional(ref, 'SET endedAt = :at', 'attribute_exists(pk) AND attribute_not_exists(endedAt)', { ':at': at });
  }

  /** The live sessions, newest first: not ended, not expired, begun after `signedOutAt`. */
  async live(sub: string, signedOutAt: number | undefined, limit: number, nextToken?: string): Promise<Page<SessionRecord>> {
    checkLimit(limit);
    const pk = userPartition(sub);
    const start = decodeToken<Record<string, unknown>>(`sessions:${sub}`, nextToken);
    if (start && start.pk !== pk) throw badInput('Invalid nextToken', 'nextToken');
    const { items, next } = await filledPage(
      this.doc,
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: 'attribute_not_exists(endedAt) AND expiresAt > :now AND startedAt > :since',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': PREFIX, ':now': this.now(), ':since': signedOutAt ?? -1 },
        ScanIndexForward: false,
        ConsistentRead: true,
      },
      limit,
      start,
      toSession,
    );
    return { items, nextToken: next ? encodeToken(`sessions:${sub}`, next) : undefined };
  }

  private async conditional(ref: SessionRef, update: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
    try {
      await this.doc.send(new UpdateCommand({ TableName: this.table, Key: key(ref), UpdateExpression: update, ConditionExpression: condition, ExpressionAttributeValues: values }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

function toSession(item: Record<string, unknown>): SessionRecord {
  return {
    originJti: String(item.originJti),
    startedAt: Number(item.startedAt),
    lastUsedAt: Number(item.lastUsedAt),
    ip: typeof item.ip === 'string' ? item.ip : undefined,
    device: typeof item.device === 'string' ? item.device : undefined,
    expiresAt: Number(item.expiresAt),
  };
}
