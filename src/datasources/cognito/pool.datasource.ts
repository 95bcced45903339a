/**
 * The pool settings the API's own checks (and the web app's hints) depend on. Cognito fixes a
 * pool's UsernameAttributes when the pool is created, and its password policy changes only with
 * the pool's configuration, so one read serves for the life of the process (a failed read is
 * tried again next time).
 */
import { DescribeUserPoolClientCommand, DescribeUserPoolCommand, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoGateway } from './gateway';

/** The rules a new password must meet, as the pool states them. */
export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

const UNIT_MS: Record<string, number> = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

export class PoolDataSource {
  private pool?: Promise<UserPoolType | undefined>;
  private refreshValidity?: Promise<number>;

  constructor(private readonly cognito: CognitoGateway) {}

  /** The attributes users sign in with in place of a username (email, phone_number), if any. */
  async signInAttributes(): Promise<string[]> {
    return (await this.describe())?.UsernameAttributes ?? [];
  }

  /** The pool's password policy: Cognito's default (8 characters, every class) for a pool that states none. */
  async passwordPolicy(): Promise<PasswordPolicy> {
    const policy = (await this.describe())?.Policies?.PasswordPolicy;
    if (!policy) return { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };
    return {
      minimumLength: policy.MinimumLength ?? 8,
      requireUppercase: policy.RequireUppercase ?? false,
      requireLowercase: policy.RequireLowercase ?? false,
      requireNumbers: policy.RequireNumbers ?? false,
      requireSymbols: policy.RequireSymbols ?? false,
    };
  }

  /** How long the app client's refresh tokens live (ms): a sign-in session's longest life. Cognito's default is 30 days. */
  refreshTokenValidityMs(): Promise<number> {
    this.refreshValidity ??= this.cognito
      .call('DescribeUserPoolClient', (sdk) =>
        sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: this.cognito.settings.userPoolId, ClientId: this.cognito.settings.clientId })),
      )
      .then(({ UserPoolClient: client }) => (client?.RefreshTokenValidity ?? 30) * (UNIT_MS[client?.TokenValidityUnits?.RefreshToken ?? 'days'] ?? UNIT_MS.days))
      .catch((error: unknown) => {
        this.refreshValidity = undefined;
        throw error;
      });
    return this.refreshValidity;
  }

  private describe(): Promise<UserPoolType | undefined> {
    this.pool ??= this.cognito
      .call('DescribeUserPool', (sdk) => sdk.send(new DescribeUserPoolCommand({ UserPoolId: this.cognito.settings.userPoolId })))
      .then((result) => result.UserPool)
      .catch((error: unknown) => {
        this.pool = undefined;
        throw error;
      });
    return this.pool;
  }
}
