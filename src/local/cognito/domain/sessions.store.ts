/** Refresh-token families (sessions), their rotation, and pending auth challenges with their counted answers. */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { seconds } from '../clock';
import { isConditionFailure, keys, Table } from './table';
import { batchGetInOrder } from '../../../lib/dynamoBatch';
import type { ChallengeRecord, SessionRecord, UserRecord } from './model';

export class SessionsStore {
  constructor(private readonly table: Table) {}

  async put(session: SessionRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.session(session.poolId, session.sessionId), ...session },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(poolId: string, sessionId: string): Promise<SessionRecord | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.session(poolId, sessionId), ConsistentRead: true }),
    );
    return Item as SessionRecord | undefined;
  }

  /** A session and its user in one read (an access token names both), consistent. */
  async getWithUser(poolId: string, sessionId: string, usernameKey: string): Promise<{ session?: SessionRecord; user?: UserRecord }> {
    const [session, user] = await batchGetInOrder<SessionRecord | UserRecord>(
      this.table.doc,
      this.table.name,
      [keys.session(poolId, sessionId), keys.user(poolId, usernameKey)],
      true,
    );
    return { session: session as SessionRecord | undefined, user: user as UserRecord | undefined };
  }

  async revoke(poolId: string, sessionId: string, at: number): Promise<void> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.session(poolId, sessionId),
          UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * Rotates the session's refresh token: the current digest becomes the previous one, if it is
   * still `fromDigest` (one of two parallel rotations wins). The updated session, or undefined.
   */
  async rotate(poolId: string, sessionId: string, fromDigest: string, toDigest: string, generation: number, at: number): Promise<SessionRecord | undefined> {
    try {
      const { Attributes } = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.session(poolId, sessionId),
          UpdateExpression: 'SET secretDigest = :to, previousDigest = :from, generation = :generation, rotatedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND secretDigest = :from',
          ExpressionAttributeValues: { ':to': toDigest, ':from': fromDigest, ':generation': generation, ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes as SessionRecord;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Stores a challenge; `ttl` lets DynamoDB delete one nobody answered (expiry is also checked on read). */
  async putChallenge(challenge: ChallengeRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.challenge(challenge.poolId, challenge.challengeId), ...challenge, ttl: seconds(challenge.expiresAt) },
      }),
    );
  }

  async getChallenge(poolId: string, challengeId: string): Promise<ChallengeRecord | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.challenge(poolId, challengeId), ConsistentRead: true }),
    );
    return Item as ChallengeRecord | undefined;
  }

  /**
   * Counts one answer to a challenge before it is checked; false, counting nothing, once `limit`
   * answers are counted (or the challenge is gone). One conditional update, so parallel answers
   * never get more tries than sequential ones.
   */
  async countAttempt(poolId: string, challengeId: string, limit: number): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.challenge(poolId, challengeId),
          UpdateExpression: 'ADD attempts :one',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(attempts) OR attempts < :limit)',
          ExpressionAttributeValues: { ':one': 1, ':limit': limit },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Deletes the challenge; true for exactly one caller, so a Session answers once. */
  async takeChallenge(poolId: string, challengeId: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: keys.challenge(poolId, challengeId),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
