/** Records the engine keeps. Times are epoch milliseconds unless a name says otherwise. */

export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

export interface SchemaAttribute {
  Name: string;
  AttributeDataType: string;
  DeveloperOnlyAttribute: boolean;
  Mutable: boolean;
  Required: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

/** The pool's settings, normalised from CreateUserPool's input (defaults filled in). */
export interface PoolSettings {
  PasswordPolicy: PasswordPolicy;
  UsernameAttributes: string[];
  AliasAttributes: string[];
  AutoVerifiedAttributes: string[];
  Schema: SchemaAttribute[];
  MfaConfiguration: string;
  DeviceConfiguration?: Record<string, unknown>;
  LambdaConfig: Record<string, unknown>;
  UsernameCaseSensitive: boolean;
  AdminCreateUserOnly: boolean;
  /** Raw pieces of the input we echo back in DescribeUserPool but do not interpret. */
  Extra: Record<string, unknown>;
}

export interface SigningKey {
  kid: string;
  privateKeyPem: string;
  publicJwk: Record<string, string>;
}

export interface PoolRecord {
  poolId: string;
  name: string;
  region: string;
  settings: PoolSettings;
  signingKey: SigningKey;
  /** Secret mixed into code digests so a leaked table does not reveal codes. */
  pepper: string;
  userCount: number;
  createdAt: number;
  modifiedAt: number;
}

export interface ClientRecord {
  clientId: string;
  poolId: string;
  clientName: string;
  clientSecret?: string;
  explicitAuthFlows: string[];
  accessTokenValiditySeconds: number;
  idTokenValiditySeconds: number;
  refreshTokenValiditySeconds: number;
  authSessionValidityMinutes: number;
  preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  enableTokenRevocation: boolean;
  readAttributes?: string[];
  writeAttributes?: string[];
  /** The input's remaining fields, echoed back by DescribeUserPoolClient. */
  extra: Record<string, unknown>;
  createdAt: number;
  modifiedAt: number;
}

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

/** Sign-in lockout counters (see lockout.ts), kept on a user's record or on an unknown name's ghost. */
export interface LockoutCounters {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  lockedAtFailures: number;
}

export interface UserRecord extends LockoutCounters {
  poolId: string;
  /** The key form of the username (lower-cased in case-insensitive pools). */
  usernameKey: string;
  username: string;
  sub: string;
  attributes: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
  passwordHash: string;
  /** For FORCE_CHANGE_PASSWORD users: when the temporary password stops working. */
  temporaryPasswordExpiresAt?: number;
  /** Sessions created at or before this instant are signed out (GlobalSignOut). */
  signedOutAt: number;
  createdAt: number;
  modifiedAt: number;
}

/**
 * A name no user has, as the public operations see it. It is counted, locked and budgeted as an
 * account would be, so those limits cannot tell who exists (see ghosts.store.ts).
 */
export interface Ghost extends LockoutCounters {
  /** Where its records live; named by an HMAC of the name, never the name itself. */
  partition: string;
}

/** A one-time code. Attempts are budgeted per account and purpose (budgets.ts), not per code. */
export interface CodeRecord {
  purpose: string;
  digest: string;
  destination: string;
  expiresAt: number;
  createdAt: number;
}

export interface SessionRecord {
  poolId: string;
  sessionId: string;
  usernameKey: string;
  /** The user's sub: a username can be reused after a deletion, the sub never is. */
  sub: string;
  clientId: string;
  secretDigest: string;
  authTime: number;
  createdAt: number;
  expiresAt: number;
  revokedAt?: number;
}

export interface ChallengeRecord {
  poolId: string;
  challengeId: string;
  clientId: string;
  usernameKey: string;
  challengeName: string;
  expiresAt: number;
}
