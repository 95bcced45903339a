/** User attributes: the standard schema, custom attributes, and validation with Cognito's wording. */
import { isEmail, isPhone } from '../../../lib/addresses';
import { InvalidParameterException, NotAuthorizedException } from '../errors';
import type { ClientRecord, PoolRecord, SchemaAttribute, UserRecord } from './model';

const standard = (Name: string, extra: Partial<SchemaAttribute> = {}): SchemaAttribute => ({
  Name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
  StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
  ...extra,
});

/** Cognito's standard attributes, as DescribeUserPool lists them for a new pool. */
export const STANDARD_SCHEMA: SchemaAttribute[] = [
  standard('sub', { Mutable: false, Required: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' } }),
  ...['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'email'].map((n) => standard(n)),
  standard('email_verified', { AttributeDataType: 'Boolean', StringAttributeConstraints: undefined }),
  standard('gender'),
  standard('birthdate', { StringAttributeConstraints: { MinLength: '10', MaxLength: '10' } }),
  standard('zoneinfo'),
  standard('locale'),
  standard('phone_number'),
  standard('phone_number_verified', { AttributeDataType: 'Boolean', StringAttributeConstraints: undefined }),
  standard('address'),
  standard('updated_at', { AttributeDataType: 'Number', StringAttributeConstraints: undefined, NumberAttributeConstraints: { MinValue: '0' } }),
];

export const MAX_ATTRIBUTE_VALUE_BYTES = 2048;

export interface AttributeInput {
  Name?: unknown;
  Value?: unknown;
}

const schemaError = (name: string, reason: string): InvalidParameterException =>
  new InvalidParameterException(`Attributes did not conform to the schema: ${name}: ${reason}`);

function schemaFor(pool: PoolRecord, name: string): SchemaAttribute | undefined {
  return pool.settings.Schema.find((a) => a.Name === name);
}

/**
 * Validates attributes a caller wants to write and returns them as a map. `mode` decides
 * whether immutable attributes may be set (only at creation) and whether the *_verified
 * flags may be written (only by admins).
 */
export function validateAttributes(
  pool: PoolRecord,
  input: AttributeInput[],
  mode: 'create' | 'update' | 'admin-create' | 'admin-update',
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of input) {
    const name = entry?.Name;
    if (typeof name !== 'string' || name.length === 0 || name.length > 32 + 'custom:'.length) {
      throw new InvalidParameterException('Attribute name is missing or too long.');
    }
    const value = entry.Value ?? '';
    if (typeof value !== 'string') throw schemaError(name, 'Attribute value must be a string.');
    const schema = schemaFor(pool, name);
    if (!schema || name === 'sub') throw schemaError(name, 'Attribute does not exist in the schema.');
    if (!schema.Mutable && (mode === 'update' || mode === 'admin-update')) {
      throw schemaError(name, 'Attribute cannot be updated. (changing an immutable attribute)');
    }
    if (name.endsWith('_verified') && !mode.startsWith('admin')) {
      throw schemaError(name, 'Only administrators may set verification flags.');
    }
    if (Buffer.byteLength(value) > MAX_ATTRIBUTE_VALUE_BYTES) {
      throw schemaError(name, `String must be no longer than ${MAX_ATTRIBUTE_VALUE_BYTES} characters`);
    }
    const max = Number(schema.StringAttributeConstraints?.MaxLength ?? MAX_ATTRIBUTE_VALUE_BYTES);
    const min = Number(schema.StringAttributeConstraints?.MinLength ?? 0);
    if (value.length > max || (value.length > 0 && value.length < min)) {
      throw schemaError(name, `String must be between ${min} and ${max} characters`);
    }
    if (name === 'email' && !isEmail(value)) throw new InvalidParameterException('Invalid email address format.');
    if (name === 'phone_number' && !isPhone(value)) throw new InvalidParameterException('Invalid phone number format.');
    if (schema.AttributeDataType === 'Boolean' && value !== 'true' && value !== 'false') {
      throw schemaError(name, 'Attribute value must be true or false.');
    }
    if (schema.AttributeDataType === 'Number' && value !== '' && !Number.isFinite(Number(value))) {
      throw schemaError(name, 'Attribute value must be a number.');
    }
    result[name] = value;
  }
  return result;
}

export function assertRequiredPresent(pool: PoolRecord, attributes: Record<string, string>): void {
  for (const schema of pool.settings.Schema) {
    if (schema.Required && schema.Name !== 'sub' && !attributes[schema.Name]) {
      throw schemaError(schema.Name, 'The attribute is required');
    }
  }
}

/** Required attributes a user is still missing, as NEW_PASSWORD_REQUIRED names them. */
export function missingRequired(pool: PoolRecord, user: UserRecord): string[] {
  return pool.settings.Schema.filter((s) => s.Required && s.Name !== 'sub' && !user.attributes[s.Name]).map(
    (s) => `userAttributes.${s.Name}`,
  );
}


export function attributeList(user: UserRecord, only?: string[]): { Name: string; Value: string }[] {
  const all = { sub: user.sub, ...user.attributes };
  return Object.entries(all)
    .filter(([name]) => !only || only.includes(name))
    .map(([Name, Value]) => ({ Name, Value }));
}

/** Checks a DeleteUserAttributes list: known, optional and mutable attributes only. */
export function assertDeletableAttributes(pool: PoolRecord, names: unknown[]): string[] {
  if (names.length === 0) throw new InvalidParameterException('UserAttributeNames must not be empty.');
  for (const name of names) {
    if (typeof name !== 'string') throw new InvalidParameterException('Attribute names must be strings.');
    const schema = schemaFor(pool, name);
    if (!schema) throw schemaError(name, 'Attribute does not exist in the schema.');
    if (schema.Required || !schema.Mutable) throw new InvalidParameterException(`Cannot delete attribute ${name}: it is required or immutable.`);
  }
  return names as string[];
}

/**
 * An app client's WriteAttributes: when set, a user acting through that client may only write
 * those attributes.
 */
export function assertClientMayWrite(client: ClientRecord, names: string[]): void {
  if (!client.writeAttributes) return;
  const denied = names.filter((n) => !client.writeAttributes!.includes(n));
  if (denied.length) throw new NotAuthorizedException(`A client attempted to write unauthorized attribute: ${denied.join(', ')}`);
}

/** An app client's ReadAttributes: when set, only those (and sub) are shown through that client. */
export function clientMayRead(client: ClientRecord, name: string): boolean {
  return !client.readAttributes || name === 'sub' || client.readAttributes.includes(name);
}
