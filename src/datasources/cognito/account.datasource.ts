/** Sign-up and password recovery: Cognito's public, pre-sign-in operations. */
import {
  AttributeType,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CodeDeliveryDetails } from '../../schema/types/common.types';
import type { CognitoGateway } from './gateway';
import { deliveryDetails } from './shapes';

export class AccountDataSource {
  constructor(private readonly cognito: CognitoGateway) {}

  private get clientId(): string {
    return this.cognito.settings.clientId;
  }

  async signUp(username: string, password: string, attributes: AttributeType[]) {
    const result = await this.cognito.call('SignUp', (sdk) =>
      sdk.send(
        new SignUpCommand({
          ClientId: this.clientId,
          SecretHash: this.cognito.secretHash(username),
          Username: username,
          Password: password,
          UserAttributes: attributes,
        }),
      ),
    );
    return { confirmed: !!result.UserConfirmed, userSub: result.UserSub, delivery: deliveryDetails(result.CodeDeliveryDetails) };
  }

  async confirmSignUp(username: string, code: string): Promise<void> {
    await this.cognito.call('ConfirmSignUp', (sdk) =>
      sdk.send(
        new ConfirmSignUpCommand({ ClientId: this.clientId, SecretHash: this.cognito.secretHash(username), Username: username, ConfirmationCode: code }),
      ),
    );
  }

  async resendSignUpCode(username: string): Promise<CodeDeliveryDetails | undefined> {
    const result = await this.cognito.call('ResendConfirmationCode', (sdk) =>
      sdk.send(new ResendConfirmationCodeCommand({ ClientId: this.clientId, SecretHash: this.cognito.secretHash(username), Username: username })),
    );
    return deliveryDetails(result.CodeDeliveryDetails);
  }

  async forgotPassword(username: string): Promise<CodeDeliveryDetails | undefined> {
    const result = await this.cognito.call('ForgotPassword', (sdk) =>
      sdk.send(new ForgotPasswordCommand({ ClientId: this.clientId, SecretHash: this.cognito.secretHash(username), Username: username })),
    );
    return deliveryDetails(result.CodeDeliveryDetails);
  }

  async confirmForgotPassword(username: string, code: string, password: string): Promise<void> {
    await this.cognito.call('ConfirmForgotPassword', (sdk) =>
      sdk.send(
        new ConfirmForgotPasswordCommand({
          ClientId: this.clientId,
          SecretHash: this.cognito.secretHash(username),
          Username: username,
          ConfirmationCode: code,
          Password: password,
        }),
      ),
    );
  }
}
