/**
 * Sign-up and password recovery: Cognito's public, pre-sign-in operations. Anyone may call
 * them with any address, so where Cognito's answer would tell a known account from an unknown
 * one (see existence.ts), the caller gets the unknown account's answer instead: a code
 * mismatch, or a plausible delivery that sends nothing.
 */
import {
  AttributeType,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ApiError } from '../../errors';
import type { CodeDeliveryDetails } from '../../schema/types/common.types';
import type { CallerMetadata } from './callerMetadata';
import { isCognitoException } from './errors';
import { cannotReset, confirmedOrDisabled, simulatedDelivery } from './existence';
import type { CognitoGateway } from './gateway';
import { deliveryDetails } from './shapes';

const codeMismatch = () => new ApiError('CODE_MISMATCH', 'Invalid verification code provided, please try again.');

const isPostConfirmationFailure = (error: unknown): boolean =>
  isCognitoException(error, 'UserLambdaValidationException') && /^PostConfirmation failed/.test((error as Error).message);

export class AccountDataSource {
  constructor(private readonly cognito: CognitoGateway) {}

  private get clientId(): string {
    return this.cognito.settings.clientId;
  }

  async signUp(username: string, password: string, attributes: AttributeType[], caller?: CallerMetadata) {
    const result = await this.cognito.call('SignUp', (sdk) =>
      sdk.send(
        new SignUpCommand({
          ClientId: this.clientId,
          SecretHash: this.cognito.secretHash(username),
          Username: username,
          Password: password,
          UserAttributes: attributes,
          ClientMetadata: caller,
        }),
      ),
    );
    return { confirmed: !!result.UserConfirmed, userSub: result.UserSub, delivery: deliveryDetails(result.CodeDeliveryDetails) };
  }

  async confirmSignUp(username: string, code: string, caller?: CallerMetadata): Promise<void> {
    await this.cognito.call(
      'ConfirmSignUp',
      (sdk) =>
        sdk.send(
          new ConfirmSignUpCommand({
            ClientId: this.clientId,
            SecretHash: this.cognito.secretHash(username),
            Username: username,
            ConfirmationCode: code,
            ClientMetadata: caller,
          }),
        ),
      {
        recover: (error) => {
          if (confirmedOrDisabled(error)) throw codeMismatch();
          // Cognito confirms the user before PostConfirmation runs, and keeps them confirmed when it
          // fails: for the client that is a success (a retry would only meet a wrong-code answer).
          // The directory record it would have written is repaired by write-through or reconcile.
          if (isPostConfirmationFailure(error)) return {};
          return undefined;
        },
      },
    );
  }

  async resendSignUpCode(username: string): Promise<CodeDeliveryDetails | undefined> {
    return this.cognito.call(
      'ResendConfirmationCode',
      async (sdk) => {
        const result = await sdk.send(
          new ResendConfirmationCodeCommand({ ClientId: this.clientId, SecretHash: this.cognito.secretHash(username), Username: username }),
        );
        return deliveryDetails(result.CodeDeliveryDetails);
      },
      { recover: (error) => (confirmedOrDisabled(error) ? simulatedDelivery(username) : undefined) },
    );
  }

  async forgotPassword(username: string): Promise<CodeDeliveryDetails | undefined> {
    return this.cognito.call(
      'ForgotPassword',
      async (sdk) => {
        const result = await sdk.send(new ForgotPasswordCommand({ ClientId: this.clientId, SecretHash: this.cognito.secretHash(username), Username: username }));
        return deliveryDetails(result.CodeDeliveryDetails);
      },
      { recover: (error) => (cannotReset(error) ? simulatedDelivery(username) : undefined) },
    );
  }

  async confirmForgotPassword(username: string, code: string, password: string, caller?: CallerMetadata): Promise<void> {
    await this.cognito.call(
      'ConfirmForgotPassword',
      (sdk) =>
        sdk.send(
          new ConfirmForgotPasswordCommand({
            ClientId: this.clientId,
            SecretHash: this.cognito.secretHash(username),
            Username: username,
            ConfirmationCode: code,
            Password: password,
            ClientMetadata: caller,
          }),
        ),
      // As for ConfirmSignUp: the new password is set before PostConfirmation runs.
      { recover: (error) => (isPostConfirmationFailure(error) ? {} : undefined) },
    );
  }
}
