/**
 * CUSTOM_AUTH: the pool's DefineAuthChallenge trigger leads the sign-in round by round
 * (triggers/customAuth.ts). A round is a CUSTOM_CHALLENGE (made by CreateAuthChallenge, checked by
 * VerifyAuthChallengeResponse) or, when the client started with SRP_A (CHALLENGE_NAME = SRP_A),
 * the password by SRP: PASSWORD_VERIFIER, counted by the lockout like any password. Each round's
 * result goes into the history Define sees next; when it says issueTokens, the sign-in has its
 * first factor and carries on (a custom sign-in gets no MFA: its challenges are the factors).
 */
import { InvalidParameterException, NotAuthorizedException, messages } from '../errors';
import type { SignInResult, SignInScope } from './authResult';
import { startChallenge } from './authResult';
import { presentedDevice } from './devices/deviceKeys';
import { Account, findUser, revealMissingUserIfLegacy } from './lookup';
import type { ChallengeRecord, CustomRound } from './model';
import { afterFirstFactor } from './nextStep';
import { Parked, takeChallenge } from './parkedChallenge';
import { assertSecretHash } from './secretHash';
import { clientValue, startPasswordVerifier, userIdForSrp } from './srp/srpSignIn';
import { hasTrigger } from './triggers/event';
import { badOutput } from './triggers/responseShape';
import { createAuthChallenge, defineAuthChallenge, verifyAuthChallengeResponse } from './triggers/customAuth';
import { preAuthentication } from './triggers/preAuthentication';

export interface CustomAuthRequest {
  identifier: string;
  secretHash?: string;
  /** SRP_A with CHALLENGE_NAME = SRP_A: the password is to be proven by SRP first. */
  srpA?: string;
  challengeName?: string;
  deviceKey?: string;
}

/** Asks Define for the next round and parks the sign-in there (or ends it). `A` is the client's SRP_A, while it is fresh. */
async function nextRound(scope: SignInScope, account: Account, identifier: string, rounds: CustomRound[], deviceKey: string | undefined, A?: bigint): Promise<SignInResult> {
  const { s, pool, client, caller } = scope;
  const decision = await defineAuthChallenge(s, pool, caller, account, identifier, rounds);
  if (decision.failAuthentication) throw new NotAuthorizedException(messages.badCredentials);
  if (decision.issueTokens) {
    if (!account.user || rounds.length === 0) throw new NotAuthorizedException(messages.badCredentials);
    return afterFirstFactor(scope, account.user, { deviceKey, flow: 'custom' });
  }
  const userId = userIdForSrp(pool, account, identifier);
  if (decision.challengeName === 'CUSTOM_CHALLENGE') {
    const created = await createAuthChallenge(s, pool, caller, account, identifier, rounds);
    return startChallenge(
      s,
      pool,
      client,
      account,
      'CUSTOM_CHALLENGE',
      { ...created.publicParameters, USERNAME: userId },
      { flow: 'custom', deviceKey, custom: { rounds, privateParameters: created.privateParameters, metadata: created.metadata } },
      userId,
    );
  }
  if (decision.challengeName === 'PASSWORD_VERIFIER' && A !== undefined) {
    return startPasswordVerifier(scope, account, identifier, A, { flow: 'custom', deviceKey, custom: { rounds, privateParameters: {} } });
  }
  throw badOutput(`DefineAuthChallenge answered a challenge the engine cannot ask here: ${decision.challengeName ?? 'none'}.`);
}

export async function customAuthSignIn(scope: SignInScope, request: CustomAuthRequest): Promise<SignInResult> {
  const { s, pool, client, caller } = scope;
  assertSecretHash(client, request.identifier, request.secretHash);
  if (!hasTrigger(pool, 'DefineAuthChallenge')) throw new InvalidParameterException('Custom auth lambda trigger is not configured for the user pool.');
  const withSrp = request.challengeName === 'SRP_A';
  const A = withSrp ? clientValue(request.srpA) : undefined;
  const account = await findUser(s, pool, request.identifier);
  if (!account.user) revealMissingUserIfLegacy(client);
  await preAuthentication(s, pool, caller, account.user ? { user: account.user } : { unknownName: request.identifier });
  const device = await presentedDevice(s, pool, account, request.deviceKey);
  const rounds: CustomRound[] = withSrp ? [{ challengeName: 'SRP_A', challengeResult: true }] : [];
  return nextRound(scope, account, request.identifier, rounds, device?.deviceKey, A);
}

/** A round ended (a custom answer checked, or a PASSWORD_VERIFIER proof): Define hears of it. */
export function continueCustomAuth(scope: SignInScope, account: Account, record: ChallengeRecord, round: CustomRound, identifier: string): Promise<SignInResult> {
  return nextRound(scope, account, account.user?.username ?? identifier, [...(record.custom?.rounds ?? []), round], record.deviceKey);
}

/** CUSTOM_CHALLENGE's ANSWER, checked by VerifyAuthChallengeResponse. */
export async function answerCustomChallenge(scope: SignInScope, parked: Parked, responses: Record<string, string>): Promise<SignInResult> {
  const { s, pool, caller } = scope;
  const { record, account } = parked;
  const answer = responses.ANSWER;
  if (answer === undefined) throw new InvalidParameterException('Missing required parameter ANSWER');
  await takeChallenge(s, record);
  const identifier = account.user?.username ?? responses.USERNAME ?? '';
  const correct = await verifyAuthChallengeResponse(s, pool, caller, account, identifier, record.custom?.privateParameters ?? {}, answer);
  return continueCustomAuth(scope, account, record, { challengeName: 'CUSTOM_CHALLENGE', challengeResult: correct, challengeMetadata: record.custom?.metadata }, identifier);
}
