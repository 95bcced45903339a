import { callerOf } from '../domain/caller';
import { requireClient } from '../domain/lookup';
import { respondToChallenge } from '../domain/challenge';
import { requiredString, rules, stringMap } from '../params';
import type { Operation } from '../services';

export const respondToAuthChallenge: Operation = {
  access: 'public',
  async run(s, request) {
    const { input } = request;
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const challengeName = requiredString(input, 'ChallengeName', { max: 64 });
    const session = requiredString(input, 'Session', rules.session);
    return respondToChallenge(s, pool, client, challengeName, session, stringMap(input, 'ChallengeResponses'), callerOf(request, client.clientId));
  },
};
