import { isCurrentRefreshToken } from '../domain/authResult';
import { isGenuine, parseRefreshToken } from '../domain/refreshTokens';
import { requireClient } from '../domain/lookup';
import { secretsEqual } from '../domain/constantTime';
import { NotAuthorizedException, UnsupportedOperationException } from '../errors';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const revokeToken: Operation = {
  access: 'public',
  async run(s, { input }) {
    const token = requiredString(input, 'Token', rules.token);
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const secret = optionalString(input, 'ClientSecret', { max: 64 });
    if (client.clientSecret && !secretsEqual(client.clientSecret, secret ?? '')) {
      throw new NotAuthorizedException('Client secret is missing or wrong.');
    }
    if (!client.enableTokenRevocation) throw new UnsupportedOperationException('Token revocation is not enabled for this client.');
    const parsed = parseRefreshToken(token);
    const session = parsed ? await s.sessions.get(pool.poolId, parsed.sessionId) : undefined;
    // An unknown or foreign token is answered like a revoked one: nothing to learn from it. A
    // rotated-out token of the session ends it too: whoever holds it held the session.
    if (parsed && session && session.clientId === client.clientId && (isCurrentRefreshToken(session, parsed) || isGenuine(pool.pepper, parsed))) {
      await s.sessions.revoke(pool.poolId, session.sessionId, s.clock.now());
    }
    return {};
  },
};
