import { callerOf, contextDataIp } from '../domain/caller';
import { requirePoolClient } from '../domain/lookup';
import { respondToChallenge } from '../domain/challenge';
import { requiredString, rules, stringMap } from '../params';
import type { Operation } from '../services';

export const adminRespondToAuthChallenge: Operation = {
  access: 'iam',
  async run(s, request) {
    const { input } = request;
    const { client, pool } = await requirePoolClient(
      s,
      requiredString(input, 'UserPoolId', rules.poolId),
      requiredString(input, 'ClientId', rules.clientId),
    );
    const challengeName = requiredString(input, 'ChallengeName', { max: 64 });
    const session = requiredString(input, 'Session', rules.session);
    return respondToChallenge(s, pool, client, challengeName, session, stringMap(input, 'ChallengeResponses'), callerOf(request, client.clientId, contextDataIp(input)));
  },
};
