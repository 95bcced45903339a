/**
 * A signed-in user's second factors (with their access token) and an admin's view and change of
 * anyone's (by username), in Amplify's shape: TOTP set up with an authenticator app
 * (AssociateSoftwareToken, VerifySoftwareToken), and each factor ENABLED, DISABLED, PREFERRED or
 * NOT_PREFERRED (SetUserMFAPreference). Also the password check a factor change may ask for.
 */
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  GetUserCommand,
  SetUserMFAPreferenceCommand,
  SetUserMFAPreferenceCommandInput,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ApiError } from '../../errors';
import { MfaPreferenceValue } from '../../schema/types/mfa.types';
import type { MfaFactorsInput, MfaPreference } from '../../schema/types/mfa.types';
import type { TotpSetupDetails } from '../../schema/types/session.types';
import { isCognitoException } from './errors';
import type { CognitoGateway } from './gateway';
import { mfaTypes } from './signInSteps';
import { totpUri } from './totpUri';

type Settings = Pick<SetUserMFAPreferenceCommandInput, 'SoftwareTokenMfaSettings' | 'EmailMfaSettings' | 'SMSMfaSettings'>;

/** Amplify's values as Cognito's settings objects (as Amplify's updateMFAPreference sends them). */
function setting(value: MfaPreferenceValue | undefined | null): { Enabled: boolean; PreferredMfa?: boolean } | undefined {
  switch (value) {
    case MfaPreferenceValue.ENABLED:
      return { Enabled: true };
    case MfaPreferenceValue.DISABLED:
      return { Enabled: false };
    case MfaPreferenceValue.PREFERRED:
      return { Enabled: true, PreferredMfa: true };
    case MfaPreferenceValue.NOT_PREFERRED:
      return { Enabled: true, PreferredMfa: false };
    default:
      return undefined;
  }
}

export function mfaSettings(input: MfaFactorsInput): Settings {
  return { SoftwareTokenMfaSettings: setting(input.totp), EmailMfaSettings: setting(input.email), SMSMfaSettings: setting(input.sms) };
}

function toPreference(user: { UserMFASettingList?: string[]; PreferredMfaSetting?: string }): MfaPreference {
  return { enabled: mfaTypes(JSON.stringify(user.UserMFASettingList ?? [])), preferred: mfaTypes(JSON.stringify(user.PreferredMfaSetting ? [user.PreferredMfaSetting] : []))[0] };
}

const refusedChange = (error: unknown): never | undefined => {
  // Cognito's reasons read well ("User has not verified software token mfa"); the code is stable.
  if (isCognitoException(error, 'InvalidParameterException')) throw new ApiError('INVALID_STATE', (error as Error).message || 'That factor cannot be changed now.');
  return undefined;
};

export class MfaDataSource {
  constructor(
    private readonly cognito: CognitoGateway,
    private readonly totpIssuer: string,
  ) {}

  async preference(accessToken: string): Promise<MfaPreference> {
    return toPreference(await this.cognito.call('GetUser', (sdk) => sdk.send(new GetUserCommand({ AccessToken: accessToken }))));
  }

  async adminPreference(username: string): Promise<MfaPreference> {
    const user = await this.cognito.call('AdminGetUser', (sdk) => sdk.send(new AdminGetUserCommand({ UserPoolId: this.cognito.settings.userPoolId, Username: username })), {
      revealMissingUser: true,
    });
    return toPreference(user);
  }

  async setPreference(accessToken: string, input: MfaFactorsInput): Promise<void> {
    await this.cognito.call('SetUserMFAPreference', (sdk) => sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, ...mfaSettings(input) })), {
      recover: refusedChange,
    });
  }

  async adminSetPreference(username: string, input: MfaFactorsInput): Promise<void> {
    await this.cognito.call(
      'AdminSetUserMFAPreference',
      (sdk) => sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: this.cognito.settings.userPoolId, Username: username, ...mfaSettings(input) })),
      { revealMissingUser: true, recover: refusedChange },
    );
  }

  /** A new TOTP secret, pending until verified; `account` labels it in the authenticator app. */
  async associateTotp(accessToken: string, account: string): Promise<TotpSetupDetails> {
    const { SecretCode } = await this.cognito.call('AssociateSoftwareToken', (sdk) => sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken })));
    if (!SecretCode) throw new ApiError('INTERNAL_SERVER_ERROR', 'Something went wrong. Please try again.');
    return { sharedSecret: SecretCode, setupUri: totpUri(this.totpIssuer, account, SecretCode) };
  }

  /** Verifies a code of the pending secret (which becomes the user's), then turns TOTP on. */
  async verifyTotp(accessToken: string, code: string, friendlyDeviceName?: string): Promise<void> {
    await this.cognito.call(
      'VerifySoftwareToken',
      (sdk) => sdk.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code, FriendlyDeviceName: friendlyDeviceName })),
      {
        recover: (error) => {
          if (isCognitoException(error, 'EnableSoftwareTokenMFAException') && /first/i.test((error as Error).message)) {
            throw new ApiError('INVALID_STATE', 'No authenticator app is being set up: call setUpTotp first.');
          }
          return undefined;
        },
      },
    );
    await this.setPreference(accessToken, { totp: MfaPreferenceValue.ENABLED });
  }

  /**
   * Whether `password` is the user's current one. Cognito has no call that only checks a
   * password; changing it to itself does, with no other effect (no tokens, no message, no
   * sign-in recorded), and its wrong guesses go through Cognito's lockout like a sign-in's.
   */
  async passwordMatches(accessToken: string, password: string): Promise<boolean> {
    return this.cognito.call(
      'ChangePassword',
      async (sdk) => {
        await sdk.send(new ChangePasswordCommand({ AccessToken: accessToken, PreviousPassword: password, ProposedPassword: password }));
        return true;
      },
      {
        recover: (error) => {
          if (isCognitoException(error, 'NotAuthorizedException') && /password/i.test((error as Error).message)) return false;
          // The pool keeps a password history: the old password was right, only its reuse is refused.
          if (isCognitoException(error, 'InvalidPasswordException')) return true;
          return undefined;
        },
      },
    );
  }
}

