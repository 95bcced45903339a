/**
 * The directory's index reads: users by an indexed attribute (newest first), users inactive
 * since a time (across the activity shards, merged), and every record (for reconcile).
 *
 * The indexes hold keys only: a page's records are then read from the table in one batch
 * (strongly consistent), and an entry whose record no longer matches (index reads are eventually
 * consistent, so it may lag a change by a moment) is left out. A page may so hold fewer than
 * `limit` records; its nextToken still goes on. Keys only also means a sign-in (which rewrites the
 * record) costs no write to an attribute index, so a big tenant's index partition stays cool.
 */
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { badInput } from '../../errors';
import type { DirectoryProfile, Page } from './directory.types';
import type { Item } from './directory.item';
import { ACTIVITY_INDEX, ACTIVITY_SHARDS, activityPartition, attributePartition, SlotIndex, subOfPartition } from './directory.keys';
import { checkLimit, decodeToken, encodeToken } from './directory.pages';

interface Source {
  doc: DynamoDBDocumentClient;
  table: string;
  getMany(subs: readonly string[]): Promise<(DirectoryProfile | undefined)[]>;
}

/** The records behind index entries, as the table has them now, kept where they still match. */
async function records(source: Source, entries: Item[], stillMatches: (record: DirectoryProfile) => boolean): Promise<DirectoryProfile[]> {
  const found = await source.getMany(entries.map((entry) => subOfPartition(String(entry.pk))));
  return found.filter((record): record is DirectoryProfile => record !== undefined && stillMatches(record));
}

export async function byAttributeSlot(source: Source, slot: SlotIndex, name: string, value: string, limit: number, nextToken?: string): Promise<Page<DirectoryProfile>> {
  checkLimit(limit);
  const query = `attribute:${name}=${value}`;
  const page = await source.doc.send(
    new QueryCommand({
      TableName: source.table,
      IndexName: slot.indexName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': slot.pk },
      ExpressionAttributeValues: { ':pk': attributePartition(name, value) },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeToken(query, nextToken),
    }),
  );
  return {
    items: await records(source, page.Items ?? [], (record) => record.indexed[name] === value),
    nextToken: page.LastEvaluatedKey ? encodeToken(query, page.LastEvaluatedKey) : undefined,
  };
}

/** Where each shard's walk stands: null before its first read, 'done' once it has no more. */
type ShardCursor = Item | null | 'done';

interface ShardPage {
  items: Item[];
  last?: Item;
}

/** The key an index query resumes after, for an item it returned. */
const activityKeyOf = (item: Item): Item => ({ pk: item.pk, sk: item.sk, [ACTIVITY_INDEX.pk]: item[ACTIVITY_INDEX.pk], [ACTIVITY_INDEX.sk]: item[ACTIVITY_INDEX.sk] });

/**
 * Oldest activity first, below `before`. Each shard is read in order from where it stopped and
 * the shards' pages are merged; a shard moves on only past the items this page took from it, so
 * nothing read but not returned is skipped. A record whose activity changes during the walk may
 * show twice or not at all in that walk (it moved across the cursor).
 */
export async function inactiveSince(source: Source, before: number, limit: number, nextToken?: string): Promise<Page<DirectoryProfile>> {
  checkLimit(limit);
  const query = `inactive:${before}`;
  const cursors = decodeToken<{ shards: ShardCursor[] }>(query, nextToken)?.shards ?? Array<ShardCursor>(ACTIVITY_SHARDS).fill(null);
  if (!Array.isArray(cursors) || cursors.length !== ACTIVITY_SHARDS) throw badInput('Invalid nextToken', 'nextToken');
  const pages = await Promise.all(
    cursors.map(async (cursor, shard): Promise<ShardPage> => {
      if (cursor === 'done') return { items: [] };
      const page = await source.doc.send(
        new QueryCommand({
          TableName: source.table,
          IndexName: ACTIVITY_INDEX.indexName,
          KeyConditionExpression: '#pk = :pk AND #sk < :before',
          ExpressionAttributeNames: { '#pk': ACTIVITY_INDEX.pk, '#sk': ACTIVITY_INDEX.sk },
          ExpressionAttributeValues: { ':pk': activityPartition(shard), ':before': before },
          Limit: limit,
          ExclusiveStartKey: cursor ?? undefined,
        }),
      );
      return { items: page.Items ?? [], last: page.LastEvaluatedKey };
    }),
  );
  const taken = pages.map(() => 0);
  const items: Item[] = [];
  while (items.length < limit) {
    let next = -1;
    pages.forEach((page, shard) => {
      const head = page.items[taken[shard]];
      if (head && (next < 0 || Number(head[ACTIVITY_INDEX.sk]) < Number(pages[next].items[taken[next]][ACTIVITY_INDEX.sk]))) next = shard;
    });
    if (next < 0) break;
    items.push(pages[next].items[taken[next]++]);
  }
  const after: ShardCursor[] = cursors.map((cursor, shard) => {
    const page = pages[shard];
    if (cursor === 'done') return 'done';
    if (taken[shard] === page.items.length) return page.last ?? 'done';
    return taken[shard] === 0 ? cursor : activityKeyOf(page.items[taken[shard] - 1]);
  });
  const more = after.some((cursor) => cursor !== 'done');
  return {
    items: await records(source, items, (record) => (record.lastSignInAt ?? record.createdAt) < before),
    nextToken: more ? encodeToken(query, { shards: after }) : undefined,
  };
}

/**
 * Every record, by scanning the activity index: every profile and nothing else has its keys, so
 * a page is `limit` records however many events the table holds.
 */
export async function allProfiles(source: Source, limit: number, nextToken?: string): Promise<Page<DirectoryProfile>> {
  checkLimit(limit);
  const page = await source.doc.send(
    new ScanCommand({ TableName: source.table, IndexName: ACTIVITY_INDEX.indexName, Limit: limit, ExclusiveStartKey: decodeToken('all', nextToken) }),
  );
  return { items: await records(source, page.Items ?? [], () => true), nextToken: page.LastEvaluatedKey ? encodeToken('all', page.LastEvaluatedKey) : undefined };
}
