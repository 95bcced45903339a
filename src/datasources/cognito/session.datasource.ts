/**
 * Sign-in as a state machine, sign-out and refresh. Conditions Amplify treats as steps (an
 * unconfirmed user, a required password reset, a challenge) come back as steps, not errors.
 */
import {
  AttributeType,
  AuthFlowType,
  CognitoIdentityProviderClient,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ApiError, badInput } from '../../errors';
import { SignInResult, SignInStep } from '../../schema/types/session.types';
import { isCognitoException } from './errors';
import type { CognitoGateway } from './gateway';
import type { RecentProfiles } from './recentProfiles';
import type { CallerMetadata } from './callerMetadata';
import { authTokens, unverifiedClaims } from './shapes';

interface ChallengeSession {
  username: string;
  challenge: string;
  cognitoSession: string;
}

/** Our session wraps Cognito's with the username, which RespondToAuthChallenge needs back. */
const wrapSession = (s: ChallengeSession): string => Buffer.from(JSON.stringify([s.username, s.challenge, s.cognitoSession])).toString('base64url');

const sessionExpired = (): ApiError =>
  new ApiError('SESSION_EXPIRED', 'The sign-in session is invalid or has expired. Please sign in again.');

function unwrapSession(session: string): ChallengeSession {
  try {
    const [username, challenge, cognitoSession] = JSON.parse(Buffer.from(session, 'base64url').toString('utf8')) as unknown[];
    if (typeof username === 'string' && typeof challenge === 'string' && typeof cognitoSession === 'string') {
      return { username, challenge, cognitoSession };
    }
  } catch {
    // fall through: malformed
  }
  throw sessionExpired();
}

const step = (signInStep: SignInStep, extra: Partial<SignInResult> = {}): SignInResult => ({
  isSignedIn: signInStep === SignInStep.DONE,
  nextStep: { signInStep },
  ...extra,
});

export class SessionDataSource {
  constructor(
    private readonly cognito: CognitoGateway,
    private readonly recent: RecentProfiles,
  ) {}

  private get clientId(): string {
    return this.cognito.settings.clientId;
  }

  async signIn(username: string, password: string, caller?: CallerMetadata): Promise<SignInResult> {
    return this.cognito.call(
      'InitiateAuth',
      async (sdk) => {
        const result = await this.initiate(sdk, 'USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: password, ...this.secretHashParam(username) }, caller);
        return this.outcome(username, result);
      },
      {
        // Cognito reports these only after the password was right, so they reveal nothing.
        recover: (error) => {
          if (isCognitoException(error, 'UserNotConfirmedException')) return step(SignInStep.CONFIRM_SIGN_UP);
          if (isCognitoException(error, 'PasswordResetRequiredException')) return step(SignInStep.RESET_PASSWORD);
          return undefined;
        },
      },
    );
  }

  async confirmSignIn(session: string, answer: string, attributes: AttributeType[], caller?: CallerMetadata): Promise<SignInResult> {
    const parked = unwrapSession(session);
    if (parked.challenge !== 'NEW_PASSWORD_REQUIRED') throw badInput(`Unsupported challenge ${parked.challenge}`);
    const responses: Record<string, string> = {
      USERNAME: parked.username,
      NEW_PASSWORD: answer,
      ...this.secretHashParam(parked.username),
    };
    for (const { Name, Value } of attributes) if (Name && Value !== undefined) responses[`userAttributes.${Name}`] = Value;
    const result = await this.cognito.call(
      'RespondToAuthChallenge',
      (sdk) =>
        sdk.send(
          new RespondToAuthChallengeCommand({
            ClientId: this.clientId,
            ChallengeName: 'NEW_PASSWORD_REQUIRED',
            Session: parked.cognitoSession,
            ChallengeResponses: responses,
            ClientMetadata: caller,
          }),
        ),
      {
        // An expired, already used or foreign session: the same answer as a malformed one, so
        // the client knows to start signing in again.
        recover: (error) => {
          if (isCognitoException(error, 'NotAuthorizedException') && /session/i.test((error as Error).message)) throw sessionExpired();
          return undefined;
        },
      },
    );
    // The new password (and any attributes) changed the record that `me` may be reusing.
    const changed = unverifiedClaims(result.AuthenticationResult?.AccessToken)?.username;
    if (changed) this.recent.forget(changed);
    return this.outcome(parked.username, result);
  }

  async refresh(refreshToken: string, username?: string): Promise<SignInResult> {
    if (this.cognito.settings.clientSecret && !username) throw badInput('username (the sub) is required for this app client', 'username');
    const result = await this.cognito.call('InitiateAuth', (sdk) =>
      this.initiate(sdk, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken, ...(username ? this.secretHashParam(username) : {}) }),
    );
    return this.outcome(username ?? '', result);
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

  private outcome(username: string, result: Pick<InitiateAuthCommandOutput, 'AuthenticationResult' | 'ChallengeName' | 'Session' | 'ChallengeParameters'>): SignInResult {
    if (result.AuthenticationResult) return step(SignInStep.DONE, { tokens: authTokens(result.AuthenticationResult) });
    if (result.ChallengeName === 'NEW_PASSWORD_REQUIRED' && result.Session) {
      const required = JSON.parse(result.ChallengeParameters?.requiredAttributes ?? '[]') as string[];
      return {
        isSignedIn: false,
        nextStep: {
          signInStep: SignInStep.CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED,
          missingAttributes: required.map((a) => a.replace(/^userAttributes\./, '')),
        },
        session: wrapSession({ username: result.ChallengeParameters?.USER_ID_FOR_SRP ?? username, challenge: result.ChallengeName, cognitoSession: result.Session }),
      };
    }
    throw new ApiError('INTERNAL_SERVER_ERROR', `Sign-in needs a step this API does not support yet (${result.ChallengeName ?? 'unknown'}).`);
  }
}
