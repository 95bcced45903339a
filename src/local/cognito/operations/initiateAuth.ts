import { signInCaller } from '../domain/caller';
import { runAuthFlow } from '../domain/flows';
import { requireClient } from '../domain/lookup';
import { requiredString, rules, stringMap } from '../params';
import type { Operation } from '../services';

export const initiateAuth: Operation = {
  access: 'public',
  async run(s, request) {
    const { input } = request;
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const flow = requiredString(input, 'AuthFlow', { max: 64 });
    const parameters = stringMap(input, 'AuthParameters');
    return runAuthFlow(s, pool, client, flow, parameters, ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'], signInCaller(request, client.clientId));
  },
};
