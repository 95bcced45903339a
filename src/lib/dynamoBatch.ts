/**
 * Batched reads and writes on (pk, sk) tables: at most 100 keys per BatchGetItem and 25 per
 * BatchWriteItem, unprocessed items retried with exponential backoff, reads returned in key order.
 */
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Key {
  pk: string;
  sk: string;
}

const MAX_ATTEMPTS = 8;
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));

const keyId = (k: Key): string => `${k.pk}\u0000${k.sk}`;

/** Items for `keys`, in the same order; undefined where an item does not exist. A key may repeat. */
export async function batchGetInOrder<T>(doc: DynamoDBDocumentClient, table: string, keys: Key[], consistent = false): Promise<(T | undefined)[]> {
  const found = new Map<string, T>();
  // DynamoDB refuses a batch that names one key twice; each is asked for once.
  const unique = [...new Map(keys.map((k) => [keyId(k), k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Key[] = unique.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error('BatchGetItem kept leaving keys unprocessed');
      if (attempt > 0) await backoff(attempt);
      const result = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent } } }));
      for (const item of result.Responses?.[table] ?? []) found.set(keyId(item as Key), item as T);
      pending = (result.UnprocessedKeys?.[table]?.Keys as Key[] | undefined) ?? [];
    }
  }
  return keys.map((k) => found.get(keyId(k)));
}

export type WriteRequest = { put: Record<string, unknown> & Key } | { delete: Key };

export async function batchWrite(doc: DynamoDBDocumentClient, table: string, requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25).map((r) => ('put' in r ? { PutRequest: { Item: r.put } } : { DeleteRequest: { Key: r.delete } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error('BatchWriteItem kept leaving items unprocessed');
      if (attempt > 0) await backoff(attempt);
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (result.UnprocessedItems?.[table] as typeof pending | undefined) ?? [];
    }
  }
}
