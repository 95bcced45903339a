/**
 * The browser's session. The access token lives in this object's memory only (never in
 * localStorage or a readable cookie); the refresh token lives in the API's HttpOnly cookie,
 * which this code can neither read nor write: it asks the API, in cookie mode, to continue the
 * session (at start and before the access token expires) or to end it. A reload therefore keeps
 * the session for as long as the cookie does, and signing out (here or everywhere) ends it.
 */
import { ApiFailure, NETWORK } from '../api/failure';
import type { GraphQLClient } from '../api/client';
import { FROM_COOKIE } from '../../../src/web/sessionProtocol';
import { GlobalSignOutDocument, RestoreSessionDocument, SignOutDocument, type TypedDocumentString } from '../generated/graphql';
import { type SessionUser, userOf } from './claims';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; notice?: string }
  | { status: 'signedIn'; user: SessionUser };

export interface SessionTokens {
  accessToken: string;
  expiresAt: string;
}

/** Renew this long before the access token expires. */
const RENEW_AHEAD_MS = 60_000;

export const SESSION_ENDED = 'Your session has ended. Please sign in again.';

const isUnauthenticated = (error: unknown) => error instanceof ApiFailure && error.code === 'UNAUTHENTICATED';

export class Session {
  private state: SessionState = { status: 'restoring' };
  private accessToken?: string;
  private renewal?: Promise<boolean>;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly client: GraphQLClient,
    private readonly apiKey: string | null,
  ) {}

  readonly getState = (): SessionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** At start: continues the session the cookie holds, if there is one. */
  async restore(): Promise<void> {
    if (!(await this.renew())) this.end();
  }

  /** Takes the tokens a finished sign-in, or a password change, returned. */
  adopt(tokens: SessionTokens): void {
    this.accessToken = tokens.accessToken;
    clearTimeout(this.timer);
    const renewIn = Math.max(5_000, Date.parse(tokens.expiresAt) - Date.now() - RENEW_AHEAD_MS);
    this.timer = setTimeout(() => void this.renew().then((ok) => ok || this.end(SESSION_ENDED)), renewIn);
    this.set({ status: 'signedIn', user: userOf(tokens.accessToken) });
  }

  /**
   * A signed-in operation, with the access token. When the API answers that the session is
   * over (expired, signed out elsewhere, the account disabled) it renews once; if that is
   * refused too, the session ends here as well and the failure is passed on.
   */
  async call<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, options: { cookie?: boolean } = {}): Promise<TResult> {
    const send = (accessToken: string) => this.client.send(document, variables, { accessToken, cookie: options.cookie });
    if (!this.accessToken) throw new ApiFailure(SESSION_ENDED, 'UNAUTHENTICATED');
    try {
      return await send(this.accessToken);
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
      if (!(await this.renew()) || !this.accessToken) {
        this.end(SESSION_ENDED);
        throw error;
      }
      return send(this.accessToken);
    }
  }

  /** Signs this device out: the API revokes the session and drops the cookie. Ends here whatever it answers. */
  async signOut(): Promise<void> {
    try {
      await this.call(SignOutDocument, { input: { refreshToken: FROM_COOKIE } }, { cookie: true });
    } finally {
      this.end('You have signed out.');
    }
  }

  /** Ends every session of the account, on every device. */
  async signOutEverywhere(): Promise<void> {
    try {
      await this.call(GlobalSignOutDocument, {}, { cookie: true });
    } finally {
      this.end('You have signed out on every device.');
    }
  }

  /** Forgets the session here (after the API ended it, e.g. the account was deleted). */
  end(notice?: string): void {
    clearTimeout(this.timer);
    this.accessToken = undefined;
    this.set({ status: 'signedOut', notice });
  }

  /** New tokens from the cookie's refresh token; one request at a time. False when there is no session to continue. */
  private renew(): Promise<boolean> {
    this.renewal ??= this.client
      .send(RestoreSessionDocument, { input: { refreshToken: FROM_COOKIE } }, { apiKey: this.apiKey, cookie: true })
      .then((data) => {
        const tokens = data.refreshSession?.tokens;
        if (tokens) this.adopt(tokens);
        return !!tokens;
      })
      .catch((error: unknown) => {
        if (error instanceof ApiFailure && error.code === NETWORK && this.state.status === 'restoring') this.end(error.message);
        return false;
      })
      .finally(() => (this.renewal = undefined));
    return this.renewal;
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
