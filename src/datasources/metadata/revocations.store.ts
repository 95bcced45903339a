/**
 * Session revocation state, in the metadata table, so every API replica refuses access tokens
 * of sessions that were signed out even though the tokens have not expired:
 *
 *   USER#<sub>          / SIGNED_OUT   signedOutAt (ms): tokens issued before it are refused
 *   SESSION#<originJti> / REVOKED      revokedAt, expiresAt (ms): tokens of that refresh-token family
 *
 * Every signed-in request asks for its token's state, so reads are strongly consistent, the
 * reads of one tick share one BatchGetItem, and a replica may reuse an answer for `windowMs`
 * (REVOCATION_CACHE_MS). A sign-out made through this replica takes effect here at once; other
 * replicas see it within the window. DynamoDB local has no TTL, so expiry is enforced on read;
 * in AWS the `ttl` attribute (epoch seconds) lets DynamoDB delete expired records.
 */
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import { batchGetInOrder, Key } from '../../lib/dynamoBatch';
import { isConditionFailure } from '../../lib/dynamoTable';
import { RecentReads, ReuseCounts } from '../../lib/recentReads';

export interface RevocationState {
  /** When the user last signed out everywhere (ms), if ever. */
  signedOutAt?: number;
  /** Whether this token's refresh-token family was revoked. */
  sessionRevoked: boolean;
}

export interface RevocationsOptions {
  /** How long this replica may reuse a lookup; 0 reads on every request. */
  windowMs: number;
  /** The clock the window is measured on (tests pass a manual one); records use real time. */
  cacheClock?: () => number;
}

type Item = Key & Record<string, unknown>;

const userKey = (sub: string): Key => ({ pk: `USER#${sub}`, sk: 'SIGNED_OUT' });
const sessionKey = (originJti: string): Key => ({ pk: `SESSION#${originJti}`, sk: 'REVOKED' });

/** Sessions and users a replica keeps answers for; beyond that the oldest are read again. */
const REMEMBERED = 50_000;

export class RevocationsStore {
  private readonly items: DataLoader<Key, Item | undefined>;
  /** sub → signedOutAt, or null when the user never signed out everywhere. */
  private readonly signOuts: RecentReads<number | null>;
  /** originJti → until when the revocation holds, or null when the session was not revoked. */
  private readonly revokedSessions: RecentReads<number | null>;
  /** Told of each read this store asks for (set on a request's view, see forRequest). */
  private readonly onRead?: () => void;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    options: RevocationsOptions,
  ) {
    // A batching window only: nothing is cached here, so each load is a fresh read.
    this.items = new DataLoader((keys) => batchGetInOrder<Item>(doc, table, [...keys], true), { cache: false, maxBatchSize: 100 });
    const recent = { windowMs: options.windowMs, maxEntries: REMEMBERED, now: options.cacheClock };
    this.signOuts = new RecentReads(recent);
    this.revokedSessions = new RecentReads(recent);
  }

  /**
   * This store for one request: the same windows and batches (they are what makes a revocation
   * check cheap, so they stay shared), its writes through `doc`, and each read it asks for told to
   * `onRead`. A read that joins another request's batch or in-flight lookup is that request's.
   */
  forRequest(doc: DynamoDBDocumentClient, onRead: () => void): RevocationsStore {
    return Object.assign(Object.create(this) as RevocationsStore, { doc, onRead });
  }

  /** The two reuse windows' counts (sign-outs by user, revoked sessions), for the metrics. */
  get reuse(): ReuseCounts[] {
    return [this.signOuts.lookups, this.revokedSessions.lookups];
  }

  async signedOutEverywhere(sub: string, at = Date.now()): Promise<void> {
    await this.doc
      .send(
        new PutCommand({
          TableName: this.table,
          Item: { ...userKey(sub), signedOutAt: at },
          // Never move the line backwards if two sign-outs race.
          ConditionExpression: 'attribute_not_exists(signedOutAt) OR signedOutAt < :at',
          ExpressionAttributeValues: { ':at': at },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    this.signOuts.forget(sub);
  }

  /** Revokes one refresh-token family until its access tokens can no longer be alive. */
  async sessionRevoked(originJti: string, until: number, at = Date.now()): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...sessionKey(originJti), revokedAt: at, expiresAt: until, ttl: Math.ceil(until / 1000) },
      }),
    );
    this.revokedSessions.forget(originJti);
  }

  async state(sub: string, originJti: string | undefined): Promise<RevocationState> {
    const [signedOutAt, revokedUntil] = await Promise.all([
      this.signOuts.get(sub, async () => ((await this.read(userKey(sub)))?.signedOutAt as number | undefined) ?? null),
      originJti ? this.revokedSessions.get(originJti, async () => ((await this.read(sessionKey(originJti)))?.expiresAt as number | undefined) ?? null) : null,
    ]);
    return { signedOutAt: signedOutAt ?? undefined, sessionRevoked: revokedUntil !== null && revokedUntil > Date.now() };
  }

  private read(key: Key): Promise<Item | undefined> {
    this.onRead?.();
    return this.items.load(key);
  }
}
