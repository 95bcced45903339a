import { signInCaller } from '../domain/caller';
import { INITIATE_AUTH_FLOWS, runAuthFlow } from '../domain/flows';
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
    return runAuthFlow(s, pool, client, flow, parameters, INITIATE_AUTH_FLOWS, signInCaller(request, client.clientId));
  },
};
