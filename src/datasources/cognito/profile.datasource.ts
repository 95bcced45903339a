/** The signed-in user's own profile: read, attributes, verification, password, deletion. */
import {
  AdminGetUserCommand,
  AttributeType,
  ChangePasswordCommand,
  DeleteUserCommand,
  GetUserAttributeVerificationCodeCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CodeDeliveryDetails } from '../../schema/types/common.types';
import type { User } from '../../schema/types/profile.types';
import type { CognitoGateway } from './gateway';
import { deliveryDetails, toUser } from './shapes';

export class ProfileDataSource {
  constructor(private readonly cognito: CognitoGateway) {}

  /** The full user record (status and dates need the admin read). */
  async getUser(username: string): Promise<User> {
    const result = await this.cognito.call(
      'AdminGetUser',
      (sdk) => sdk.send(new AdminGetUserCommand({ UserPoolId: this.cognito.settings.userPoolId, Username: username })),
      { revealMissingUser: true },
    );
    return toUser(result);
  }

  async updateAttributes(accessToken: string, attributes: AttributeType[]): Promise<CodeDeliveryDetails[]> {
    const result = await this.cognito.call('UpdateUserAttributes', (sdk) =>
      sdk.send(new UpdateUserAttributesCommand({ AccessToken: accessToken, UserAttributes: attributes })),
    );
    return (result.CodeDeliveryDetailsList ?? []).flatMap((d) => deliveryDetails(d) ?? []);
  }

  async sendVerificationCode(accessToken: string, attribute: string): Promise<CodeDeliveryDetails | undefined> {
    const result = await this.cognito.call('GetUserAttributeVerificationCode', (sdk) =>
      sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: accessToken, AttributeName: attribute })),
    );
    return deliveryDetails(result.CodeDeliveryDetails);
  }

  async verifyAttribute(accessToken: string, attribute: string, code: string): Promise<void> {
    await this.cognito.call('VerifyUserAttribute', (sdk) =>
      sdk.send(new VerifyUserAttributeCommand({ AccessToken: accessToken, AttributeName: attribute, Code: code })),
    );
  }

  async changePassword(accessToken: string, previous: string, proposed: string): Promise<void> {
    await this.cognito.call('ChangePassword', (sdk) =>
      sdk.send(new ChangePasswordCommand({ AccessToken: accessToken, PreviousPassword: previous, ProposedPassword: proposed })),
    );
  }

  async deleteUser(accessToken: string): Promise<void> {
    await this.cognito.call('DeleteUser', (sdk) => sdk.send(new DeleteUserCommand({ AccessToken: accessToken })));
  }
}
