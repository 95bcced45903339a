/** User management for admins: listing with filters, invitations, state, passwords, attributes. */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  AttributeType,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '../../schema/types/profile.types';
import type { CognitoGateway } from './gateway';
import type { RecentProfiles } from './recentProfiles';
import { toUser } from './shapes';

export interface UserPage {
  items: User[];
  nextToken?: string;
}

const ADMIN = { revealMissingUser: true };

export class AdminUsersDataSource {
  constructor(
    private readonly cognito: CognitoGateway,
    private readonly recent: RecentProfiles,
  ) {}

  private get pool(): string {
    return this.cognito.settings.userPoolId;
  }

  /** `filter` is in Cognito's syntax, e.g. `email ^= "ada"`; built by the resolver from typed input. */
  async list(limit: number, filter?: string, nextToken?: string): Promise<UserPage> {
    const result = await this.cognito.call('ListUsers', (sdk) =>
      sdk.send(new ListUsersCommand({ UserPoolId: this.pool, Limit: limit, Filter: filter, PaginationToken: nextToken })),
    );
    return { items: (result.Users ?? []).map(toUser), nextToken: result.PaginationToken };
  }

  async create(input: { username: string; temporaryPassword?: string; attributes: AttributeType[]; action?: 'SUPPRESS' | 'RESEND' }): Promise<User> {
    const result = await this.cognito.call(
      'AdminCreateUser',
      (sdk) =>
        sdk.send(
          new AdminCreateUserCommand({
            UserPoolId: this.pool,
            Username: input.username,
            TemporaryPassword: input.temporaryPassword,
            UserAttributes: input.action === 'RESEND' ? undefined : input.attributes,
            MessageAction: input.action,
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        ),
      ADMIN,
    );
    return toUser(result.User ?? {});
  }

  async disable(username: string): Promise<void> {
    await this.changing(username, 'AdminDisableUser', (sdk) => sdk.send(new AdminDisableUserCommand({ UserPoolId: this.pool, Username: username })));
  }

  async enable(username: string): Promise<void> {
    await this.changing(username, 'AdminEnableUser', (sdk) => sdk.send(new AdminEnableUserCommand({ UserPoolId: this.pool, Username: username })));
  }

  async delete(username: string): Promise<void> {
    await this.changing(username, 'AdminDeleteUser', (sdk) => sdk.send(new AdminDeleteUserCommand({ UserPoolId: this.pool, Username: username })));
  }

  async updateAttributes(username: string, attributes: AttributeType[]): Promise<void> {
    await this.changing(username, 'AdminUpdateUserAttributes', (sdk) =>
      sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: this.pool, Username: username, UserAttributes: attributes })),
    );
  }

  async signOut(username: string): Promise<void> {
    await this.cognito.call('AdminUserGlobalSignOut', (sdk) => sdk.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.pool, Username: username })), ADMIN);
  }

  async resetPassword(username: string): Promise<void> {
    await this.changing(username, 'AdminResetUserPassword', (sdk) => sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: this.pool, Username: username })));
  }

  async setPassword(username: string, password: string, permanent: boolean): Promise<void> {
    await this.changing(username, 'AdminSetUserPassword', (sdk) =>
      sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: this.pool, Username: username, Password: password, Permanent: permanent })),
    );
  }

  /** An admin call that changes `username`'s record (as stored): `me` stops reusing its copy. */
  private changing<T>(username: string, operation: string, send: (sdk: CognitoIdentityProviderClient) => Promise<T>): Promise<T> {
    return this.recent.changing(username, () => this.cognito.call(operation, send, ADMIN));
  }
}
