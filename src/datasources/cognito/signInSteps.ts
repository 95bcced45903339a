/**
 * How Cognito's challenges read as Amplify's sign-in steps, and the opaque `session` the client
 * carries between them. The session wraps Cognito's Session with what the next call needs back:
 * the user's id for USERNAME, the step it stands at (our name for it, which may be one Cognito
 * does not have, such as the password asked for after FIRST_FACTOR_SELECTION), and the name the
 * user typed (for a TOTP setup's label). It carries no secret; Cognito's Session is what
 * authorises the next call, and it lives 3 minutes.
 */
import type { InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { ApiError } from '../../errors';
import { AuthFactor, MfaType, SignInResult, SignInStep } from '../../schema/types/session.types';
import type { DeliveryMedium } from '../../schema/types/common.types';

/**
 * Where a parked sign-in stands: a Cognito challenge name, or one of ours. PICK_MFA_SETUP is an
 * MFA_SETUP whose factor is still to choose; PASSWORD_AFTER_SELECT is SELECT_CHALLENGE once the
 * user chose PASSWORD and is asked for it.
 */
export type ParkedStep =
  | 'NEW_PASSWORD_REQUIRED'
  | 'SOFTWARE_TOKEN_MFA'
  | 'EMAIL_OTP'
  | 'SMS_MFA'
  | 'SMS_OTP'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'PICK_MFA_SETUP'
  | 'SELECT_CHALLENGE'
  | 'PASSWORD_AFTER_SELECT';

export interface ChallengeSession {
  /** USER_ID_FOR_SRP: what Cognito wants as USERNAME in the answer. */
  username: string;
  step: ParkedStep;
  cognitoSession: string;
  /** The name as typed at signIn (an email in this pool), for labels. */
  typed?: string;
  /** The name signIn gave a new device, for when the sign-in ends in a later step. */
  deviceName?: string;
}

export const wrapSession = (s: ChallengeSession): string =>
  Buffer.from(JSON.stringify([s.username, s.step, s.cognitoSession, s.typed ?? null, ...(s.deviceName ? [s.deviceName] : [])])).toString('base64url');

export const sessionExpired = (): ApiError =>
  new ApiError('SESSION_EXPIRED', 'The sign-in session is invalid or has expired. Please sign in again.');

/** The session's contents, or undefined when it is not one of ours. Reads only what the client sent. */
export function peekSession(session: unknown): ChallengeSession | undefined {
  if (typeof session !== 'string' || session.length > 8192) return undefined;
  try {
    const [username, step, cognitoSession, typed, deviceName] = JSON.parse(Buffer.from(session, 'base64url').toString('utf8')) as unknown[];
    if (typeof username === 'string' && typeof step === 'string' && typeof cognitoSession === 'string') {
      return {
        username,
        step: step as ParkedStep,
        cognitoSession,
        typed: typeof typed === 'string' ? typed : undefined,
        deviceName: typeof deviceName === 'string' ? deviceName : undefined,
      };
    }
  } catch {
    // fall through: malformed
  }
  return undefined;
}

export function unwrapSession(session: string): ChallengeSession {
  const parked = peekSession(session);
  if (!parked) throw sessionExpired();
  return parked;
}

export const step = (signInStep: SignInStep, extra: Partial<SignInResult> = {}): SignInResult => ({
  isSignedIn: signInStep === SignInStep.DONE,
  nextStep: { signInStep },
  ...extra,
});

/** Cognito's factor names and Amplify's. */
const MFA_TYPES: Record<string, MfaType> = { SOFTWARE_TOKEN_MFA: MfaType.TOTP, EMAIL_OTP: MfaType.EMAIL, SMS_MFA: MfaType.SMS };
export const COGNITO_MFA: Record<MfaType, string> = { TOTP: 'SOFTWARE_TOKEN_MFA', EMAIL: 'EMAIL_OTP', SMS: 'SMS_MFA' };

export const mfaTypes = (json: string | undefined): MfaType[] => {
  try {
    return (JSON.parse(json ?? '[]') as string[]).flatMap((name) => (MFA_TYPES[name] ? [MFA_TYPES[name]] : []));
  } catch {
    return [];
  }
};

/** USER_AUTH's choices this API can run for a client: PASSWORD_SRP and WEB_AUTHN need the client's own cryptography. */
export const firstFactors = (available: string[] | undefined): AuthFactor[] =>
  (available ?? []).flatMap((name) => (name === 'PASSWORD' || name === 'EMAIL_OTP' || name === 'SMS_OTP' ? [name as AuthFactor] : []));

const CODE_STEPS: Partial<Record<string, SignInStep>> = {
  SOFTWARE_TOKEN_MFA: SignInStep.CONFIRM_SIGN_IN_WITH_TOTP_CODE,
  EMAIL_OTP: SignInStep.CONFIRM_SIGN_IN_WITH_EMAIL_CODE,
  SMS_MFA: SignInStep.CONFIRM_SIGN_IN_WITH_SMS_CODE,
  SMS_OTP: SignInStep.CONFIRM_SIGN_IN_WITH_SMS_CODE,
};

type Challenge = Pick<InitiateAuthCommandOutput, 'ChallengeName' | 'Session' | 'ChallengeParameters' | 'AvailableChallenges'>;

/**
 * The step a challenge asks for, for the challenges that need nothing more from Cognito before
 * the client answers (MFA_SETUP and DEVICE_SRP_AUTH do; the datasource handles those). Undefined
 * for a challenge this API does not run.
 */
export function challengeStep(result: Challenge, typedName: string, deviceName?: string): SignInResult | undefined {
  const name = result.ChallengeName ?? '';
  const parameters = result.ChallengeParameters ?? {};
  if (!result.Session) return undefined;
  const park = (parked: ParkedStep) =>
    wrapSession({ username: parameters.USER_ID_FOR_SRP ?? typedName, step: parked, cognitoSession: result.Session!, typed: typedName, deviceName });
  const codeStep = CODE_STEPS[name];
  if (codeStep) {
    const destination = parameters.CODE_DELIVERY_DESTINATION;
    const medium = (parameters.CODE_DELIVERY_DELIVERY_MEDIUM ?? (name === 'EMAIL_OTP' ? 'EMAIL' : 'SMS')) as DeliveryMedium;
    return {
      ...step(codeStep),
      nextStep: {
        signInStep: codeStep,
        codeDeliveryDetails: destination ? { destination, deliveryMedium: medium, attributeName: medium === 'EMAIL' ? 'email' : 'phone_number' } : undefined,
      },
      session: park(name as ParkedStep),
    };
  }
  switch (name) {
    case 'NEW_PASSWORD_REQUIRED': {
      const required = JSON.parse(parameters.requiredAttributes ?? '[]') as string[];
      return {
        isSignedIn: false,
        nextStep: { signInStep: SignInStep.CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED, missingAttributes: required.map((a) => a.replace(/^userAttributes\./, '')) },
        session: park('NEW_PASSWORD_REQUIRED'),
      };
    }
    case 'SELECT_MFA_TYPE':
      return {
        isSignedIn: false,
        nextStep: { signInStep: SignInStep.CONTINUE_SIGN_IN_WITH_MFA_SELECTION, allowedMfaTypes: mfaTypes(parameters.MFAS_CAN_CHOOSE) },
        session: park('SELECT_MFA_TYPE'),
      };
    case 'SELECT_CHALLENGE':
      return {
        isSignedIn: false,
        nextStep: { signInStep: SignInStep.CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION, availableChallenges: firstFactors(result.AvailableChallenges) },
        session: park('SELECT_CHALLENGE'),
      };
    default:
      return undefined;
  }
}

/** The step after choosing PASSWORD at FIRST_FACTOR_SELECTION: the same Cognito session, now waiting for the password. */
export const passwordAfterSelect = (parked: ChallengeSession): SignInResult => ({
  ...step(SignInStep.CONFIRM_SIGN_IN_WITH_PASSWORD),
  session: wrapSession({ ...parked, step: 'PASSWORD_AFTER_SELECT' }),
});

/** Which rate-limit budget an answer to this session draws from (see src/auth/rateLimitPolicy.ts). */
export function answerKind(session: unknown, answer: unknown): 'password' | 'code' | 'send' {
  switch (peekSession(session)?.step) {
    case 'SOFTWARE_TOKEN_MFA':
    case 'EMAIL_OTP':
    case 'SMS_MFA':
    case 'SMS_OTP':
    case 'MFA_SETUP':
    case 'PICK_MFA_SETUP':
      return 'code';
    case 'SELECT_MFA_TYPE':
    case 'SELECT_CHALLENGE':
      // Choosing an emailed or texted code sends one; choosing TOTP or the password checks nothing yet.
      return typeof answer === 'string' && /^(EMAIL|SMS)(_OTP)?$/.test(answer) ? 'send' : 'code';
    default:
      return 'password';
  }
}
