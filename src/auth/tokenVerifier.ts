/**
 * Verifies Cognito access tokens with aws-jwt-verify, one code path for Amazon Cognito and the
 * embedded engine: only the issuer differs. The JWKS is fetched with the platform's fetch (the
 * library's own fetcher speaks only https, and the engine serves http on loopback).
 *
 * A token that verified is remembered until it expires, so a client's repeated requests pay for
 * the RSA check once. A signature stays valid for the token's life (aws-jwt-verify keeps the keys
 * it has fetched as well), so this changes no answer; whether the token's session is still live
 * is checked separately (see RevocationsStore).
 *
 * More than one issuer may be accepted (COGNITO_ACCEPTED_ISSUERS): a pool replicated to a second
 * Region signs with the updated issuer (`https://issuer-cognito-idp.<primary region>.amazonaws.com/
 * <pool>`), while tokens issued before the switch still carry the original one. Each token is
 * checked against the keys of the issuer it names, and only issuers listed here are asked for keys.
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import { deepFreeze } from '../lib/freeze';
import { RecentReads, ReuseCounts } from '../lib/recentReads';

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

/** Enough for every token in active use on one replica; each entry is about two kilobytes. */
const REMEMBERED_TOKENS = 10_000;
/**
 * How long a verified token is taken on trust before its signature is checked again (never past
 * its expiry). Short, so the cache holds the tokens in use now rather than every token of the
 * last hour (the soak, npm run soak, saw it grow for the tokens' whole lifetime); a check costs
 * tens of microseconds.
 */
const VERIFIED_FOR_MS = 5 * 60_000;

export class AccessTokenVerifier {
  private readonly verifier;
  private readonly verified = new RecentReads<AccessClaims | undefined>({
    windowMs: VERIFIED_FOR_MS,
    maxEntries: REMEMBERED_TOKENS,
    expiresAt: (claims) => (claims ? claims.exp * 1000 : 0),
  });

  /** The issuers whose tokens are accepted; the first is the pool's own (COGNITO_ISSUER). */
  readonly issuers: readonly string[];

  constructor(issuer: string, clientId: string, alsoAccepted: readonly string[] = []) {
    this.issuers = [...new Set([issuer, ...alsoAccepted])];
    const properties = this.issuers.map((accepted) => ({
      issuer: accepted,
      audience: null, // access tokens carry client_id, not aud; checked below
      jwksUri: `${accepted}/.well-known/jwks.json`,
      customJwtCheck: ({ payload }: { payload: Record<string, unknown> }) => {
        if (payload.token_use !== 'access') throw new Error('not an access token');
        if (payload.client_id !== clientId) throw new Error('token was issued to another client');
      },
    }));
    this.verifier = JwtVerifier.create(properties, { jwksCache: new SimpleJwksCache({ fetcher: platformFetcher }) });
  }

  get issuer(): string {
    return this.issuers[0];
  }

  /** How often a token's check was reused, for the metrics. */
  get reuse(): ReuseCounts {
    return this.verified.lookups;
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
