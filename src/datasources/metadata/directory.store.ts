/**
 * The user directory on the metadata table (layout in directory.keys.ts, table in table.ts).
 * DynamoDB local has no transactions, so every change that must hold under retries and races is
 * one conditional write on one item, and where two items are involved (an event and its count)
 * each write is idempotent on its own, so a crash between them is finished by the retry:
 *
 * - `mirror` reads the record, decides with Cognito's version (directory.ordering.ts) and writes
 *   only if no other mirror wrote in between (a revision guard), else reads and decides again;
 *   so of two racing writers the newer state wins in either order, and a stale one changes
 *   nothing.
 * - `recordSignIn` files the SIGN_IN event once per id (directory.events.ts) and counts it
 *   unless the record's recent ids already hold it, guarded on the count it read. A redelivery
 *   after a crash at any point makes neither a second event nor a second count (as long as it
 *   comes within the next RECENT_SIGN_INS sign-ins of that user, which a retry always does).
 * - `addEvent` is once per id; `updateApp` is one unconditional update (last writer wins).
 */
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetInOrder, batchWrite, Key } from '../../lib/dynamoBatch';
import { isConditionFailure } from '../../lib/dynamoTable';
import { badInput } from '../../errors';
import type { AppFields, Directory, DirectoryProfile, MirroredFields, MirrorOutcome, Page, PendingSignIn, SecurityEvent, SignInRecord } from './directory.types';
import { notePendingSignIn } from './directory.pending';
import { DEFAULT_EVENT_RETENTION_MS, EventLog } from './directory.events';
import { UpdateBuilder } from './directory.expression';
import { appDefaults, bareDefaults, isMirrored, Item, toProfile } from './directory.item';
import { ACTIVITY_INDEX, ATTRIBUTE_SLOTS, attributeSlot, EVENT_ITEMS_PREFIX, profileKey, userPartition } from './directory.keys';
import { differences, mirroredAttributes, supersedes } from './directory.ordering';
import { allProfiles, byAttributeSlot, inactiveSince } from './directory.queries';
import { AppPatch, checkedPatch } from './directory.validation';

export interface DirectoryOptions {
  /** INDEXED_ATTRIBUTES, in slot order: the Nth name is kept in index slot N (at most ATTRIBUTE_SLOTS). */
  indexedAttributes?: readonly string[];
  /** How long security events are kept (EVENT_RETENTION_DAYS); 90 days by default. */
  eventRetentionMs?: number;
  now?: () => number;
}

export const DEFAULT_INDEXED_ATTRIBUTES = ['custom:tenant'];
/** Sign-in ids a record remembers, to count a redelivered sign-in once. */
export const RECENT_SIGN_INS = 32;
/** Conditional writes lost to other writers before giving up (each loss means someone else progressed). */
const MAX_RACES = 8;

type Created = Pick<AppFields, 'confirmedAt' | 'signUpSource'>;

export class DirectoryStore implements Directory {
  readonly indexedAttributes: readonly string[];
  private readonly now: () => number;
  private readonly log: EventLog;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    options: DirectoryOptions = {},
  ) {
    this.indexedAttributes = options.indexedAttributes ?? DEFAULT_INDEXED_ATTRIBUTES;
    if (this.indexedAttributes.length > ATTRIBUTE_SLOTS) {
      throw new Error(`at most ${ATTRIBUTE_SLOTS} indexed attributes (each is an index of the metadata table); got ${this.indexedAttributes.length}`);
    }
    this.now = options.now ?? Date.now;
    this.log = new EventLog(doc, table, options.eventRetentionMs ?? DEFAULT_EVENT_RETENTION_MS, this.now);
  }

  async get(sub: string): Promise<DirectoryProfile | undefined> {
    const item = await this.read(sub);
    return item && toProfile(item);
  }

  async getMany(subs: readonly string[]): Promise<(DirectoryProfile | undefined)[]> {
    const items = await batchGetInOrder<Item>(this.doc, this.table, subs.map(profileKey), true);
    return items.map((item) => item && toProfile(item));
  }

  async mirror(sub: string, fields: MirroredFields, created?: Created): Promise<MirrorOutcome> {
    for (let race = 0; race < MAX_RACES; race++) {
      const outcome = await this.tryMirror(sub, fields, created, await this.read(sub));
      if (outcome) return outcome;
    }
    throw new Error('the directory record kept changing under mirror; try again');
  }

  /** One read-decide-write round; undefined when another mirror wrote since `stored` was read. */
  private async tryMirror(sub: string, fields: MirroredFields, created: Created | undefined, stored: Item | undefined): Promise<MirrorOutcome | undefined> {
    if (!supersedes(fields, stored)) return this.keepCreated(sub, created, stored, 'stale');
    const mirrored = isMirrored(stored);
    // An estimate's createdAt is a guess: the one already recorded is at least as good.
    const wanted = mirroredAttributes(fields.estimated && mirrored ? { ...fields, createdAt: Number(stored.createdAt) } : fields, this.indexedAttributes);
    const changed = mirrored ? differences(wanted, stored, fields.estimated) : Object.keys(wanted);
    const newer = mirrored && fields.cognitoModifiedAt > Number(stored.cognitoModifiedAt);
    // Nothing to write; an estimate of the same state as a newer version adds nothing either.
    if (mirrored && changed.length === 0 && (!newer || fields.estimated)) return this.keepCreated(sub, created, stored, 'unchanged');

    const update = new UpdateBuilder();
    for (const [attribute, value] of Object.entries(wanted)) update.set(attribute, value);
    update
      .set('cognitoModifiedAt', fields.cognitoModifiedAt)
      .setFromOr(ACTIVITY_INDEX.sk, 'lastSignInAt', wanted.createdAt)
      .add('mirrorRev', 1)
      .condition((b) => (mirrored ? `${b.name('mirrorRev')} = ${b.value(stored.mirrorRev)}` : `attribute_not_exists(${b.name('mirrorRev')})`));
    if (created?.confirmedAt !== undefined) update.setIfMissing('confirmedAt', created.confirmedAt);
    if (created?.signUpSource !== undefined) update.setIfMissing('signUpSource', created.signUpSource);
    if (!(await this.update(sub, appDefaults(update, sub, this.now())))) return undefined;
    if (!mirrored) return 'created';
    return changed.length > 0 ? 'updated' : 'unchanged';
  }

  /** `created` fills confirmedAt / signUpSource where the record lacks them, whatever the mirror decided. */
  private async keepCreated(sub: string, created: Created | undefined, stored: Item | undefined, outcome: MirrorOutcome): Promise<MirrorOutcome> {
    const missing = Object.entries(created ?? {}).filter(([field, value]) => value !== undefined && stored?.[field] === undefined);
    if (stored && missing.length > 0) {
      const update = new UpdateBuilder().condition((b) => `attribute_exists(${b.name('pk')})`);
      for (const [field, value] of missing) update.setIfMissing(field, value);
      await this.update(sub, update);
    }
    return outcome;
  }

  async recordSignIn(sub: string, signIn: SignInRecord, current?: DirectoryProfile): Promise<void> {
    const event = { id: signIn.eventId, sub, type: 'SIGN_IN' as const, at: signIn.at, ip: signIn.ip, device: signIn.device };
    if (signIn.atIsStable) {
      // Every delivery has the same time, and the event and the count are each once per id: they
      // need no order, and a redelivery after a crash between them finishes whichever is missing.
      await Promise.all([this.log.addOnce(event, true), this.countSignIn(sub, event, current)]);
      return;
    }
    // Otherwise the event's claim says when the first delivery happened, which the count then uses.
    await this.countSignIn(sub, await this.log.addOnce(event), current);
  }

  private async countSignIn(sub: string, event: Pick<SecurityEvent, 'id' | 'at' | 'ip' | 'device'>, current: DirectoryProfile | undefined): Promise<void> {
    for (let race = 0; race < MAX_RACES; race++) {
      // The caller's fresh read stands in for the first one; a lost race reads again.
      const stored: Item | undefined = race === 0 && current ? { ...current } : await this.read(sub);
      const counted = Array.isArray(stored?.recentSignIns) ? (stored.recentSignIns as string[]) : [];
      if (counted.includes(event.id)) return;
      const count = stored?.signInCount;
      const update = new UpdateBuilder()
        .set('signInCount', Number(count ?? 0) + 1)
        .set('recentSignIns', [...counted, event.id].slice(-RECENT_SIGN_INS))
        .condition((b) => (count === undefined ? `attribute_not_exists(${b.name('signInCount')})` : `${b.name('signInCount')} = ${b.value(count)}`));
      // A late delivery of an older sign-in counts, but does not move "last sign-in" back.
      if (stored?.lastSignInAt === undefined || event.at >= Number(stored.lastSignInAt)) {
        update.set('lastSignInAt', event.at).set('lastIp', event.ip).set('lastDevice', event.device).set(ACTIVITY_INDEX.sk, event.at);
      }
      if (await this.update(sub, bareDefaults(update, sub, this.now(), event.at))) return;
    }
    throw new Error('the directory record kept changing under recordSignIn; try again');
  }

  async updateApp(sub: string, patch: AppPatch): Promise<DirectoryProfile> {
    const checked = checkedPatch(patch);
    const now = this.now();
    const update = new UpdateBuilder();
    for (const [field, value] of Object.entries(checked)) {
      // An empty text clears the field.
      if (value !== undefined) update.set(field, value === '' ? undefined : value);
    }
    bareDefaults(update, sub, now, now).setIfMissing(ACTIVITY_INDEX.sk, now);
    const result = await this.doc.send(new UpdateCommand({ TableName: this.table, Key: profileKey(sub), ...update.build(), ReturnValues: 'ALL_NEW' }));
    return toProfile(result.Attributes as Item);
  }

  async notePendingSignIn(sub: string, signIn: PendingSignIn): Promise<DirectoryProfile | undefined> {
    const item = await notePendingSignIn(this.doc, this.table, sub, signIn);
    return item && toProfile(item as Item);
  }

  async addEvent(event: Omit<SecurityEvent, 'expiresAt'>): Promise<void> {
    await this.log.addOnce(event);
  }

  events(sub: string, limit: number, nextToken?: string): Promise<Page<SecurityEvent>> {
    return this.log.list(sub, limit, nextToken);
  }

  async byAttribute(name: string, value: string, limit: number, nextToken?: string): Promise<Page<DirectoryProfile>> {
    const slot = this.indexedAttributes.indexOf(name);
    if (slot < 0) throw badInput(`${name.slice(0, 64)} is not an indexed attribute`, 'name');
    return byAttributeSlot(this.source, attributeSlot(slot), name, value, limit, nextToken);
  }

  inactiveSince(before: number, limit: number, nextToken?: string): Promise<Page<DirectoryProfile>> {
    return inactiveSince(this.source, before, limit, nextToken);
  }

  all(limit: number, nextToken?: string): Promise<Page<DirectoryProfile>> {
    return allProfiles(this.source, limit, nextToken);
  }

  /** Events first, the record last: an interrupted removal leaves the record, so reconcile finds it again. */
  async remove(sub: string): Promise<void> {
    const keys: Key[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
          ExpressionAttributeValues: { ':pk': userPartition(sub), ':events': EVENT_ITEMS_PREFIX },
          ProjectionExpression: 'pk, sk',
          ExclusiveStartKey,
        }),
      );
      keys.push(...((page.Items ?? []) as Key[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    await batchWrite(this.doc, this.table, keys.map((key) => ({ delete: key })));
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: profileKey(sub) }));
  }

  private get source() {
    return { doc: this.doc, table: this.table, getMany: (subs: readonly string[]) => this.getMany(subs) };
  }

  private async read(sub: string): Promise<Item | undefined> {
    return (await this.doc.send(new GetCommand({ TableName: this.table, Key: profileKey(sub), ConsistentRead: true }))).Item;
  }

  /** One conditional update of the record; false when its condition did not hold. */
  private async update(sub: string, update: UpdateBuilder): Promise<boolean> {
    try {
      await this.doc.send(new UpdateCommand({ TableName: this.table, Key: profileKey(sub), ...update.build() }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
