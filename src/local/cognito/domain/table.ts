/**
 * The engine's single DynamoDB table. Every record is addressed by (pk, sk); key builders live
 * here so the layout is readable in one place:
 *
 *   POOLS                      / <poolId>        pool listing entry
 *   POOL#<poolId>              / POOL            pool settings, signing key, user counter
 *   CLIENT#<clientId>          / CLIENT          app client
 *   USER#<poolId>#<username>   / PROFILE         user: attributes, status, hash, lockout counters
 *   USER#<poolId>#<username>   / CODE#<purpose>  one-time code (hashed) for that purpose
 *   USER#<poolId>#<username>   / DEVICE#<key>    a confirmed device and its SRP verifier
 *   <account partition>        / BUDGET#<kind>#<purpose>#<window>
 *                                                code sends or attempts counted in one window
 *   GHOST#<poolId>#<hmac>      / LOCKOUT         an unknown name's lockout counters (its budgets
 *                                                share the partition); the name is only an HMAC
 *   NAME#<poolId>#<kind>#<v>   / NAME            unique sign-in name (sub, email, phone) -> username
 *   SESSION#<poolId>#<id>      / SESSION         refresh-token family (origin_jti), its rotation
 *   CHALLENGE#<poolId>#<id>    / CHALLENGE       pending auth challenge (the opaque Session), with its
 *                                                step's state (SRP values, a code's digest, tries)
 *   AUTHEVENTS#<poolId>#<sub>  / EVENT#<ms>#<id> one sign-in attempt (AdminListUserAuthEvents)
 *
 * Every lookup is a GetItem or a Query on one partition, so no operation's cost grows with
 * the number of users. Short-lived records (budgets, ghosts, auth events, challenges) carry `ttl` (epoch seconds) for
 * DynamoDB's TTL, which dynalite lacks; their expiry is enforced when they are read.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InProcessDynamoHandler } from '../../dynaliteTransport';
import { LeanDocumentClient } from '../../leanDocumentClient';

export const keys = {
  poolList: () => ({ pk: 'POOLS' }),
  pool: (poolId: string) => ({ pk: `POOL#${poolId}`, sk: 'POOL' }),
  client: (clientId: string) => ({ pk: `CLIENT#${clientId}`, sk: 'CLIENT' }),
  userPartition: (poolId: string, usernameKey: string) => `USER#${poolId}#${usernameKey}`,
  user: (poolId: string, usernameKey: string) => ({ pk: keys.userPartition(poolId, usernameKey), sk: 'PROFILE' }),
  code: (poolId: string, usernameKey: string, purpose: string) => ({
    pk: keys.userPartition(poolId, usernameKey),
    sk: `CODE#${purpose}`,
  }),
  budget: (partition: string, name: string) => ({ pk: partition, sk: `BUDGET#${name}` }),
  ghostPartition: (poolId: string, digest: string) => `GHOST#${poolId}#${digest}`,
  ghostLockout: (partition: string) => ({ pk: partition, sk: 'LOCKOUT' }),
  name: (poolId: string, kind: string, value: string) => ({ pk: `NAME#${poolId}#${kind}#${value}`, sk: 'NAME' }),
  session: (poolId: string, sessionId: string) => ({ pk: `SESSION#${poolId}#${sessionId}`, sk: 'SESSION' }),
  challenge: (poolId: string, id: string) => ({ pk: `CHALLENGE#${poolId}#${id}`, sk: 'CHALLENGE' }),
  authEvents: (poolId: string, sub: string) => `AUTHEVENTS#${poolId}#${sub}`,
};

export interface Table {
  name: string;
  doc: DynamoDBDocumentClient;
}

const MARSHALL_OPTIONS = { removeUndefinedValues: true, convertClassInstanceToMap: false };

/**
 * The table through lib-dynamodb; with `inProcess` (an embedded dynalite in this process), through
 * the lean document client on it (../../leanDocumentClient.ts).
 */
export function openTable(client: DynamoDBClient, name: string, inProcess?: InProcessDynamoHandler): Table {
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: MARSHALL_OPTIONS });
  return { name, doc: inProcess ? new LeanDocumentClient(inProcess, doc, MARSHALL_OPTIONS).asDocumentClient() : doc };
}

export { ensureTable, isConditionFailure } from '../../../lib/dynamoTable';
