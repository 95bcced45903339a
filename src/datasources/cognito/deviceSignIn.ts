/**
 * Signing in from a remembered device for a client that does not run SRP: Cognito asks
 * DEVICE_SRP_AUTH after the password, and the API answers it and DEVICE_PASSWORD_VERIFIER with
 * the device secret the client presented (srp.ts), so MFA is skipped where the pool allows. A key
 * the account does not have and a secret that does not match get one clear error.
 */
import type { RespondToAuthChallengeCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { ApiError } from '../../errors';
import { isCognitoException } from './errors';
import { DeviceSrp } from './srp';

/** A remembered device as the client presents it. */
export interface PresentedDevice {
  key: string;
  groupKey: string;
  secret: string;
}

export const deviceNotRecognized = (why: 'unknown' | 'secret'): ApiError =>
  new ApiError(
    'DEVICE_NOT_RECOGNIZED',
    why === 'unknown'
      ? 'This device is not remembered for this account. Discard its stored keys and sign in without it.'
      : "The device's secret does not match. Discard its stored keys and sign in without it.",
    { field: 'device' },
  );

/** RespondToAuthChallenge for this sign-in (it adds DEVICE_KEY and SECRET_HASH). */
type Respond = (challenge: string, session: string | undefined, responses: Record<string, string>) => Promise<RespondToAuthChallengeCommandOutput>;

/** DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER; returns what Cognito answers the proof with. */
export async function proveDevice(respond: Respond, session: string | undefined, userId: string, device: PresentedDevice | undefined): Promise<RespondToAuthChallengeCommandOutput> {
  if (!device) throw new ApiError('INTERNAL_SERVER_ERROR', 'Cognito asked for a device proof no device was presented for.');
  const srp = new DeviceSrp(device.groupKey, device.key);
  const verifier = await respond('DEVICE_SRP_AUTH', session, { USERNAME: userId, SRP_A: srp.A });
  const answer = verifier.ChallengeName === 'DEVICE_PASSWORD_VERIFIER' ? srp.answer(verifier.ChallengeParameters ?? {}, device.secret) : undefined;
  if (!answer) throw deviceNotRecognized('secret');
  try {
    return await respond('DEVICE_PASSWORD_VERIFIER', verifier.Session, { USERNAME: verifier.ChallengeParameters?.USERNAME ?? userId, ...answer });
  } catch (error) {
    if (isCognitoException(error, 'NotAuthorizedException') && !/session/i.test((error as Error).message)) throw deviceNotRecognized('secret');
    throw error;
  }
}
