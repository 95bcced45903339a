/** Refresh-token families (sessions) and pending auth challenges. */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, keys, Table } from './table';
import type { ChallengeRecord, SessionRecord } from './model';

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

  async putChallenge(challenge: ChallengeRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.challenge(challenge.poolId, challenge.challengeId), ...challenge },
      }),
    );
  }

  async getChallenge(poolId: string, challengeId: string): Promise<ChallengeRecord | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.challenge(poolId, challengeId), ConsistentRead: true }),
    );
    return Item as ChallengeRecord | undefined;
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
