/**
 * A change to a user record, as one conditional DynamoDB update, and the record it produces
 * (computed from the record it replaced, so the ListUsers index can be kept in step without a
 * second read).
 */
import type { UserRecord } from './model';

export interface UserChange {
  set?: Partial<Omit<UserRecord, 'attributes' | 'poolId' | 'usernameKey'>>;
  remove?: (keyof UserRecord)[];
  setAttributes?: Record<string, string>;
  removeAttributes?: string[];
  expect?: Partial<Pick<UserRecord, 'status' | 'enabled' | 'passwordHash'>>;
  /** Equality guards on attributes; undefined means the attribute must be absent. */
  expectAttributes?: Record<string, string | undefined>;
}

export interface UpdateExpression {
  expression: string;
  condition: string;
  names: Record<string, string>;
  values: Record<string, unknown> | undefined;
}

export function updateExpression(change: UserChange): UpdateExpression {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  const conditions = ['attribute_exists(pk)'];
  let n = 0;
  // Attribute names are placeholders (#f0, #a1, ...) so any name is safe, reserved word or not.
  const name = (prefix: string, value: string): string => {
    const placeholder = `#${prefix}${n++}`;
    names[placeholder] = value;
    return placeholder;
  };
  const attribute = (prefix: string, value: string): string => {
    names['#attrs'] = 'attributes';
    return `#attrs.${name(prefix, value)}`;
  };
  const value = (v: unknown): string => {
    const placeholder = `:v${n++}`;
    values[placeholder] = v;
    return placeholder;
  };
  for (const [field, v] of Object.entries(change.set ?? {})) {
    if (v === undefined) continue;
    const path = name('f', field);
    sets.push(`${path} = ${value(v)}`);
  }
  for (const field of change.remove ?? []) removes.push(name('f', field));
  for (const [attr, v] of Object.entries(change.setAttributes ?? {})) {
    const path = attribute('a', attr);
    sets.push(`${path} = ${value(v)}`);
  }
  for (const attr of change.removeAttributes ?? []) removes.push(attribute('a', attr));
  for (const [field, v] of Object.entries(change.expect ?? {})) {
    const path = name('e', field);
    conditions.push(`${path} = ${value(v)}`);
  }
  for (const [attr, v] of Object.entries(change.expectAttributes ?? {})) {
    const path = attribute('x', attr);
    conditions.push(v === undefined ? `attribute_not_exists(${path})` : `${path} = ${value(v)}`);
  }
  const expression = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '']
    .filter(Boolean)
    .join(' ');
  return { expression, condition: conditions.join(' AND '), names, values: Object.keys(values).length ? values : undefined };
}

/** The record an update produces, computed from the one it replaced. */
export function applyChange(before: UserRecord, change: UserChange): UserRecord {
  const after: Record<string, unknown> = { ...before, attributes: { ...before.attributes } };
  for (const [field, value] of Object.entries(change.set ?? {})) if (value !== undefined) after[field] = value;
  for (const field of change.remove ?? []) delete after[field];
  const attributes = after.attributes as Record<string, string>;
  Object.assign(attributes, change.setAttributes ?? {});
  for (const name of change.removeAttributes ?? []) delete attributes[name];
  return after as unknown as UserRecord;
}
