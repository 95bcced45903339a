/**
 * Session revocation state, in the metadata table, so every API replica refuses access tokens
 * of sessions that were signed out even though the tokens have not expired:
 *
 *   USER#<sub>          / SIGNED_OUT   signedOutAt (ms): tokens issued before it are refused
 *   SESSION#<originJti> / REVOKED      revokedAt, expiresAt (ms): tokens of that refresh-token family
 *
 * DynamoDB local has no TTL, so expiry is enforced on read; in AWS the `ttl` attribute (epoch
 * seconds) lets DynamoDB delete expired records.
 */
import { BatchGetCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

export interface RevocationState {
  /** When the user last signed out everywhere (ms), if ever. */
  signedOutAt?: number;
  /** Whether this token's refresh-token family was revoked. */
  sessionRevoked: boolean;
}

const userKey = (sub: string) => ({ pk: `USER#${sub}`, sk: 'SIGNED_OUT' });
const sessionKey = (originJti: string) => ({ pk: `SESSION#${originJti}`, sk: 'REVOKED' });

export class RevocationsStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly now: () => number = Date.now,
  ) {}

  async signedOutEverywhere(sub: string, at = this.now()): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...userKey(sub), signedOutAt: at },
        // Never move the line backwards if two sign-outs race.
        ConditionExpression: 'attribute_not_exists(signedOutAt) OR signedOutAt < :at',
        ExpressionAttributeValues: { ':at': at },
      }),
    ).catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  }

  /** Revokes one refresh-token family until its access tokens can no longer be alive. */
  async sessionRevoked(originJti: string, until: number, at = this.now()): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...sessionKey(originJti), revokedAt: at, expiresAt: until, ttl: Math.ceil(until / 1000) },
      }),
    );
  }

  /** One round trip for both records. */
  async state(sub: string, originJti: string | undefined): Promise<RevocationState> {
    const keys = [userKey(sub), ...(originJti ? [sessionKey(originJti)] : [])];
    const result = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys } } }));
    const items = result.Responses?.[this.table] ?? [];
    const user = items.find((i) => i.pk === userKey(sub).pk);
    const session = originJti ? items.find((i) => i.pk === sessionKey(originJti).pk) : undefined;
    if (Object.keys(result.UnprocessedKeys ?? {}).length) {
      // Fail closed: an unanswered lookup must not let a revoked token through.
      throw new Error('revocation lookup was throttled');
    }
    return {
      signedOutAt: user?.signedOutAt as number | undefined,
      sessionRevoked: !!session && (session.expiresAt as number) > this.now(),
    };
  }
}
