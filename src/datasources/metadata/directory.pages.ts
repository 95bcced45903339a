/**
 * Opaque page tokens for the directory's queries. A token names the query it continues (its
 * kind and arguments), so a token from one query handed to another is refused instead of
 * silently starting somewhere else, and its content is no promise to clients.
 */
import { DynamoDBDocumentClient, QueryCommand, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { badInput } from '../../errors';

type Cursor = Record<string, unknown>;

export function encodeToken(query: string, cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ q: query, c: cursor })).toString('base64url');
}

/** The cursor in `token`, undefined for a first page; throws a BAD_USER_INPUT for a foreign or broken token. */
export function decodeToken<T extends Cursor>(query: string, token: string | undefined): T | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { q?: unknown; c?: unknown };
    if (parsed.q === query && parsed.c && typeof parsed.c === 'object') return parsed.c as T;
  } catch {
    // refused below
  }
  throw badInput('Invalid nextToken', 'nextToken');
}

/** Page sizes the store accepts: callers page with their own limits inside these. */
export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badInput('limit must be a whole number from 1 to 1000', 'limit');
}

/**
 * `limit` items of a filtered query, read across as many of DynamoDB's pages as the filter needs
 * (a filter can leave a page empty), and where the next page starts. At most what is still
 * wanted is read each time, so the page ends exactly where the next one begins.
 */
export async function filledPage<T>(
  doc: DynamoDBDocumentClient,
  query: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  limit: number,
  start: Cursor | undefined,
  toItem: (item: Record<string, unknown>) => T,
): Promise<{ items: T[]; next?: Cursor }> {
  const items: T[] = [];
  let next = start;
  do {
    const page = await doc.send(new QueryCommand({ ...query, Limit: limit - items.length, ExclusiveStartKey: next }));
    items.push(...(page.Items ?? []).map(toItem));
    next = page.LastEvaluatedKey;
  } while (next && items.length < limit);
  return { items, next };
}
