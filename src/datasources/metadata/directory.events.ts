/**
 * A user's security events, each written once however often it is delivered. The event's key
 * holds its time (so a query reads newest first), but a retried trigger knows only the event's
 * id, not when the first delivery filed it. So the id is claimed first (`EVID#<id>`, holding the
 * time it was filed under) and the event written second, under the claimed time: a retry finds
 * the claim and rewrites the same item, so a crash between the two writes is finished by the next
 * delivery, and no delivery makes a second event.
 *
 * Events expire after the retention: hidden on read here, and `ttl` (epoch seconds) lets
 * DynamoDB delete them in AWS (dynalite has no TTL, so there they stay, unread).
 */
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../../lib/dynamoTable';
import { badInput } from '../../errors';
import type { Page, SecurityEvent } from './directory.types';
import { Item, toEvent } from './directory.item';
import { EVENT_PREFIX, eventClaimKey, eventKey, userPartition } from './directory.keys';
import { checkLimit, decodeToken, encodeToken, filledPage } from './directory.pages';

export const DEFAULT_EVENT_RETENTION_MS = 90 * 24 * 3600_000;

const MAX_ID_LENGTH = 256;

/** Optional details left out rather than stored empty, whatever the client's marshalling options. */
const withoutUndefined = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));

export class EventLog {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly retentionMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Writes the event once per id; returns it as filed (a redelivery gets the first delivery's
   * time). When every delivery carries the same `at` (`atIsStable`), the key alone says whether it
   * was written, and the claim is skipped.
   */
  async addOnce(input: Omit<SecurityEvent, 'expiresAt'>, atIsStable = false): Promise<SecurityEvent> {
    if (!input.id || input.id.length > MAX_ID_LENGTH) throw badInput(`an event id must have 1 to ${MAX_ID_LENGTH} characters`, 'id');
    const filed = atIsStable ? { at: input.at, expiresAt: input.at + this.retentionMs } : await this.claim(input.sub, input.id, input.at);
    const event: SecurityEvent = { ...input, at: filed.at, expiresAt: filed.expiresAt };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: withoutUndefined({ ...eventKey(event.sub, event.at, event.id), ...event, ttl: Math.ceil(event.expiresAt / 1000) }),
          // The first delivery's details stand; a redelivery only finishes a write that crashed.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    return event;
  }

  /** Claims `id` for the time `at`, or finds the time an earlier delivery claimed it for. */
  private async claim(sub: string, id: string, at: number): Promise<{ at: number; expiresAt: number }> {
    const expiresAt = at + this.retentionMs;
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...eventClaimKey(sub, id), at, expiresAt, ttl: Math.ceil(expiresAt / 1000) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { at, expiresAt };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const claimed = (await this.doc.send(new GetCommand({ TableName: this.table, Key: eventClaimKey(sub, id), ConsistentRead: true }))).Item;
    return claimed ? { at: Number(claimed.at), expiresAt: Number(claimed.expiresAt) } : { at, expiresAt };
  }

  /** Newest first, expired ones left out; a page is filled across expired events it skips. */
  async list(sub: string, limit: number, nextToken?: string): Promise<Page<SecurityEvent>> {
    checkLimit(limit);
    const pk = userPartition(sub);
    const start = decodeToken<Item>(`events:${sub}`, nextToken);
    if (start && start.pk !== pk) throw badInput('Invalid nextToken', 'nextToken');
    const { items, next } = await filledPage(
      this.doc,
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: 'expiresAt > :now',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': EVENT_PREFIX, ':now': this.now() },
        ScanIndexForward: false,
        ConsistentRead: true,
      },
      limit,
      start,
      toEvent,
    );
    return { items, nextToken: next ? encodeToken(`events:${sub}`, next) : undefined };
  }
}
