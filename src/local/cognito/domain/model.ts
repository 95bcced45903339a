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
  /** Which second factors the pool offers (SetUserPoolMfaConfig); absent in pools made before MFA. */
  MfaFactors?: MfaFactors;
  /** The first factors USER_AUTH offers (Policies.SignInPolicy.AllowedFirstAuthFactors). */
  AllowedFirstAuthFactors?: string[];
  DeviceConfiguration?: Record<string, unknown>;
  LambdaConfig: Record<string, unknown>;
  UsernameCaseSensitive: boolean;
  AdminCreateUserOnly: boolean;
  /** Raw pieces of the input we echo back in DescribeUserPool but do not interpret. */
  Extra: Record<string, unknown>;
}

/** The MFA factors a pool offers, with the text of the codes it sends. */
export interface MfaFactors {
  softwareToken: boolean;
  /** SmsMfaConfiguration, when SMS_MFA is offered: its message (with `{####}`) and its SmsConfiguration. */
  sms?: { message?: string; configuration?: Record<string, unknown> };
  /** EmailMfaConfiguration, when EMAIL_OTP is offered. */
  email?: { message?: string; subject?: string };
}

export type MfaType = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP';

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
  /** Absent on clients made before rotation existed: off. */
  refreshTokenRotation?: RefreshTokenRotation;
  /** The input's remaining fields, echoed back by DescribeUserPoolClient. */
  extra: Record<string, unknown>;
  createdAt: number;
  modifiedAt: number;
}

export interface RefreshTokenRotation {
  enabled: boolean;
  /** How long a rotated-out refresh token still works (0-60 s), for a client's retry. */
  retryGracePeriodSeconds: number;
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
  /**
   * The SRP salt and verifier of the same password (hex; see srp/verifier.ts), set wherever the
   * hash is. Absent for users whose password was set before SRP existed, until a password sign-in.
   */
  srpSalt?: string;
  srpVerifier?: string;
  /** The verified TOTP secret, sealed (mfa/secretBox.ts); `totpPending` one being set up. */
  totpSecret?: string;
  totpPending?: string;
  /** The last TOTP time step accepted, so each code is used once. */
  totpLastStep?: number;
  /** The MFA factors the user has turned on, and the preferred one. */
  mfaEnabled?: MfaType[];
  mfaPreferred?: MfaType;
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
  /** Refresh-token rotation: the current token's generation (0 until the first rotation). */
  generation?: number;
  /** The digest of the token rotated out last, and when, for the client's grace period. */
  previousDigest?: string;
  rotatedAt?: number;
  /** The device the session signed in from (its access tokens' `device_key`). */
  deviceKey?: string;
  authTime: number;
  createdAt: number;
  expiresAt: number;
  revokedAt?: number;
}

/** The server's half of an SRP exchange in progress (PASSWORD_VERIFIER, DEVICE_PASSWORD_VERIFIER), hex. */
export interface SrpExchange {
  A: string;
  b: string;
  B: string;
  /** The verifier B was made with: the user's (or device's), or a simulated one. */
  verifier: string;
}

/** A one-time code sent for this challenge (SMS_MFA, EMAIL_OTP, SMS_OTP): its digest and where it went. */
export interface ChallengeCode {
  digest: string;
  /** Random, so equal codes of two challenges digest differently. */
  salt: string;
  medium: 'EMAIL' | 'SMS';
  destination: string;
}

/** One round of a CUSTOM_AUTH sign-in, as DefineAuthChallenge sees it in `session`. */
export interface CustomRound {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata?: string;
}

/**
 * A sign-in parked at a challenge, named by the opaque Session. It belongs to a user
 * (`usernameKey`) or, for a name no user has, to that name's ghost (`ghost`, its partition), and
 * carries what the next answer is checked against.
 */
export interface ChallengeRecord {
  poolId: string;
  challengeId: string;
  clientId: string;
  usernameKey?: string;
  ghost?: string;
  challengeName: string;
  expiresAt: number;
  /** Wrong answers so far, counted before each answer is checked. */
  attempts?: number;
  srp?: SrpExchange;
  code?: ChallengeCode;
  /** The device key the sign-in presented (a tracked device), carried to its tokens. */
  deviceKey?: string;
  /** MFA_SETUP: the TOTP secret being set up (sealed), and whether VerifySoftwareToken accepted it. */
  totpPending?: string;
  totpVerified?: boolean;
  /** SELECT_MFA_TYPE: the factors offered. SELECT_CHALLENGE: the first factors offered. */
  choices?: string[];
  /** CUSTOM_AUTH: the rounds so far, and the private parameters of the challenge asked. */
  custom?: { rounds: CustomRound[]; privateParameters: Record<string, string>; metadata?: string };
  /** Where the sign-in came from: custom auth and passwordless first factors skip MFA. */
  flow?: 'password' | 'custom' | 'passwordless';
}

/** A device a user confirmed (ConfirmDevice), in the user's partition. */
export interface DeviceRecord {
  deviceKey: string;
  deviceGroupKey: string;
  /** The device's SRP salt and verifier (hex), from DeviceSecretVerifierConfig. */
  salt: string;
  verifier: string;
  name?: string;
  remembered: boolean;
  lastIp?: string;
  createdAt: number;
  modifiedAt: number;
  lastAuthenticatedAt: number;
}
