/**
 * The SDK workload that bench/vsCognitoLocal.bench.ts and bench/engineProfile.ts drive: one pool
 * that signs in by email, one app client with USER_PASSWORD_AUTH, and the operations a test suite
 * calls most, each through @aws-sdk/client-cognito-identity-provider exactly as a user sends it.
 * Every call checks its answer, so a server that does less than asked cannot look faster.
 */
import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';

export const WORKLOAD_PASSWORD = 'Bench-Passw0rd!';
export const LIST_LIMIT = 60;

export const WORKLOAD_OPERATIONS = [
  'SignUp',
  'AdminConfirmSignUp',
  'AdminUpdateUserAttributes',
  'InitiateAuth',
  'GetUser',
  'AdminGetUser',
  'ListUsers 60',
  'ListUsers email =',
] as const;
export type WorkloadOperation = (typeof WORKLOAD_OPERATIONS)[number];

export interface WorkloadPool {
  poolId: string;
  clientId: string;
}

export async function createWorkloadPool(sdk: CognitoIdentityProviderClient, name: string): Promise<WorkloadPool> {
  const created = await sdk.send(new CreateUserPoolCommand({ PoolName: name, UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] }));
  const poolId = created.UserPool!.Id!;
  const app = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'bench', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
  );
  return { poolId, clientId: app.UserPoolClient!.ClientId! };
}

/** The workload's calls against one pool. */
export class Workload {
  constructor(
    private readonly sdk: CognitoIdentityProviderClient,
    readonly pool: WorkloadPool,
  ) {}

  async signUp(email: string): Promise<void> {
    const out = await this.sdk.send(
      new SignUpCommand({ ClientId: this.pool.clientId, Username: email, Password: WORKLOAD_PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    if (!out.UserSub) throw new Error(`SignUp of ${email} gave no UserSub`);
  }

  async confirm(email: string): Promise<void> {
    await this.sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: this.pool.poolId, Username: email }));
  }

  async updateAttributes(email: string, value: string): Promise<void> {
    await this.sdk.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: this.pool.poolId, Username: email, UserAttributes: [{ Name: 'name', Value: value }] }),
    );
  }

  /** USER_PASSWORD_AUTH; returns the access token. */
  async signIn(email: string): Promise<string> {
    const out = await this.sdk.send(
      new InitiateAuthCommand({ ClientId: this.pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: WORKLOAD_PASSWORD } }),
    );
    const token = out.AuthenticationResult?.AccessToken;
    if (!token) throw new Error(`InitiateAuth gave no access token for ${email}`);
    return token;
  }

  async getUser(token: string): Promise<void> {
    const out = await this.sdk.send(new GetUserCommand({ AccessToken: token }));
    if (!out.UserAttributes?.length) throw new Error('GetUser gave no attributes');
  }

  async adminGetUser(email: string): Promise<void> {
    const out = await this.sdk.send(new AdminGetUserCommand({ UserPoolId: this.pool.poolId, Username: email }));
    if (!out.UserAttributes?.some((a) => a.Name === 'email' && a.Value === email)) throw new Error(`AdminGetUser of ${email} gave another user`);
  }

  /** A first page of LIST_LIMIT users; `exact` false accepts more (cognito-local ignores Limit). */
  async listPage(exact = true): Promise<void> {
    const out = await this.sdk.send(new ListUsersCommand({ UserPoolId: this.pool.poolId, Limit: LIST_LIMIT }));
    const got = out.Users?.length ?? 0;
    if (exact ? got !== LIST_LIMIT : got < LIST_LIMIT) throw new Error(`ListUsers gave ${got} users, expected ${LIST_LIMIT}`);
  }

  async listByEmail(email: string): Promise<void> {
    const out = await this.sdk.send(new ListUsersCommand({ UserPoolId: this.pool.poolId, Filter: `email = "${email}"` }));
    if (out.Users?.length !== 1) throw new Error(`ListUsers email = "${email}" gave ${out.Users?.length ?? 0} users, expected 1`);
  }
}
