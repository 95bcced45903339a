/** Converting between the API's camelCase attributes and Cognito's attribute lists. */
import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { badInput } from '../../errors';
import { hasBidiControl, hasControl, isBirthdate } from '../../lib/text';

const STANDARD: Record<string, string> = {
  email: 'email',
  phoneNumber: 'phone_number',
  name: 'name',
  givenName: 'given_name',
  familyName: 'family_name',
  middleName: 'middle_name',
  nickname: 'nickname',
  preferredUsername: 'preferred_username',
  profile: 'profile',
  picture: 'picture',
  website: 'website',
  gender: 'gender',
  birthdate: 'birthdate',
  zoneinfo: 'zoneinfo',
  locale: 'locale',
  address: 'address',
};
/** Only admins' input types have these fields. */
const VERIFIED_FLAGS: Record<string, string> = { emailVerified: 'email_verified', phoneNumberVerified: 'phone_number_verified' };
const FROM_COGNITO = Object.fromEntries(Object.entries(STANDARD).map(([api, cognito]) => [cognito, api]));

export const MAX_ATTRIBUTE_LENGTH = 2048;
const CUSTOM_NAME = /^[A-Za-z0-9_]{1,20}$/;

/** A value Cognito would store: not empty (leave a field out to keep it), not too long, no control characters. */
function checkValue(label: string, value: string, field = label): void {
  if (value.length === 0) throw badInput(`${label} must not be empty`, field);
  if (value.length > MAX_ATTRIBUTE_LENGTH) throw badInput(`${label} must be at most ${MAX_ATTRIBUTE_LENGTH} characters`, field);
  // A postal address may span lines; nothing else may hold control characters.
  const rest = label === 'address' ? value.replace(/[\n\r\t]/g, ' ') : value;
  if (hasControl(rest)) throw badInput(`${label} contains control characters`, field);
}

/** Standard attributes are shown to people (names, addresses, links): none may reorder its display. */
function checkDisplayed(label: string, value: string): void {
  if (hasBidiControl(value)) throw badInput(`${label} contains bidirectional control characters`, label);
}

/** Validates and converts attribute input; throws BAD_USER_INPUT naming the offending field. */
export function toCognitoAttributes(input: Record<string, unknown> | undefined | null): AttributeType[] {
  if (!input) return [];
  const result: AttributeType[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    if (field === 'custom') {
      if (typeof value !== 'object' || Array.isArray(value)) throw badInput('custom must be a JSON object of strings', 'custom');
      for (const [name, customValue] of Object.entries(value as Record<string, unknown>)) {
        if (!CUSTOM_NAME.test(name)) throw badInput(`Unknown custom attribute name "${name.slice(0, 40)}"`, 'custom');
        if (typeof customValue !== 'string') throw badInput(`custom.${name} must be a string`, 'custom');
        checkValue(`custom.${name}`, customValue, 'custom');
        result.push({ Name: `custom:${name}`, Value: customValue });
      }
      continue;
    }
    if (field in VERIFIED_FLAGS) {
      if (typeof value !== 'boolean') throw badInput(`${field} must be true or false`, field);
      result.push({ Name: VERIFIED_FLAGS[field], Value: String(value) });
      continue;
    }
    const name = STANDARD[field];
    if (!name) throw badInput(`Unknown attribute "${field}"`, field);
    if (typeof value !== 'string') throw badInput(`${field} must be a string`, field);
    checkValue(field, value);
    checkDisplayed(field, value);
    if (field === 'birthdate' && !isBirthdate(value)) throw badInput('birthdate must be a real date, YYYY-MM-DD (or 0000-MM-DD without the year)', field);
    result.push({ Name: name, Value: value });
  }
  return result;
}

export interface ProfileAttributes {
  sub: string;
  emailVerified: boolean;
  phoneNumberVerified: boolean;
  customAttributes: Record<string, string>;
  [field: string]: unknown;
}

/** Cognito's attribute list as the User type's fields. */
export function fromCognitoAttributes(attributes: AttributeType[] = []): ProfileAttributes {
  const profile: ProfileAttributes = { sub: '', emailVerified: false, phoneNumberVerified: false, customAttributes: {} };
  for (const { Name, Value = '' } of attributes) {
    if (!Name) continue;
    if (Name === 'sub') profile.sub = Value;
    else if (Name === 'email_verified') profile.emailVerified = Value === 'true';
    else if (Name === 'phone_number_verified') profile.phoneNumberVerified = Value === 'true';
    else if (Name.startsWith('custom:')) profile.customAttributes[Name.slice('custom:'.length)] = Value;
    else if (FROM_COGNITO[Name]) profile[FROM_COGNITO[Name]] = Value;
  }
  return profile;
}
