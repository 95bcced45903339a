/**
 * Verifies Cognito access tokens with aws-jwt-verify, one code path for Amazon Cognito and the
 * embedded engine: only the issuer differs. The JWKS is fetched with the platform's fetch (the
 * library's own fetcher speaks only https, and the engine serves http on loopback).
 *
 * A token that verified is remembered until it expires, so a client's repeated requests pay for
 * the RSA check once. A signature stays valid for the token's life (aws-jwt-verify keeps the keys
 * it has fetched as well), so this changes no answer; whether the token's session is still live
 * is checked separately (see RevocationsStore).
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import { deepFreeze } from '../lib/freeze';
import { RecentReads } from '../lib/recentReads';

/** The access-token claims the API relies on (verified before use). */
export interface AccessClaims {
  sub: string;
  iss: string;
  username: string;
  client_id: string;
  token_use: 'access';
  origin_jti?: string;
  iat: number;
  exp: number;
  'cognito:groups'?: string[];
  [claim: string]: unknown;
}

const platformFetcher: Fetcher = {
  async fetch(uri) {
    const response = await fetch(uri, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`JWKS request failed with status ${response.status}`);
    return response.arrayBuffer();
  },
};

/** Enough for every token in active use on one replica; each entry is about a kilobyte. */
const REMEMBERED_TOKENS = 10_000;

export class AccessTokenVerifier {
  private readonly verifier;
  private readonly verified = new RecentReads<AccessClaims | undefined>({
    windowMs: Number.POSITIVE_INFINITY,
    maxEntries: REMEMBERED_TOKENS,
    expiresAt: (claims) => (claims ? claims.exp * 1000 : 0),
  });

  constructor(readonly issuer: string, clientId: string) {
    this.verifier = JwtVerifier.create(
      {
        issuer,
        audience: null, // access tokens carry client_id, not aud; checked below
        jwksUri: `${issuer}/.well-known/jwks.json`,
        customJwtCheck: ({ payload }) => {
          if (payload.token_use !== 'access') throw new Error('not an access token');
          if (payload.client_id !== clientId) throw new Error('token was issued to another client');
        },
      },
      { jwksCache: new SimpleJwksCache({ fetcher: platformFetcher }) },
    );
  }

  /** The token's claims, or undefined when it is malformed, forged, expired or foreign. */
  verify(token: string): Promise<AccessClaims | undefined> {
    return this.verified.get(token, async () => {
      try {
        // Frozen: one verified token's claims are shared by all of its requests.
        return deepFreeze((await this.verifier.verify(token)) as unknown as AccessClaims);
      } catch {
        return undefined;
      }
    });
  }
}
