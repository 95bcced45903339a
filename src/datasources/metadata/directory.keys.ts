/**
 * Where the user directory lives in the metadata table (single table, keys `pk`, `sk`), in one
 * place so the layout reads at a glance:
 *
 *   USER#<sub> / PROFILE               the record (mirrored and app fields)
 *   USER#<sub> / EVT#<at>#<id>         a security event, newest last in key order; `ttl` set
 *   USER#<sub> / EVID#<id>             the event's id claim: which `at` the event was filed under,
 *                                      so a retried write lands on the same item (same `ttl`)
 *   (USER#<sub> / SIGNED_OUT belongs to the revocation store.)
 *
 * Two kinds of global secondary index, both sparse (only profiles carry their keys), both
 * projecting keys only (a query reads its page's records from the table, directory.queries.ts):
 *
 *   byAttribute1..3   attrNpk = ATTR#<name>#<value>, attrNsk = createdAt (N)
 *                     one index per indexed-attribute slot: the Nth name of INDEXED_ATTRIBUTES
 *                     writes slot N, so a user with several indexed attributes has one entry in
 *                     each, written atomically with the record itself (no index rows to keep in
 *                     step, which without transactions could drift and lose users from a query)
 *   byActivity        activityPk = ACTIVITY#<0..7> (a hash of the sub), activitySk = lastSignInAt,
 *                     or createdAt before a first sign-in (N). Eight shards, queried together and
 *                     merged, so no single partition takes every profile write
 */
import { createHash } from 'node:crypto';

export type Key = { pk: string; sk: string };

/** How many attributes can be indexed: each slot is one GSI of the table. */
export const ATTRIBUTE_SLOTS = 3;
export const ACTIVITY_SHARDS = 8;

export const userPartition = (sub: string): string => `USER#${sub}`;
export const subOfPartition = (pk: string): string => pk.slice('USER#'.length);
export const profileKey = (sub: string): Key => ({ pk: userPartition(sub), sk: 'PROFILE' });

export const EVENT_PREFIX = 'EVT#';
/** Begins the keys of both events and their id claims: what a user's removal deletes. */
export const EVENT_ITEMS_PREFIX = 'EV';
/** Epoch ms padded so that key order is time order (good until the year 2286). */
const padded = (at: number): string => String(Math.max(0, Math.floor(at))).padStart(13, '0');
export const eventKey = (sub: string, at: number, id: string): Key => ({ pk: userPartition(sub), sk: `${EVENT_PREFIX}${padded(at)}#${id}` });
export const eventClaimKey = (sub: string, id: string): Key => ({ pk: userPartition(sub), sk: `EVID#${id}` });

export interface SlotIndex {
  indexName: string;
  pk: string;
  sk: string;
}

export const attributeSlot = (slot: number): SlotIndex => ({ indexName: `byAttribute${slot + 1}`, pk: `attr${slot + 1}pk`, sk: `attr${slot + 1}sk` });
export const attributePartition = (name: string, value: string): string => `ATTR#${name}#${value}`;

export const ACTIVITY_INDEX = { indexName: 'byActivity', pk: 'activityPk', sk: 'activitySk' } as const;
export const activityPartition = (shard: number): string => `ACTIVITY#${shard}`;
export const activityShardOf = (sub: string): number => createHash('sha256').update(sub).digest()[0] % ACTIVITY_SHARDS;
