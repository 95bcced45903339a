/** What every resolver receives: who is calling, and the datasources to act through. */
import type { CognitoIdentity } from './auth/authenticate';
import type { RateLimiter } from './auth/rateLimits';
import type { Caller } from './auth/rules';
import type { Directory } from './datasources/metadata/directory.types';
import type { AccountDataSource } from './datasources/cognito/account.datasource';
import type { AdminUsersDataSource } from './datasources/cognito/adminUsers.datasource';
import type { DevicesDataSource } from './datasources/cognito/devices.datasource';
import type { MfaDataSource } from './datasources/cognito/mfa.datasource';
import type { GroupsDataSource } from './datasources/cognito/groups.datasource';
import type { Loaders } from './datasources/loaders';
import type { LocksStore } from './datasources/metadata/locks.store';
import type { PoolDataSource } from './datasources/cognito/pool.datasource';
import type { ProfileDataSource } from './datasources/cognito/profile.datasource';
import type { SessionDataSource } from './datasources/cognito/session.datasource';
import type { RevocationsStore } from './datasources/metadata/revocations.store';
import type { SessionsStore } from './datasources/metadata/sessions.store';
import type { Logger } from './logger';
import type { RequestScope } from './observability/requestScope';

export interface DataSources {
  account: AccountDataSource;
  session: SessionDataSource;
  profile: ProfileDataSource;
  adminUsers: AdminUsersDataSource;
  groups: GroupsDataSource;
  pool: PoolDataSource;
  mfa: MfaDataSource;
  devices: DevicesDataSource;
  revocations: RevocationsStore;
  /** The user's sign-in sessions, as the directory records them (mySessions, endSession). */
  sessions: SessionsStore;
  locks: LocksStore;
  directory: Directory;
}

export interface ApiContext {
  caller: Caller;
  /** AppSync's `$ctx.identity`: set for Cognito callers, null for API-key callers. */
  identity: CognitoIdentity | null;
  accessToken?: string;
  sources: DataSources;
  /** Created per request, so nothing is cached across requests or callers. */
  loaders: Loaders;
  logger: Logger;
  requestId: string;
  /** The client's address: the socket's peer, or what a trusted proxy says (see auth/clientIp.ts). */
  clientIp: string;
  /** The client's User-Agent, as the device in security events (at most 256 characters). */
  userAgent?: string;
  rateLimiter: RateLimiter;
  /** The directory's indexed attributes (e.g. custom:tenant), mirrored from Cognito. */
  indexedAttributes: readonly string[];
  /** What the request has done so far, for its access-log line and metrics; absent when nothing observes. */
  scope?: RequestScope;
}

/** The signed-in caller (also an OwnAccount); resolvers of @aws_cognito_user_pools fields can rely on it. */
export function signedIn(context: ApiContext): { identity: CognitoIdentity; username: string; accessToken: string } {
  if (!context.identity || !context.accessToken) throw new Error('signedIn() used on a field open to non-Cognito callers');
  return { identity: context.identity, username: context.identity.username, accessToken: context.accessToken };
}
