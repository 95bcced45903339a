/** What every resolver receives: who is calling, and the datasources to act through. */
import type { CognitoIdentity } from './auth/authenticate';
import type { Caller } from './auth/rules';
import type { AccountDataSource } from './datasources/cognito/account.datasource';
import type { ProfileDataSource } from './datasources/cognito/profile.datasource';
import type { SessionDataSource } from './datasources/cognito/session.datasource';
import type { RevocationsStore } from './datasources/metadata/revocations.store';
import type { Logger } from './logger';

export interface DataSources {
  account: AccountDataSource;
  session: SessionDataSource;
  profile: ProfileDataSource;
  revocations: RevocationsStore;
}

export interface ApiContext {
  caller: Caller;
  /** AppSync's `$ctx.identity`: set for Cognito callers, null for API-key callers. */
  identity: CognitoIdentity | null;
  accessToken?: string;
  sources: DataSources;
  logger: Logger;
  requestId: string;
}

/** The signed-in caller; resolvers of @aws_cognito_user_pools fields can rely on it. */
export function signedIn(context: ApiContext): { identity: CognitoIdentity; accessToken: string } {
  if (!context.identity || !context.accessToken) throw new Error('signedIn() used on a field open to non-Cognito callers');
  return { identity: context.identity, accessToken: context.accessToken };
}
