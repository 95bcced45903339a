/**
 * The CUSTOM_AUTH triggers, with Cognito's events:
 *
 * - DefineAuthChallenge_Authentication: given the rounds so far (`session`: challengeName,
 *   challengeResult, challengeMetadata), decides the next challenge, or issueTokens, or
 *   failAuthentication;
 * - CreateAuthChallenge_Authentication: makes a CUSTOM_CHALLENGE (public parameters for the
 *   client, private ones for the check, metadata for the history);
 * - VerifyAuthChallengeResponse_Authentication: says whether the answer is right.
 *
 * For a name no user has, the events carry `userNotFound: true` and no attributes, as Cognito
 * sends them when existence errors are prevented; the functions run the same, and no answer of
 * such a name is ever right.
 */
import type { EngineServices } from '../../services';
import type { Caller } from '../caller';
import type { Account } from '../lookup';
import type { CustomRound, PoolRecord } from '../model';
import { fireTrigger, userAttributesOf } from './event';
import { badOutput, booleanField, stringField, stringMapField } from './responseShape';

export interface AuthDecision {
  challengeName?: string;
  issueTokens: boolean;
  failAuthentication: boolean;
}

export interface CreatedChallenge {
  publicParameters: Record<string, string>;
  privateParameters: Record<string, string>;
  metadata?: string;
}

/** What every custom-auth event says of whom it concerns. */
function subjectOf(account: Account, userName: string, caller: Caller) {
  return {
    userName: account.user?.username ?? userName,
    request: {
      userAttributes: account.user ? userAttributesOf(account.user) : {},
      clientMetadata: { ...caller.validationData, ...caller.clientMetadata },
      userNotFound: !account.user,
    },
  };
}

const history = (rounds: CustomRound[]) => rounds.map((r) => ({ challengeName: r.challengeName, challengeResult: r.challengeResult, challengeMetadata: r.challengeMetadata ?? null }));

export async function defineAuthChallenge(s: EngineServices, pool: PoolRecord, caller: Caller, account: Account, userName: string, rounds: CustomRound[]): Promise<AuthDecision> {
  const subject = subjectOf(account, userName, caller);
  const response = await fireTrigger(s.triggers, pool, caller, {
    trigger: 'DefineAuthChallenge',
    triggerSource: 'DefineAuthChallenge_Authentication',
    userName: subject.userName,
    request: { ...subject.request, session: history(rounds) },
    response: { challengeName: null, issueTokens: null, failAuthentication: null },
  });
  if (!response) throw badOutput('DefineAuthChallenge did not answer.');
  return {
    challengeName: stringField(response, 'challengeName'),
    issueTokens: booleanField(response, 'issueTokens') ?? false,
    failAuthentication: booleanField(response, 'failAuthentication') ?? false,
  };
}

export async function createAuthChallenge(s: EngineServices, pool: PoolRecord, caller: Caller, account: Account, userName: string, rounds: CustomRound[]): Promise<CreatedChallenge> {
  const subject = subjectOf(account, userName, caller);
  const response = await fireTrigger(s.triggers, pool, caller, {
    trigger: 'CreateAuthChallenge',
    triggerSource: 'CreateAuthChallenge_Authentication',
    userName: subject.userName,
    request: { ...subject.request, challengeName: 'CUSTOM_CHALLENGE', session: history(rounds) },
    response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
  });
  if (!response) throw badOutput('CreateAuthChallenge is not configured.');
  return {
    publicParameters: stringMapField(response, 'publicChallengeParameters') ?? {},
    privateParameters: stringMapField(response, 'privateChallengeParameters') ?? {},
    metadata: stringField(response, 'challengeMetadata'),
  };
}

export async function verifyAuthChallengeResponse(
  s: EngineServices,
  pool: PoolRecord,
  caller: Caller,
  account: Account,
  userName: string,
  privateParameters: Record<string, string>,
  answer: string,
): Promise<boolean> {
  const subject = subjectOf(account, userName, caller);
  const response = await fireTrigger(s.triggers, pool, caller, {
    trigger: 'VerifyAuthChallengeResponse',
    triggerSource: 'VerifyAuthChallengeResponse_Authentication',
    userName: subject.userName,
    request: { ...subject.request, privateChallengeParameters: privateParameters, challengeAnswer: answer },
    response: { answerCorrect: null },
  });
  if (!response) throw badOutput('VerifyAuthChallengeResponse is not configured.');
  return booleanField(response, 'answerCorrect') === true && !!account.user;
}
