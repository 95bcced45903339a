/**
 * The user directory's records and the store's contract: the app's own data about each user,
 * next to Cognito's, in the metadata table (keyed by `sub`). Some fields mirror Cognito (kept
 * in step by the triggers, by the API's write-through and by reconcile), the rest belong to the
 * app. Times are epoch milliseconds.
 */

/** What the directory mirrors from Cognito's user record. */
export interface MirroredFields {
  username: string;
  email?: string;
  status: string;
  enabled: boolean;
  /** Cognito's UserCreateDate. */
  createdAt: number;
  /**
   * Cognito's UserLastModifiedDate: the version of Cognito's record these fields reflect. A
   * write carrying an older version never overwrites a newer one.
   */
  cognitoModifiedAt: number;
  /** The attributes declared indexable (INDEXED_ATTRIBUTES, e.g. `custom:tenant`), as Cognito holds them. */
  indexed: Record<string, string>;
  /**
   * Set by triggers, whose events carry no dates: `cognitoModifiedAt` is then the trigger's clock
   * and `createdAt` a guess (kept from the record when it already has one). Such a record yields
   * to any write of Cognito's own version of the same state, even one up to a minute older than
   * the guess, so reconcile and write-through always replace it.
   */
  estimated?: boolean;
}

/** Written by the app (the triggers and the API), never by Cognito. */
export interface AppFields {
  confirmedAt?: number;
  /** How the account came to be: `SIGN_UP`, `ADMIN_CREATE_USER`, `MIGRATION`, or `RECONCILE` when found by reconcile. */
  signUpSource?: string;
  lastSignInAt?: number;
  signInCount: number;
  lastIp?: string;
  lastDevice?: string;
  /** The user's preferences, a JSON object as text (at most PREFERENCES_MAX_BYTES). */
  preferences?: string;
  displayName?: string;
  locale?: string;
  /** The app's plan for the user (carried into tokens by PreTokenGeneration). */
  plan?: string;
  /** Policy flags, e.g. `suspended` (PreAuthentication refuses sign-in). */
  flags: string[];
}

/**
 * A record made by `recordSignIn` or `updateApp` before anything was mirrored is bare: its
 * `cognitoModifiedAt` is 0, `username` empty and `status` `UNKNOWN` until the next mirror.
 */
export interface DirectoryProfile extends MirroredFields, AppFields {
  sub: string;
  /** When the directory record was made. */
  recordedAt: number;
  /** The last sign-in attempt PreAuthentication noted (see directory.pending.ts). */
  pendingSignIn?: PendingSignIn;
  /** The ids of the last sign-ins counted, so that a redelivered one counts once. */
  recentSignIns: string[];
}

export const PREFERENCES_MAX_BYTES = 4096;

export type SecurityEventType =
  | 'SIGNED_UP'
  | 'CONFIRMED'
  | 'SIGN_IN'
  | 'SIGN_IN_FAILED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'ATTRIBUTES_CHANGED'
  | 'MFA_CHANGED'
  | 'DEVICE_CHANGED'
  | 'SIGNED_OUT_EVERYWHERE'
  | 'ADMIN_ACTION';

export interface SecurityEvent {
  /** Unique per event; writing the same id twice has one effect (triggers are retried). */
  id: string;
  sub: string;
  type: SecurityEventType;
  at: number;
  ip?: string;
  device?: string;
  /** For ADMIN_ACTION: who did it (the admin's username). */
  actor?: string;
  /** What was done, where the type alone does not say (for ADMIN_ACTION, the operation's name). */
  action?: string;
  /** After this the event is gone: hidden on read, and DynamoDB's TTL deletes it in AWS. */
  expiresAt: number;
}

export interface SignInRecord {
  eventId: string;
  at: number;
  ip?: string;
  device?: string;
  /** `at` is the same on every delivery (the sign-in's noted time), so the event needs no claim. */
  atIsStable?: boolean;
}

/** A sign-in attempt as PreAuthentication saw it, for PostAuthentication (see directory.pending.ts). */
export interface PendingSignIn {
  at: number;
  /** The API's request id (ClientMetadata), naming the delivery. */
  requestId?: string;
  ip?: string;
  device?: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** The outcome of mirroring Cognito's fields into a record. */
export type MirrorOutcome = 'created' | 'updated' | 'unchanged' | 'stale';

export interface Directory {
  get(sub: string): Promise<DirectoryProfile | undefined>;
  /**
   * Many records by sub, in key order (undefined where missing): BatchGetItem, at most 100 keys
   * a call, UnprocessedKeys retried with backoff.
   */
  getMany(subs: readonly string[]): Promise<(DirectoryProfile | undefined)[]>;
  /**
   * Writes Cognito's fields, creating the record if missing (app fields at their defaults, and
   * `created` may set confirmedAt/signUpSource). Conditional on the version: `stale` when the
   * record already reflects a newer cognitoModifiedAt, and nothing changes.
   */
  mirror(sub: string, fields: MirroredFields, created?: Pick<AppFields, 'confirmedAt' | 'signUpSource'>): Promise<MirrorOutcome>;
  /**
   * A successful sign-in: lastSignInAt, signInCount + 1, lastIp, lastDevice, and a SIGN_IN event,
   * once per `eventId` however often it is delivered. Creates a bare record if missing (reconcile
   * or the next read fills the mirrored fields). `current`, the record as just read, saves a read.
   */
  recordSignIn(sub: string, signIn: SignInRecord, current?: DirectoryProfile): Promise<void>;
  /**
   * Notes a sign-in attempt on the user's record for PostAuthentication, which Cognito tells
   * nothing of the caller, and returns the record (nothing is written, and undefined returned,
   * when there is no record).
   */
  notePendingSignIn(sub: string, signIn: PendingSignIn): Promise<DirectoryProfile | undefined>;
  /** Changes app fields; creates a bare record if missing. Returns the record after the change. */
  updateApp(sub: string, patch: Partial<Pick<AppFields, 'preferences' | 'displayName' | 'locale' | 'plan' | 'flags'>>): Promise<DirectoryProfile>;
  /** Adds an event (its expiresAt set from the retention); the same id twice has one effect. */
  addEvent(event: Omit<SecurityEvent, 'expiresAt'>): Promise<void>;
  /** A user's events, newest first, expired ones left out. */
  events(sub: string, limit: number, nextToken?: string): Promise<Page<SecurityEvent>>;
  /** Records whose indexed attribute `name` (e.g. `custom:tenant`) equals `value`, newest first (createdAt). */
  byAttribute(name: string, value: string, limit: number, nextToken?: string): Promise<Page<DirectoryProfile>>;
  /** Records with no sign-in since `before` (never signed in counts, by createdAt), oldest activity first. */
  inactiveSince(before: number, limit: number, nextToken?: string): Promise<Page<DirectoryProfile>>;
  /** Removes a user's record and events (the user was deleted). */
  remove(sub: string): Promise<void>;
  /** Every record, a page at a time (for reconcile). */
  all(limit: number, nextToken?: string): Promise<Page<DirectoryProfile>>;
}
