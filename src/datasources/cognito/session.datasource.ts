/**
 * Sign-in as a state machine, sign-out and refresh. Conditions Amplify treats as steps (an
 * unconfirmed user, a required password reset, a challenge) come back as steps, not errors.
 */
import {
  AssociateSoftwareTokenCommand,
  AttributeType,
  AuthFlowType,
  ChallengeNameType,
  CognitoIdentityProviderClient,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  RespondToAuthChallengeCommandOutput,
  RevokeTokenCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ApiError, badInput } from '../../errors';
import type { Logger } from '../../logger';
import { AuthFactor, MfaType, SignInAuthFlow, SignInResult, SignInStep } from '../../schema/types/session.types';
import type { DevicesDataSource } from './devices.datasource';
import { isCognitoException } from './errors';
import type { CognitoGateway } from './gateway';
import type { RecentProfiles } from './recentProfiles';
import type { CallerMetadata } from './callerMetadata';
export type { PresentedDevice } from './deviceSignIn';
import { authTokens, unverifiedClaims } from './shapes';
import { ChallengeSession, challengeStep, COGNITO_MFA, mfaTypes, passwordAfterSelect, sessionExpired, step, unwrapSession, wrapSession } from './signInSteps';
import { deviceNotRecognized, PresentedDevice, proveDevice } from './deviceSignIn';
import { SrpProof } from './srp';
import { totpUri } from './totpUri';

export interface SignInRequest {
  username: string;
  password?: string;
  flow?: SignInAuthFlow;
  preferred?: AuthFactor;
  device?: PresentedDevice;
  /** The name a new device is confirmed with. */
  deviceName?: string;
  /** The name when none is given: the client's User-Agent. */
  fallbackDeviceName: string;
}

export interface ConfirmRequest {
  session: string;
  answer: string;
  attributes: AttributeType[];
  device?: PresentedDevice;
  deviceName?: string;
  fallbackDeviceName: string;
}

export interface SessionOptions {
  /** The issuer an authenticator app shows for TOTP secrets. */
  totpIssuer: string;
  logger?: Logger;
}

type Outcome = Pick<InitiateAuthCommandOutput, 'AuthenticationResult' | 'ChallengeName' | 'Session' | 'ChallengeParameters' | 'AvailableChallenges'>;

/** What carries from one call of a sign-in to the next within one request. */
interface Steps {
  typed: string;
  device?: PresentedDevice;
  /** Given to signIn (kept in the session for later steps), else the client's User-Agent. */
  deviceName?: string;
  fallbackDeviceName: string;
  caller?: CallerMetadata;
  /** USER_SRP_AUTH: the exchange begun with InitiateAuth, and the password it proves. */
  srp?: { proof: SrpProof; password: string };
}

const CODE_FIELDS: Partial<Record<string, string>> = {
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_MFA: 'SMS_MFA_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
};

/** An expired, used or foreign Cognito session: the same answer as a malformed one, so the client knows to start again. */
const sessionRecovery = (error: unknown): undefined => {
  if (isCognitoException(error, 'NotAuthorizedException') && /session/i.test((error as Error).message)) throw sessionExpired();
  return undefined;
};

const isCode = (value: string): boolean => /^[0-9]{6}$/.test(value);

export class SessionDataSource {
  constructor(
    private readonly cognito: CognitoGateway,
    private readonly recent: RecentProfiles,
    private readonly devices: DevicesDataSource,
    private readonly options: SessionOptions,
  ) {}

  private get clientId(): string {
    return this.cognito.settings.clientId;
  }

  async signIn(request: SignInRequest, caller?: CallerMetadata): Promise<SignInResult> {
    const { username, password, device } = request;
    const flow = request.flow ?? SignInAuthFlow.USER_PASSWORD_AUTH;
    const preferred = request.preferred ?? (password ? AuthFactor.PASSWORD : undefined);
    if ((flow !== SignInAuthFlow.USER_AUTH || preferred === AuthFactor.PASSWORD) && !password) throw badInput('password is required for this sign-in', 'password');
    const srp = flow === SignInAuthFlow.USER_SRP_AUTH ? { proof: new SrpProof(this.cognito.settings.userPoolId.split('_')[1] ?? ''), password: password! } : undefined;
    const parameters: Record<string, string> =
      flow === SignInAuthFlow.USER_AUTH
        ? { USERNAME: username, ...(preferred ? { PREFERRED_CHALLENGE: preferred } : {}), ...(preferred === AuthFactor.PASSWORD ? { PASSWORD: password! } : {}) }
        : srp
          ? { USERNAME: username, SRP_A: srp.proof.A }
          : { USERNAME: username, PASSWORD: password! };
    if (device) parameters.DEVICE_KEY = device.key;
    const steps: Steps = { typed: username, device, deviceName: request.deviceName, fallbackDeviceName: request.fallbackDeviceName, caller, srp };
    return this.cognito.call(
      'InitiateAuth',
      async (sdk) => this.outcome(sdk, await this.initiate(sdk, flow, { ...parameters, ...this.secretHashParam(username) }, caller), steps),
      {
        recover: (error) => {
          // Cognito reports these only after the password was right, so they reveal nothing.
          if (isCognitoException(error, 'UserNotConfirmedException')) return step(SignInStep.CONFIRM_SIGN_UP);
          if (isCognitoException(error, 'PasswordResetRequiredException')) return step(SignInStep.RESET_PASSWORD);
          // A device key no account of this name has (forgotten, or another user's): answered alike
          // for every name, before the password is checked.
          if (device && isCognitoException(error, 'ResourceNotFoundException')) throw deviceNotRecognized('unknown');
          return undefined;
        },
      },
    );
  }

  async confirmSignIn(request: ConfirmRequest, caller?: CallerMetadata): Promise<SignInResult> {
    const parked = unwrapSession(request.session);
    const steps: Steps = {
      typed: parked.typed ?? parked.username,
      device: request.device,
      deviceName: request.deviceName ?? parked.deviceName,
      fallbackDeviceName: request.fallbackDeviceName,
      caller,
    };
    const answer = request.answer;
    const codeField = CODE_FIELDS[parked.step];
    if (codeField || parked.step === 'MFA_SETUP') {
      if (!isCode(answer)) throw badInput('challengeResponse must be the 6-digit code', 'challengeResponse');
    }
    return this.cognito.call(
      'RespondToAuthChallenge',
      async (sdk) => {
        if (codeField) return this.respond(sdk, parked, parked.step, { [codeField]: answer }, steps);
        switch (parked.step) {
          case 'NEW_PASSWORD_REQUIRED': {
            const responses: Record<string, string> = { NEW_PASSWORD: answer };
            for (const { Name, Value } of request.attributes) if (Name && Value !== undefined) responses[`userAttributes.${Name}`] = Value;
            const result = await this.respond(sdk, parked, 'NEW_PASSWORD_REQUIRED', responses, steps);
            // The new password (and any attributes) changed the record that `me` may be reusing.
            const changed = unverifiedClaims(result.tokens?.accessToken)?.username;
            if (changed) this.recent.forget(changed);
            return result;
          }
          case 'SELECT_MFA_TYPE': {
            const factor = COGNITO_MFA[answer as MfaType];
            if (!factor) throw badInput('challengeResponse must be one of TOTP, EMAIL, SMS', 'challengeResponse');
            return this.respond(sdk, parked, 'SELECT_MFA_TYPE', { ANSWER: factor }, steps);
          }
          case 'PICK_MFA_SETUP':
            if (answer !== MfaType.TOTP) throw badInput('challengeResponse must be TOTP: it is the factor this pool sets up at sign-in', 'challengeResponse');
            return this.totpSetup(sdk, parked.cognitoSession, parked.username, steps);
          case 'MFA_SETUP': {
            const verified = await sdk.send(new VerifySoftwareTokenCommand({ Session: parked.cognitoSession, UserCode: answer }));
            return this.respond(sdk, { ...parked, cognitoSession: verified.Session ?? parked.cognitoSession }, 'MFA_SETUP', {}, steps);
          }
          case 'SELECT_CHALLENGE':
            if (answer === AuthFactor.PASSWORD) return passwordAfterSelect(parked);
            if (answer !== AuthFactor.EMAIL_OTP && answer !== AuthFactor.SMS_OTP) throw badInput('challengeResponse must be one of PASSWORD, EMAIL_OTP, SMS_OTP', 'challengeResponse');
            return this.respond(sdk, parked, 'SELECT_CHALLENGE', { ANSWER: answer }, steps);
          case 'PASSWORD_AFTER_SELECT':
            return this.respond(sdk, parked, 'SELECT_CHALLENGE', { ANSWER: 'PASSWORD', PASSWORD: answer }, steps);
          default:
            throw sessionExpired();
        }
      },
      {
        recover: (error) => {
          if (isCognitoException(error, 'EnableSoftwareTokenMFAException')) throw new ApiError('CODE_MISMATCH', 'Invalid code received for user');
          if (request.device && isCognitoException(error, 'ResourceNotFoundException')) throw deviceNotRecognized('unknown');
          return sessionRecovery(error);
        },
      },
    );
  }

  private async respond(sdk: CognitoIdentityProviderClient, parked: ChallengeSession, challenge: string, responses: Record<string, string>, steps: Steps): Promise<SignInResult> {
    const result = await this.send(sdk, challenge, parked.cognitoSession, { USERNAME: parked.username, ...responses }, steps);
    return this.outcome(sdk, result, steps);
  }

  private send(sdk: CognitoIdentityProviderClient, challenge: string, session: string | undefined, responses: Record<string, string>, steps: Steps): Promise<RespondToAuthChallengeCommandOutput> {
    const all: Record<string, string> = { ...responses, ...this.secretHashParam(responses.USERNAME) };
    if (steps.device) all.DEVICE_KEY = steps.device.key;
    return sdk.send(
      new RespondToAuthChallengeCommand({ ClientId: this.clientId, ChallengeName: challenge as ChallengeNameType, Session: session, ChallengeResponses: all, ClientMetadata: steps.caller }),
    );
  }

  /** A sign-in's result as a step: tokens (with a newly confirmed device), or the challenge's step. */
  private async outcome(sdk: CognitoIdentityProviderClient, result: Outcome, steps: Steps): Promise<SignInResult> {
    const tokens = result.AuthenticationResult;
    if (tokens) {
      const newDevice = tokens.NewDeviceMetadata && tokens.AccessToken ? await this.confirmDevice(tokens.AccessToken, tokens.NewDeviceMetadata, steps.deviceName ?? steps.fallbackDeviceName) : undefined;
      return step(SignInStep.DONE, { tokens: authTokens(tokens), newDevice });
    }
    const parameters = result.ChallengeParameters ?? {};
    const userId = parameters.USER_ID_FOR_SRP ?? parameters.USERNAME ?? steps.typed;
    if (result.ChallengeName === 'PASSWORD_VERIFIER' && steps.srp) {
      const answer = steps.srp.proof.answer(parameters, userId, steps.srp.password);
      if (!answer) throw new ApiError('INTERNAL_SERVER_ERROR', 'Something went wrong. Please try again.');
      // Proven once: a later step must not answer another PASSWORD_VERIFIER with it.
      const proven = await this.send(sdk, 'PASSWORD_VERIFIER', result.Session, { USERNAME: userId, ...answer }, steps);
      return this.outcome(sdk, proven, { ...steps, srp: undefined });
    }
    if (result.ChallengeName === 'DEVICE_SRP_AUTH') {
      const proven = await proveDevice((challenge, session, responses) => this.send(sdk, challenge, session, responses, steps), result.Session, userId, steps.device);
      return this.outcome(sdk, proven, steps);
    }
    if (result.ChallengeName === 'MFA_SETUP' && result.Session) {
      const choices = mfaTypes(parameters.MFAS_CAN_SETUP);
      if (choices.length > 1) {
        return {
          isSignedIn: false,
          nextStep: { signInStep: SignInStep.CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION, allowedMfaTypes: choices },
          session: wrapSession({ username: userId, step: 'PICK_MFA_SETUP', cognitoSession: result.Session, typed: steps.typed, deviceName: steps.deviceName }),
        };
      }
      return this.totpSetup(sdk, result.Session, userId, steps);
    }
    const challenge = challengeStep(result, steps.typed, steps.deviceName);
    if (challenge) return challenge;
    throw new ApiError('INTERNAL_SERVER_ERROR', `Sign-in needs a step this API does not support (${result.ChallengeName ?? 'unknown'}).`);
  }

  /** MFA_SETUP for TOTP: a secret for the authenticator app, then confirmSignIn with a code from it. */
  private async totpSetup(sdk: CognitoIdentityProviderClient, session: string, userId: string, steps: Steps): Promise<SignInResult> {
    const { typed, deviceName } = steps;
    const associated = await sdk.send(new AssociateSoftwareTokenCommand({ Session: session }));
    if (!associated.SecretCode || !associated.Session) throw sessionExpired();
    return {
      isSignedIn: false,
      nextStep: {
        signInStep: SignInStep.CONTINUE_SIGN_IN_WITH_TOTP_SETUP,
        totpSetupDetails: { sharedSecret: associated.SecretCode, setupUri: totpUri(this.options.totpIssuer, typed, associated.SecretCode) },
      },
      session: wrapSession({ username: userId, step: 'MFA_SETUP', cognitoSession: associated.Session, typed, deviceName }),
    };
  }

  /** ConfirmDevice for a new device; a failure costs the client only the remembering, never the sign-in. */
  private async confirmDevice(accessToken: string, metadata: { DeviceKey?: string; DeviceGroupKey?: string }, name: string) {
    try {
      return await this.devices.confirm(accessToken, metadata, name);
    } catch (error) {
      this.options.logger?.warn('device confirmation failed; signed in without remembering it', { error: (error as Error)?.name ?? String(error) });
      return undefined;
    }
  }

  async refresh(refreshToken: string, username?: string): Promise<SignInResult> {
    if (this.cognito.settings.clientSecret && !username) throw badInput('username (the sub) is required for this app client', 'username');
    const result = await this.cognito.call('InitiateAuth', (sdk) =>
      this.initiate(sdk, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken, ...(username ? this.secretHashParam(username) : {}) }),
    );
    if (!result.AuthenticationResult) throw new ApiError('INTERNAL_SERVER_ERROR', 'Something went wrong. Please try again.');
    return step(SignInStep.DONE, { tokens: authTokens(result.AuthenticationResult) });
  }

  /**
   * Whether `refreshToken` is a live refresh token of the caller's own session. Cognito has no
   * call that says so; using the token once does: the access token it yields names its user and
   * session (`origin_jti`). The new tokens are discarded.
   */
  async isRefreshTokenOf(refreshToken: string, caller: { sub: string; claims: { origin_jti?: string } }): Promise<boolean> {
    return this.cognito.call(
      'InitiateAuth',
      async (sdk) => {
        const result = await this.initiate(sdk, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken, ...this.secretHashParam(caller.sub) });
        const claims = unverifiedClaims(result.AuthenticationResult?.AccessToken);
        // Without origin_jti (a client with token revocation off) no session can be told apart.
        return !!caller.claims.origin_jti && claims?.sub === caller.sub && claims.origin_jti === caller.claims.origin_jti;
      },
      { recover: (error) => (isCognitoException(error, 'NotAuthorizedException') ? false : undefined) },
    );
  }

  async revoke(refreshToken: string): Promise<void> {
    await this.cognito.call('RevokeToken', (sdk) =>
      sdk.send(new RevokeTokenCommand({ ClientId: this.clientId, ClientSecret: this.cognito.settings.clientSecret, Token: refreshToken })),
    );
  }

  async globalSignOut(accessToken: string): Promise<void> {
    await this.cognito.call('GlobalSignOut', (sdk) => sdk.send(new GlobalSignOutCommand({ AccessToken: accessToken })));
  }

  /** Whether Cognito itself still accepts an access token (it knows revocations exactly). */
  async accepts(accessToken: string): Promise<boolean> {
    return this.cognito.call('GetUser', async (sdk) => !!(await sdk.send(new GetUserCommand({ AccessToken: accessToken }))), {
      recover: (error) => (isCognitoException(error, 'NotAuthorizedException') ? false : undefined),
    });
  }

  private initiate(sdk: CognitoIdentityProviderClient, flow: AuthFlowType, parameters: Record<string, string>, caller?: CallerMetadata): Promise<InitiateAuthCommandOutput> {
    return sdk.send(new InitiateAuthCommand({ ClientId: this.clientId, AuthFlow: flow, AuthParameters: parameters, ClientMetadata: caller }));
  }

  private secretHashParam(username: string): Record<string, string> {
    const hash = this.cognito.secretHash(username);
    return hash ? { SECRET_HASH: hash } : {};
  }
}
