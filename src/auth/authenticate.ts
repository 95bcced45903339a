/**
 * Works out who is calling, AppSync-style: a Cognito access token in `Authorization` (raw or
 * `Bearer`), or the app's key in `x-api-key`. A token must verify and belong to a session
 * that has not been signed out. A failed check is a 401 for the whole request.
 */
import type { ApiKeys } from './apiKeys';
import type { Caller } from './rules';
import type { AccessClaims, AccessTokenVerifier } from './tokenVerifier';
import type { RevocationsStore } from '../datasources/metadata/revocations.store';

/** `$ctx.identity` for Cognito callers, in AppSync's shape. */
export interface CognitoIdentity {
  sub: string;
  issuer: string;
  username: string;
  claims: AccessClaims;
  sourceIp: string[];
  defaultAuthStrategy: 'ALLOW';
  groups: string[] | null;
}

export interface RequestAuth {
  caller: Caller;
  identity: CognitoIdentity | null;
  accessToken?: string;
}

export type AuthOutcome = { ok: true; auth: RequestAuth } | { ok: false; message: string };

export const NO_CREDENTIALS = 'Valid authorization header not provided.';
export const BAD_API_KEY = 'You are not authorized to make this call.';

export interface AuthenticatorDeps {
  apiKeys: ApiKeys;
  verifier: AccessTokenVerifier;
  revocations: RevocationsStore;
  /**
   * Asks the issuer itself whether a token is still accepted. Used only when a global sign-out
   * and the token's issue time fall in the same second, which the token's claims cannot settle.
   */
  issuerAccepts: (accessToken: string) => Promise<boolean>;
}

export class Authenticator {
  constructor(private readonly deps: AuthenticatorDeps) {}

  /** `revocations`: the request's view of the store (its reads counted for the request), or the shared one. */
  async authenticate(headers: { authorization?: string; apiKey?: string }, sourceIp: string, revocations = this.deps.revocations): Promise<AuthOutcome> {
    if (headers.authorization) {
      const token = headers.authorization.replace(/^Bearer\s+/i, '').trim();
      const claims = await this.deps.verifier.verify(token);
      if (!claims || !(await this.isLive(claims, token, revocations))) return { ok: false, message: NO_CREDENTIALS };
      const groups = claims['cognito:groups'] ?? [];
      return {
        ok: true,
        auth: {
          caller: { mode: 'AMAZON_COGNITO_USER_POOLS', groups },
          accessToken: token,
          identity: {
            sub: claims.sub,
            issuer: claims.iss,
            username: claims.username,
            claims,
            sourceIp: [sourceIp],
            defaultAuthStrategy: 'ALLOW',
            groups: groups.length ? groups : null,
          },
        },
      };
    }
    if (headers.apiKey !== undefined) {
      if (!this.deps.apiKeys.isValid(headers.apiKey)) return { ok: false, message: BAD_API_KEY };
      return { ok: true, auth: { caller: { mode: 'API_KEY' }, identity: null } };
    }
    return { ok: false, message: NO_CREDENTIALS };
  }

  private async isLive(claims: AccessClaims, token: string, revocations: RevocationsStore): Promise<boolean> {
    const state = await revocations.state(claims.sub, claims.origin_jti);
    if (state.sessionRevoked) return false;
    if (state.signedOutAt === undefined) return true;
    const signedOutSecond = Math.floor(state.signedOutAt / 1000);
    if (claims.iat < signedOutSecond) return false;
    if (claims.iat > signedOutSecond) return true;
    // Not reused: asked while a sign-out is still reaching Cognito, the issuer may say yes.
    return this.deps.issuerAccepts(token);
  }
}
