/** Turns CreateUserPool / CreateUserPoolClient input into stored settings, and back into descriptions. */
import { InvalidParameterException } from '../errors';
import { oneOf } from '../params';
import { STANDARD_SCHEMA } from './attributes';
import { initialFactors, MFA_MODES } from './mfa/poolMfa';
import type { PasswordPolicy, PoolRecord, PoolSettings, SchemaAttribute } from './model';
import { DEFAULT_PASSWORD_POLICY } from './passwordPolicy';
import { lambdaConfigFrom } from './triggers/lambdaConfig';

type Input = Record<string, unknown>;
const asRecord = (value: unknown): Input => (value && typeof value === 'object' ? (value as Input) : {});
const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function passwordPolicy(input: Input): PasswordPolicy {
  const given = asRecord(asRecord(input.Policies).PasswordPolicy);
  const policy = { ...DEFAULT_PASSWORD_POLICY };
  for (const key of Object.keys(policy) as (keyof PasswordPolicy)[]) {
    if (given[key] !== undefined) (policy as Record<string, unknown>)[key] = given[key];
  }
  if (!Number.isInteger(policy.MinimumLength) || policy.MinimumLength < 6 || policy.MinimumLength > 99) {
    throw new InvalidParameterException('MinimumLength must be between 6 and 99.');
  }
  return policy;
}

/** The first factors USER_AUTH may offer; PASSWORD always, as Cognito requires. */
const FIRST_FACTORS = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];

function allowedFirstAuthFactors(input: Input): string[] {
  const given = asRecord(asRecord(input.Policies).SignInPolicy).AllowedFirstAuthFactors;
  if (given === undefined) return ['PASSWORD'];
  const factors = asStrings(given);
  for (const factor of factors) oneOf('Policies.SignInPolicy.AllowedFirstAuthFactors', factor, FIRST_FACTORS);
  if (!factors.includes('PASSWORD')) throw new InvalidParameterException('AllowedFirstAuthFactors must include PASSWORD.');
  return [...new Set(factors)];
}

function schema(input: Input): SchemaAttribute[] {
  const merged = STANDARD_SCHEMA.map((a) => ({ ...a }));
  const custom = Array.isArray(input.Schema) ? (input.Schema as Input[]) : [];
  if (custom.length > 50) throw new InvalidParameterException('A pool may have at most 50 custom attributes.');
  for (const entry of custom) {
    const rawName = String(entry.Name ?? '');
    if (!/^[\w:]{1,20}$/.test(rawName)) throw new InvalidParameterException(`Invalid attribute name ${rawName}`);
    const existing = merged.find((a) => a.Name === rawName);
    if (existing) {
      if (entry.Required !== undefined) existing.Required = !!entry.Required;
      if (entry.Mutable !== undefined) existing.Mutable = !!entry.Mutable;
      continue;
    }
    const name = rawName.startsWith('custom:') ? rawName : `custom:${rawName}`;
    merged.push({
      Name: name,
      AttributeDataType: String(entry.AttributeDataType ?? 'String'),
      DeveloperOnlyAttribute: !!entry.DeveloperOnlyAttribute,
      Mutable: entry.Mutable === undefined ? true : !!entry.Mutable,
      // Cognito does not allow required custom attributes.
      Required: false,
      StringAttributeConstraints: (entry.StringAttributeConstraints as SchemaAttribute['StringAttributeConstraints']) ?? {
        MinLength: '0',
        MaxLength: '2048',
      },
      NumberAttributeConstraints: entry.NumberAttributeConstraints as SchemaAttribute['NumberAttributeConstraints'],
    });
  }
  return merged;
}

export function poolSettingsFrom(input: Input): PoolSettings {
  const usernameAttributes = asStrings(input.UsernameAttributes);
  const aliasAttributes = asStrings(input.AliasAttributes);
  if (usernameAttributes.length && aliasAttributes.length) {
    throw new InvalidParameterException('UsernameAttributes and AliasAttributes cannot both be set.');
  }
  for (const a of usernameAttributes) {
    if (a !== 'email' && a !== 'phone_number') throw new InvalidParameterException(`Invalid UsernameAttributes value ${a}`);
  }
  const mfaConfiguration = typeof input.MfaConfiguration === 'string' ? oneOf('MfaConfiguration', input.MfaConfiguration, MFA_MODES) : 'OFF';
  const known = new Set(['PoolName', 'Policies', 'UsernameAttributes', 'AliasAttributes', 'AutoVerifiedAttributes', 'Schema', 'MfaConfiguration', 'DeviceConfiguration', 'LambdaConfig', 'UsernameConfiguration', 'AdminCreateUserConfig']);
  return {
    PasswordPolicy: passwordPolicy(input),
    UsernameAttributes: usernameAttributes,
    AliasAttributes: aliasAttributes,
    AutoVerifiedAttributes: asStrings(input.AutoVerifiedAttributes),
    Schema: schema(input),
    MfaConfiguration: mfaConfiguration,
    MfaFactors: initialFactors(input, mfaConfiguration),
    AllowedFirstAuthFactors: allowedFirstAuthFactors(input),
    DeviceConfiguration: input.DeviceConfiguration ? asRecord(input.DeviceConfiguration) : undefined,
    LambdaConfig: lambdaConfigFrom(input.LambdaConfig),
    UsernameCaseSensitive: asRecord(input.UsernameConfiguration).CaseSensitive === true,
    AdminCreateUserOnly: asRecord(input.AdminCreateUserConfig).AllowAdminCreateUserOnly === true,
    Extra: Object.fromEntries(Object.entries(input).filter(([k]) => !known.has(k))),
  };
}

/** What UpdateUserPool cannot change: the way users are named and the attribute schema. */
const FIXED_AT_CREATION = new Set(['UserPoolId', 'PoolName', 'UsernameAttributes', 'AliasAttributes', 'Schema', 'UsernameConfiguration']);

/**
 * UpdateUserPool's settings. As in Cognito, a setting the request leaves out goes back to its
 * default (so callers send the whole configuration, usually from DescribeUserPool); naming and
 * schema keep what the pool was created with, and the MFA factors what SetUserPoolMfaConfig set.
 */
export function updatedPoolSettings(current: PoolSettings, input: Input): PoolSettings {
  const changeable = Object.fromEntries(Object.entries(input).filter(([key]) => !FIXED_AT_CREATION.has(key)));
  return {
    ...poolSettingsFrom(changeable),
    UsernameAttributes: current.UsernameAttributes,
    AliasAttributes: current.AliasAttributes,
    Schema: current.Schema,
    UsernameCaseSensitive: current.UsernameCaseSensitive,
    ...(current.MfaFactors ? { MfaFactors: current.MfaFactors } : {}),
  };
}

export function describePool(pool: PoolRecord, userCount: number): Record<string, unknown> {
  const s = pool.settings;
  return {
    ...s.Extra,
    Id: pool.poolId,
    Name: pool.name,
    Arn: `arn:aws:cognito-idp:${pool.region}:000000000000:userpool/${pool.poolId}`,
    Policies: { PasswordPolicy: s.PasswordPolicy, SignInPolicy: { AllowedFirstAuthFactors: s.AllowedFirstAuthFactors ?? ['PASSWORD'] } },
    LambdaConfig: s.LambdaConfig,
    SchemaAttributes: s.Schema,
    AutoVerifiedAttributes: s.AutoVerifiedAttributes,
    UsernameAttributes: s.UsernameAttributes.length ? s.UsernameAttributes : undefined,
    AliasAttributes: s.AliasAttributes.length ? s.AliasAttributes : undefined,
    MfaConfiguration: s.MfaConfiguration,
    DeviceConfiguration: s.DeviceConfiguration,
    UsernameConfiguration: { CaseSensitive: s.UsernameCaseSensitive },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: s.AdminCreateUserOnly },
    EstimatedNumberOfUsers: userCount,
    CreationDate: new Date(pool.createdAt),
    LastModifiedDate: new Date(pool.modifiedAt),
  };
}

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Token validity in seconds, honouring TokenValidityUnits and Cognito's allowed ranges. */
export function validitySeconds(input: Input, field: 'AccessToken' | 'IdToken' | 'RefreshToken'): number {
  // Cognito's default units: hours for access and ID tokens, days for refresh tokens.
  const defaults = { AccessToken: [1, 'hours'], IdToken: [1, 'hours'], RefreshToken: [30, 'days'] } as const;
  const units = asRecord(input.TokenValidityUnits);
  const value = input[`${field}Validity`];
  const unit = typeof units[field] === 'string' ? (units[field] as string) : defaults[field][1];
  const amount = typeof value === 'number' ? value : defaults[field][0];
  const total = amount * (UNIT_SECONDS[unit] ?? NaN);
  const [min, max] = field === 'RefreshToken' ? [3600, 10 * 365 * 86400] : [300, 86400];
  if (!Number.isFinite(total) || total < min || total > max) {
    throw new InvalidParameterException(`${field}Validity is out of range.`);
  }
  return total;
}

export const DEFAULT_AUTH_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
