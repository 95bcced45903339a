/** SECRET_HASH: Base64(HMAC-SHA256(client secret, username + clientId)). */
import { createHmac } from 'node:crypto';
import { secretsEqual } from './constantTime';
import { NotAuthorizedException } from '../errors';
import type { ClientRecord } from './model';

export function computeSecretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/** Checks the hash when the client has a secret; clients without one ignore it, as Cognito does. */
export function assertSecretHash(client: ClientRecord, username: string, given: string | undefined): void {
  if (!client.clientSecret) return;
  if (!given) {
    throw new NotAuthorizedException(`Client ${client.clientId} is configured with secret but SECRET_HASH was not received`);
  }
  if (!secretsEqual(computeSecretHash(client.clientSecret, username, client.clientId), given)) {
    throw new NotAuthorizedException(`Unable to verify secret hash for client ${client.clientId}`);
  }
}
