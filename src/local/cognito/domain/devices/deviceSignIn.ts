/**
 * Signing in from a remembered device: after the password, DEVICE_SRP_AUTH (the device's SRP_A)
 * answers DEVICE_PASSWORD_VERIFIER (the device's salt and an SRP_B against the verifier it gave
 * ConfirmDevice), and the device's proof, signed over its group key and device key, lets the
 * sign-in go on without MFA when the pool says so (nextStep.ts). The device's last use is noted
 * with the tokens.
 */
import { InvalidParameterException, NotAuthorizedException, ResourceNotFoundException, messages } from '../../errors';
import type { SignInResult, SignInScope } from '../authResult';
import { startChallenge } from '../authResult';
import { secretsEqual } from '../constantTime';
import { afterDeviceProof } from '../nextStep';
import { Parked, progressOf, sessionExpired, takeChallenge, userOf } from '../parkedChallenge';
import { proofMatches, secretBlockFor, startExchange } from '../srp/exchange';
import { clientValue } from '../srp/srpSignIn';
import { assertFreshTimestamp } from '../srp/timestamp';
import { devicePartition } from './deviceKeys';

async function rememberedDevice(scope: SignInScope, parked: Parked, deviceKey: string | undefined) {
  if (!deviceKey) throw new InvalidParameterException('Missing required parameter DEVICE_KEY');
  if (deviceKey !== parked.record.deviceKey) throw new NotAuthorizedException(messages.sessionExpired);
  const device = await scope.s.devices.get(devicePartition(scope.pool, parked.account), deviceKey);
  if (!device?.remembered) throw new ResourceNotFoundException(messages.deviceNotFound);
  return device;
}

export async function answerDeviceSrpAuth(scope: SignInScope, parked: Parked, responses: Record<string, string>): Promise<SignInResult> {
  const { s, pool, client } = scope;
  const user = userOf(parked);
  const A = clientValue(responses.SRP_A);
  const device = await rememberedDevice(scope, parked, responses.DEVICE_KEY);
  await takeChallenge(s, parked.record);
  const exchange = startExchange(A, device.verifier);
  const parameters = (challengeId: string) => ({
    USERNAME: user.username,
    SRP_B: exchange.B,
    SALT: device.salt,
    SECRET_BLOCK: secretBlockFor(pool.pepper, challengeId).toString('base64'),
  });
  return startChallenge(s, pool, client, { user }, 'DEVICE_PASSWORD_VERIFIER', parameters, { ...progressOf(parked.record), srp: exchange });
}

export async function answerDevicePasswordVerifier(scope: SignInScope, parked: Parked, responses: Record<string, string>): Promise<SignInResult> {
  const { s, pool } = scope;
  const user = userOf(parked);
  assertFreshTimestamp(responses.TIMESTAMP, s.clock.now());
  const device = await rememberedDevice(scope, parked, responses.DEVICE_KEY);
  await takeChallenge(s, parked.record);
  if (!parked.record.srp) throw sessionExpired();
  const block = secretBlockFor(pool.pepper, parked.record.challengeId);
  const proven =
    proofMatches(parked.record.srp, device.deviceGroupKey, device.deviceKey, block, responses.TIMESTAMP, responses.PASSWORD_CLAIM_SIGNATURE ?? '') &&
    secretsEqual(block.toString('base64'), responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '');
  if (!proven) throw new NotAuthorizedException(messages.badCredentials);
  return afterDeviceProof(scope, user, progressOf(parked.record));
}
