/** Which auth flows a client allows, and dispatching a flow's parameters to its sign-in. */
import { InvalidParameterException } from '../errors';
import type { EngineServices } from '../services';
import type { SignInResult, SignInScope } from './authResult';
import type { Caller } from './caller';
import { customAuthSignIn } from './customAuth';
import type { ClientRecord, PoolRecord } from './model';
import { refreshTokens } from './refresh';
import { assertSecretHash } from './secretHash';
import { passwordSignIn } from './signIn';
import { srpSignIn } from './srp/srpSignIn';
import { userAuthSignIn } from './userAuth';

const REQUIRED_GRANT: Record<string, string> = {
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  USER_AUTH: 'ALLOW_USER_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
};

/** The flows every InitiateAuth-like operation offers; AdminInitiateAuth adds the admin password flows. */
export const INITIATE_AUTH_FLOWS = ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH', 'CUSTOM_AUTH', 'USER_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'];
export const ADMIN_INITIATE_AUTH_FLOWS = ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_SRP_AUTH', 'CUSTOM_AUTH', 'USER_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'];

function param(parameters: Record<string, string>, name: string): string {
  const value = parameters[name];
  if (!value) throw new InvalidParameterException(`Missing required parameter ${name}`);
  return value;
}

export async function runAuthFlow(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  flow: string,
  parameters: Record<string, string>,
  allowedFlows: readonly string[],
  caller: Caller,
): Promise<SignInResult> {
  if (!allowedFlows.includes(flow)) {
    throw new InvalidParameterException(`Unsupported auth flow ${flow} for this operation`);
  }
  if (!client.explicitAuthFlows.includes(REQUIRED_GRANT[flow])) {
    throw new InvalidParameterException(`${flow} flow not enabled for this client`);
  }
  const scope: SignInScope = { s, pool, client, caller };
  const { SECRET_HASH: secretHash, DEVICE_KEY: deviceKey } = parameters;
  switch (flow) {
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      // Cognito hashes the sub here, since a refresh request carries no username.
      const checkSecret = (user: { sub: string }) => assertSecretHash(client, user.sub, secretHash);
      return { AuthenticationResult: await refreshTokens(s, pool, client, param(parameters, 'REFRESH_TOKEN'), caller, checkSecret, 'REFRESH_TOKEN_AUTH') };
    }
    case 'USER_SRP_AUTH':
      return srpSignIn(scope, { identifier: param(parameters, 'USERNAME'), srpA: param(parameters, 'SRP_A'), secretHash, deviceKey });
    case 'CUSTOM_AUTH':
      return customAuthSignIn(scope, { identifier: param(parameters, 'USERNAME'), secretHash, srpA: parameters.SRP_A, challengeName: parameters.CHALLENGE_NAME, deviceKey });
    case 'USER_AUTH':
      return userAuthSignIn(scope, {
        identifier: param(parameters, 'USERNAME'),
        preferred: parameters.PREFERRED_CHALLENGE,
        password: parameters.PASSWORD,
        srpA: parameters.SRP_A,
        secretHash,
        deviceKey,
      });
    default:
      return passwordSignIn(scope, { identifier: param(parameters, 'USERNAME'), password: param(parameters, 'PASSWORD'), secretHash, deviceKey });
  }
}
