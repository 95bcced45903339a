/**
 * The sign-in in progress, passed from PreAuthentication to PostAuthentication. Cognito gives
 * InitiateAuth's ClientMetadata (the API's request id, the client's address and device) to
 * PreAuthentication alone, as `validationData`; PostAuthentication, which counts the sign-in,
 * gets none. So the first notes the attempt here and the second reads it back:
 *
 *   USER#<sub> / PENDING_SIGN_IN   requestId, ip, device, at (ms), ttl
 *
 * One item per user, overwritten by each attempt, trusted for PENDING_SIGN_IN_MS. Two sign-ins of
 * one user racing within milliseconds may both read the later note (and count once).
 */
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PendingSignIn } from './directory.types';
import { userPartition } from './directory.keys';

/** Long enough for a password check and the triggers around it, short enough to never meet the next sign-in. */
export const PENDING_SIGN_IN_MS = 60_000;

const key = (sub: string) => ({ pk: userPartition(sub), sk: 'PENDING_SIGN_IN' });

export class PendingSignIns {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly now: () => number,
  ) {}

  async note(sub: string, signIn: PendingSignIn): Promise<void> {
    const item = Object.fromEntries(Object.entries({ ...signIn }).filter(([, value]) => value !== undefined));
    await this.doc.send(new PutCommand({ TableName: this.table, Item: { ...key(sub), ...item, ttl: Math.ceil((signIn.at + PENDING_SIGN_IN_MS) / 1000) } }));
  }

  async get(sub: string): Promise<PendingSignIn | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(sub), ConsistentRead: true }));
    if (!Item || typeof Item.at !== 'number' || this.now() - Item.at > PENDING_SIGN_IN_MS) return undefined;
    return { at: Item.at, requestId: Item.requestId as string | undefined, ip: Item.ip as string | undefined, device: Item.device as string | undefined };
  }
}
