import { requireClient } from '../domain/lookup';
import { respondToChallenge } from '../domain/signIn';
import { requiredString, rules, stringMap } from '../params';
import type { Operation } from '../services';

export const respondToAuthChallenge: Operation = {
  access: 'public',
  async run(s, { input }) {
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const challengeName = requiredString(input, 'ChallengeName', { max: 64 });
    const session = requiredString(input, 'Session', rules.session);
    return respondToChallenge(s, pool, client, challengeName, session, stringMap(input, 'ChallengeResponses'));
  },
};
