/** Which auth flows a client allows, and dispatching a flow's parameters to its sign-in. */
import { InvalidParameterException } from '../errors';
import type { EngineServices } from '../services';
import type { ClientRecord, PoolRecord } from './model';
import type { Caller } from './caller';
import { refreshSignIn } from './refresh';
import { passwordSignIn, SignInResult } from './signIn';

const REQUIRED_GRANT: Record<string, string> = {
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
};

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
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    return refreshSignIn(s, pool, client, param(parameters, 'REFRESH_TOKEN'), parameters.SECRET_HASH, caller);
  }
  return passwordSignIn(s, pool, client, param(parameters, 'USERNAME'), param(parameters, 'PASSWORD'), parameters.SECRET_HASH, caller);
}
