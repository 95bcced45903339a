import { callerOf } from '../domain/caller';
import { secretsEqual } from '../domain/constantTime';
import { requireClient } from '../domain/lookup';
import { refreshTokens } from '../domain/refresh';
import { NotAuthorizedException, InvalidParameterException } from '../errors';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

/**
 * New ID and access tokens for a refresh token (Amplify v6's only way to refresh), and with the
 * client's RefreshTokenRotation on, a new refresh token (see domain/refresh.ts).
 */
export const getTokensFromRefreshToken: Operation = {
  access: 'public',
  async run(s, request) {
    const { input } = request;
    const refreshToken = requiredString(input, 'RefreshToken', rules.token);
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const clientSecret = optionalString(input, 'ClientSecret', { max: 64 });
    optionalString(input, 'DeviceKey', { max: 55 });
    if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) throw new InvalidParameterException('Refresh token flow not enabled for this client');
    // The client's secret itself, not a SECRET_HASH: the request names no user to hash.
    const checkSecret = () => {
      if (client.clientSecret && !secretsEqual(client.clientSecret, clientSecret ?? '')) throw new NotAuthorizedException('Client secret is missing or wrong.');
    };
    const result = await refreshTokens(s, pool, client, refreshToken, callerOf(request, client.clientId), checkSecret, 'GetTokensFromRefreshToken');
    return { AuthenticationResult: result };
  },
};
