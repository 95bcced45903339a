/**
 * Which of two states of a user's Cognito record is newer, and whether a mirror changes
 * anything. Pure, so the rule is read (and tested) apart from the writes that apply it.
 *
 * Versions are Cognito's UserLastModifiedDate. A trigger's event carries no dates, so a trigger
 * mirrors an *estimated* version: its own clock, a little after Cognito's change. An estimate
 * must never outrank Cognito's own version of the same state (or reconcile could never replace
 * its guessed createdAt), so a real version wins over an estimate unless it is more than
 * ESTIMATE_SLACK_MS older: longer than a trigger runs after the change, retries included.
 */
import type { MirroredFields } from './directory.types';
import { Item, isMirrored } from './directory.item';
import { attributePartition, attributeSlot, ATTRIBUTE_SLOTS } from './directory.keys';

export const ESTIMATE_SLACK_MS = 60_000;

/** Whether `incoming` is at least as new as what `stored` mirrors (a bare or missing record mirrors nothing). */
export function supersedes(incoming: MirroredFields, stored: Item | undefined): boolean {
  if (!isMirrored(stored)) return true;
  const version = Number(stored.cognitoModifiedAt);
  if (incoming.cognitoModifiedAt >= version) return true;
  return !incoming.estimated && stored.estimated === true && incoming.cognitoModifiedAt >= version - ESTIMATE_SLACK_MS;
}

/** The index-slot attributes a record with these fields carries (undefined: the slot is empty). */
export function slotValues(fields: Pick<MirroredFields, 'indexed' | 'createdAt'>, indexedAttributes: readonly string[]): Record<string, string | number | undefined> {
  const values: Record<string, string | number | undefined> = {};
  for (let slot = 0; slot < ATTRIBUTE_SLOTS; slot++) {
    const { pk, sk } = attributeSlot(slot);
    const name = indexedAttributes[slot];
    const value = name === undefined ? undefined : fields.indexed[name];
    values[pk] = value ? attributePartition(name, value) : undefined;
    values[sk] = value ? fields.createdAt : undefined;
  }
  return values;
}

/** The mirrored attributes a write of `fields` leaves on the record, keyed by attribute name. */
export function mirroredAttributes(fields: MirroredFields, indexedAttributes: readonly string[]): Record<string, unknown> {
  return {
    username: fields.username,
    email: fields.email,
    status: fields.status,
    enabled: fields.enabled,
    createdAt: fields.createdAt,
    indexed: fields.indexed,
    estimated: fields.estimated ? true : undefined,
    ...slotValues(fields, indexedAttributes),
  };
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b));
function sortedKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

/** The attributes of `wanted` whose stored value differs (estimated ignored when `ignoreEstimate`). */
export function differences(wanted: Record<string, unknown>, stored: Item, ignoreEstimate = false): string[] {
  return Object.keys(wanted).filter((attribute) => !(ignoreEstimate && attribute === 'estimated') && !sameValue(wanted[attribute], stored[attribute]));
}
