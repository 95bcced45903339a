/**
 * An app client's settings from CreateUserPoolClient / UpdateUserPoolClient input, validated, and
 * back into the description DescribeUserPoolClient gives. Update works as in Cognito: a setting
 * the request leaves out returns to its default, so callers send the whole configuration.
 */
import { randomBytes } from 'node:crypto';
import { InvalidParameterException } from '../errors';
import { oneOf, optionalBoolean, optionalList, optionalNumber, optionalString, requiredString } from '../params';
import type { ClientRecord, RefreshTokenRotation } from './model';
import { DEFAULT_AUTH_FLOWS, validitySeconds } from './poolSettings';

type Input = Record<string, unknown>;

const FLOWS = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
];
/** Fields interpreted here; the rest are echoed back as given. */
const HANDLED = new Set([
  'UserPoolId', 'ClientId', 'ClientName', 'GenerateSecret', 'ExplicitAuthFlows', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity',
  'TokenValidityUnits', 'AuthSessionValidity', 'PreventUserExistenceErrors', 'EnableTokenRevocation', 'ReadAttributes', 'WriteAttributes',
  'RefreshTokenRotation',
]);
export const CLIENT_NAME = { max: 128, pattern: /^[\w\s+=,.@-]+$/ };
export const NO_ROTATION: RefreshTokenRotation = { enabled: false, retryGracePeriodSeconds: 0 };

const lowerAlphanumeric = (length: number): string =>
  Array.from(randomBytes(length), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');

export const newClientId = (): string => lowerAlphanumeric(26);
export const newClientSecret = (): string => randomBytes(38).toString('base64url');

function rotation(input: Input): RefreshTokenRotation {
  const given = input.RefreshTokenRotation;
  if (given === undefined || given === null) return NO_ROTATION;
  if (typeof given !== 'object' || Array.isArray(given)) throw new InvalidParameterException('RefreshTokenRotation must be an object.');
  const fields = given as Input;
  const feature = oneOf('RefreshTokenRotation.Feature', requiredString(fields, 'Feature'), ['ENABLED', 'DISABLED']);
  const grace = optionalNumber(fields, 'RetryGracePeriodSeconds', 0, 60) ?? 0;
  return { enabled: feature === 'ENABLED', retryGracePeriodSeconds: grace };
}

/** The settings an input describes: everything of a client but its identity and dates. */
export function clientSettingsFrom(input: Input): Omit<ClientRecord, 'clientId' | 'poolId' | 'clientSecret' | 'createdAt' | 'modifiedAt'> {
  const flows = optionalList<string>(input, 'ExplicitAuthFlows');
  for (const flow of flows) {
    if (!FLOWS.includes(flow)) throw new InvalidParameterException(`Invalid ExplicitAuthFlows value ${flow}`);
  }
  const prevent = optionalString(input, 'PreventUserExistenceErrors') ?? 'ENABLED';
  if (prevent !== 'ENABLED' && prevent !== 'LEGACY') throw new InvalidParameterException('Invalid PreventUserExistenceErrors');
  const readAttributes = optionalList<string>(input, 'ReadAttributes');
  const writeAttributes = optionalList<string>(input, 'WriteAttributes');
  return {
    clientName: requiredString(input, 'ClientName', CLIENT_NAME),
    explicitAuthFlows: flows.length ? flows : DEFAULT_AUTH_FLOWS,
    accessTokenValiditySeconds: validitySeconds(input, 'AccessToken'),
    idTokenValiditySeconds: validitySeconds(input, 'IdToken'),
    refreshTokenValiditySeconds: validitySeconds(input, 'RefreshToken'),
    authSessionValidityMinutes: optionalNumber(input, 'AuthSessionValidity', 3, 15) ?? 3,
    preventUserExistenceErrors: prevent,
    enableTokenRevocation: optionalBoolean(input, 'EnableTokenRevocation') ?? true,
    readAttributes: readAttributes.length ? readAttributes : undefined,
    writeAttributes: writeAttributes.length ? writeAttributes : undefined,
    refreshTokenRotation: rotation(input),
    extra: Object.fromEntries(Object.entries(input).filter(([k]) => !HANDLED.has(k))),
  };
}

/** Whether GetTokensFromRefreshToken issues a new refresh token for this client. */
export const rotatesRefreshTokens = (client: ClientRecord): boolean => client.refreshTokenRotation?.enabled === true;

export function describeClient(client: ClientRecord): Record<string, unknown> {
  const rotation = client.refreshTokenRotation ?? NO_ROTATION;
  return {
    ...client.extra,
    UserPoolId: client.poolId,
    ClientName: client.clientName,
    ClientId: client.clientId,
    ClientSecret: client.clientSecret,
    ExplicitAuthFlows: client.explicitAuthFlows,
    AccessTokenValidity: client.accessTokenValiditySeconds,
    IdTokenValidity: client.idTokenValiditySeconds,
    RefreshTokenValidity: client.refreshTokenValiditySeconds,
    TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'seconds', RefreshToken: 'seconds' },
    AuthSessionValidity: client.authSessionValidityMinutes,
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    EnableTokenRevocation: client.enableTokenRevocation,
    ReadAttributes: client.readAttributes,
    WriteAttributes: client.writeAttributes,
    RefreshTokenRotation: { Feature: rotation.enabled ? 'ENABLED' : 'DISABLED', RetryGracePeriodSeconds: rotation.retryGracePeriodSeconds },
    CreationDate: new Date(client.createdAt),
    LastModifiedDate: new Date(client.modifiedAt),
  };
}
