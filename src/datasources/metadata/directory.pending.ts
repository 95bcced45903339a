/**
 * The sign-in in progress, passed from PreAuthentication to PostAuthentication. Cognito gives
 * InitiateAuth's ClientMetadata (the API's request id, the client's address and device) to
 * PreAuthentication alone, as `validationData`; PostAuthentication, which counts the sign-in,
 * gets none. So the first notes the attempt on the user's record (`pendingSignIn`) and the second
 * finds it there in the read it makes anyway. The note's time is the sign-in's, the same on every
 * delivery of PostAuthentication, so its SIGN_IN event needs no claim to be written once.
 *
 * One note per user, overwritten by each attempt, trusted for PENDING_SIGN_IN_MS. Two sign-ins of
 * one user racing within milliseconds may both read the later note (and count once). A user with
 * no record yet (admin-created, migrated) gets no note: the write is refused, as it is for the
 * stand-in key an unknown name's attempt is noted on, so both cost the same.
 */
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../../lib/dynamoTable';
import type { PendingSignIn } from './directory.types';
import { profileKey } from './directory.keys';

/** Long enough for a password check and the triggers around it, short enough to never meet the next sign-in. */
export const PENDING_SIGN_IN_MS = 60_000;

/** Notes the attempt and returns the record as it now is (one call: the note's write reads it too). */
export async function notePendingSignIn(doc: DynamoDBDocumentClient, table: string, sub: string, signIn: PendingSignIn): Promise<Record<string, unknown> | undefined> {
  const note = Object.fromEntries(Object.entries({ ...signIn }).filter(([, value]) => value !== undefined));
  try {
    const result = await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: profileKey(sub),
        UpdateExpression: 'SET pendingSignIn = :note',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':note': note },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return undefined;
  }
}

/** The note as stored on a record, if it is one. */
export function pendingSignInOf(raw: unknown): PendingSignIn | undefined {
  const note = raw as Partial<PendingSignIn> | undefined;
  if (!note || typeof note.at !== 'number') return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { at: note.at, requestId: text(note.requestId), ip: text(note.ip), device: text(note.device) };
}

/** Whether a note is recent enough, at `now`, to be the sign-in being counted. */
export const isFresh = (note: PendingSignIn | undefined, now: number): note is PendingSignIn =>
  note !== undefined && Math.abs(now - note.at) <= PENDING_SIGN_IN_MS;
