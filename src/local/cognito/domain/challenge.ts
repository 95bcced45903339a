/**
 * Answering a parked challenge (RespondToAuthChallenge, AdminRespondToAuthChallenge): the Session
 * is found and checked, then the answer goes to the handler of its challenge. Each handler either
 * parks the sign-in at the next challenge or ends it with tokens (nextStep.ts).
 */
import { InvalidParameterException } from '../errors';
import type { EngineServices } from '../services';
import type { SignInResult, SignInScope } from './authResult';
import type { Caller } from './caller';
import { answerCustomChallenge } from './customAuth';
import { answerDevicePasswordVerifier, answerDeviceSrpAuth } from './devices/deviceSignIn';
import { answerCode } from './mfa/mfaAnswer';
import { answerMfaSetup } from './mfa/mfaSetup';
import { answerSelectMfaType } from './mfa/mfaStep';
import type { ClientRecord, PoolRecord } from './model';
import { answerNewPassword } from './newPasswordChallenge';
import { accountOf, findChallenge, Parked } from './parkedChallenge';
import { assertSecretHash } from './secretHash';
import { answerPasswordVerifier } from './srp/srpSignIn';
import { answerSelectChallenge } from './userAuth';

export type ChallengeHandler = (scope: SignInScope, parked: Parked, responses: Record<string, string>) => Promise<SignInResult>;

const handlers: Record<string, ChallengeHandler> = {
  NEW_PASSWORD_REQUIRED: answerNewPassword,
  PASSWORD_VERIFIER: answerPasswordVerifier,
  DEVICE_SRP_AUTH: answerDeviceSrpAuth,
  DEVICE_PASSWORD_VERIFIER: answerDevicePasswordVerifier,
  SOFTWARE_TOKEN_MFA: answerCode,
  SMS_MFA: answerCode,
  EMAIL_OTP: answerCode,
  SMS_OTP: answerCode,
  SELECT_MFA_TYPE: answerSelectMfaType,
  MFA_SETUP: answerMfaSetup,
  SELECT_CHALLENGE: answerSelectChallenge,
  CUSTOM_CHALLENGE: answerCustomChallenge,
};

export async function respondToChallenge(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  challengeName: string,
  sessionToken: string,
  responses: Record<string, string>,
  caller: Caller,
): Promise<SignInResult> {
  const record = await findChallenge(s, sessionToken, { pool, clientId: client.clientId, challengeName });
  const handler = Object.hasOwn(handlers, challengeName) ? handlers[challengeName] : undefined;
  if (!handler) throw new InvalidParameterException(`Unsupported challenge: ${challengeName}`);
  const account = await accountOf(s, record);
  assertSecretHash(client, responses.USERNAME ?? account.user?.username ?? '', responses.SECRET_HASH);
  return handler({ s, pool, client, caller }, { record, account }, responses);
}
