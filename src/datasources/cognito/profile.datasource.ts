/** The signed-in user's own profile: read, attributes, verification, password, deletion. */
import {
  AdminGetUserCommand,
  AttributeType,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  DeleteUserCommand,
  GetUserAttributeVerificationCodeCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CodeDeliveryDetails } from '../../schema/types/common.types';
import type { User } from '../../schema/types/profile.types';
import { deepFreeze } from '../../lib/freeze';
import type { RecentProfiles } from './recentProfiles';
import type { CognitoGateway } from './gateway';
import { deliveryDetails, toUser } from './shapes';

/** The signed-in caller, as the calls on their own account need them. */
export interface OwnAccount {
  username: string;
  accessToken: string;
}

export class ProfileDataSource {
  constructor(
    private readonly cognito: CognitoGateway,
    private readonly recent: RecentProfiles,
  ) {}

  /**
   * The signed-in user's own record for `me`, which clients ask for on every screen: an answer
   * may be reused for PROFILE_CACHE_MS. Changes made through this replica show at once.
   */
  async signedInUser(caller: { username: string; sub: string }): Promise<User> {
    // Frozen: one record is shared by the requests that reuse it.
    const read = async () => deepFreeze(await this.getUser(caller.username));
    const user = await this.recent.get(caller.username, read);
    if (user.sub === caller.sub) return user;
    // Another account now has this username (the old one deleted, through another replica).
    this.recent.forget(caller.username);
    return this.recent.get(caller.username, read);
  }

  /**
   * Drops the reused copy of a record that a call changed while naming the user another way
   * (a password reset names them by the address typed).
   */
  forgetCopy(username: string): void {
    this.recent.forget(username);
  }

  /** The full user record, read now (status and dates need the admin read). */
  async getUser(username: string): Promise<User> {
    const result = await this.cognito.call(
      'AdminGetUser',
      (sdk) => sdk.send(new AdminGetUserCommand({ UserPoolId: this.cognito.settings.userPoolId, Username: username })),
      { revealMissingUser: true },
    );
    return toUser(result);
  }

  async updateAttributes(account: OwnAccount, attributes: AttributeType[]): Promise<CodeDeliveryDetails[]> {
    const result = await this.changing(account, 'UpdateUserAttributes', (sdk) =>
      sdk.send(new UpdateUserAttributesCommand({ AccessToken: account.accessToken, UserAttributes: attributes })),
    );
    return (result.CodeDeliveryDetailsList ?? []).flatMap((d) => deliveryDetails(d) ?? []);
  }

  async sendVerificationCode(accessToken: string, attribute: string): Promise<CodeDeliveryDetails | undefined> {
    const result = await this.cognito.call('GetUserAttributeVerificationCode', (sdk) =>
      sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: accessToken, AttributeName: attribute })),
    );
    return deliveryDetails(result.CodeDeliveryDetails);
  }

  async verifyAttribute(account: OwnAccount, attribute: string, code: string): Promise<void> {
    await this.changing(account, 'VerifyUserAttribute', (sdk) =>
      sdk.send(new VerifyUserAttributeCommand({ AccessToken: account.accessToken, AttributeName: attribute, Code: code })),
    );
  }

  async changePassword(account: OwnAccount, previous: string, proposed: string): Promise<void> {
    await this.changing(account, 'ChangePassword', (sdk) =>
      sdk.send(new ChangePasswordCommand({ AccessToken: account.accessToken, PreviousPassword: previous, ProposedPassword: proposed })),
    );
  }

  async deleteUser(account: OwnAccount): Promise<void> {
    await this.changing(account, 'DeleteUser', (sdk) => sdk.send(new DeleteUserCommand({ AccessToken: account.accessToken })));
  }

  /** A call that changes the caller's own record: `me` stops reusing its copy. */
  private changing<T>(account: OwnAccount, operation: string, send: (sdk: CognitoIdentityProviderClient) => Promise<T>): Promise<T> {
    return this.recent.changing(account.username, () => this.cognito.call(operation, send));
  }
}
