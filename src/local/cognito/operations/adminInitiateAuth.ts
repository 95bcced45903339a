import { contextDataIp, signInCaller } from '../domain/caller';
import { ADMIN_INITIATE_AUTH_FLOWS, runAuthFlow } from '../domain/flows';
import { requirePoolClient } from '../domain/lookup';
import { requiredString, rules, stringMap } from '../params';
import type { Operation } from '../services';

export const adminInitiateAuth: Operation = {
  access: 'iam',
  async run(s, request) {
    const { input } = request;
    const { client, pool } = await requirePoolClient(
      s,
      requiredString(input, 'UserPoolId', rules.poolId),
      requiredString(input, 'ClientId', rules.clientId),
    );
    const flow = requiredString(input, 'AuthFlow', { max: 64 });
    const parameters = stringMap(input, 'AuthParameters');
    const caller = signInCaller(request, client.clientId, contextDataIp(input));
    return runAuthFlow(s, pool, client, flow, parameters, ADMIN_INITIATE_AUTH_FLOWS, caller);
  },
};
