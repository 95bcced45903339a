import { randomBytes } from 'node:crypto';
import { InvalidParameterException } from '../errors';
import { requirePool } from '../domain/lookup';
import type { ClientRecord } from '../domain/model';
import { DEFAULT_AUTH_FLOWS, describeClient, validitySeconds } from '../domain/poolSettings';
import { optionalBoolean, optionalList, optionalNumber, optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

const FLOWS = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
];
const HANDLED = new Set(['UserPoolId', 'ClientName', 'GenerateSecret', 'ExplicitAuthFlows', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits', 'AuthSessionValidity', 'PreventUserExistenceErrors', 'EnableTokenRevocation', 'ReadAttributes', 'WriteAttributes']);

const lowerAlphanumeric = (length: number): string =>
  Array.from(randomBytes(length), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');

export const createUserPoolClient: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const clientName = requiredString(input, 'ClientName', { max: 128, pattern: /^[\w\s+=,.@-]+$/ });
    const flows = optionalList<string>(input, 'ExplicitAuthFlows');
    for (const flow of flows) {
      if (!FLOWS.includes(flow)) throw new InvalidParameterException(`Invalid ExplicitAuthFlows value ${flow}`);
    }
    const prevent = optionalString(input, 'PreventUserExistenceErrors') ?? 'ENABLED';
    if (prevent !== 'ENABLED' && prevent !== 'LEGACY') throw new InvalidParameterException('Invalid PreventUserExistenceErrors');
    const now = s.clock.now();
    const client: ClientRecord = {
      clientId: lowerAlphanumeric(26),
      poolId: pool.poolId,
      clientName,
      clientSecret: optionalBoolean(input, 'GenerateSecret') ? randomBytes(38).toString('base64url') : undefined,
      explicitAuthFlows: flows.length ? flows : DEFAULT_AUTH_FLOWS,
      accessTokenValiditySeconds: validitySeconds(input, 'AccessToken'),
      idTokenValiditySeconds: validitySeconds(input, 'IdToken'),
      refreshTokenValiditySeconds: validitySeconds(input, 'RefreshToken'),
      authSessionValidityMinutes: optionalNumber(input, 'AuthSessionValidity', 3, 15) ?? 3,
      preventUserExistenceErrors: prevent,
      enableTokenRevocation: optionalBoolean(input, 'EnableTokenRevocation') ?? true,
      readAttributes: optionalList<string>(input, 'ReadAttributes').length ? optionalList<string>(input, 'ReadAttributes') : undefined,
      writeAttributes: optionalList<string>(input, 'WriteAttributes').length ? optionalList<string>(input, 'WriteAttributes') : undefined,
      extra: Object.fromEntries(Object.entries(input).filter(([k]) => !HANDLED.has(k))),
      createdAt: now,
      modifiedAt: now,
    };
    await s.pools.createClient(client);
    return { UserPoolClient: describeClient(client) };
  },
};
