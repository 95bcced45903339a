/**
 * RS256 JWTs with Cognito's claims, signed with a key per pool. The public half is served at
 * `/<poolId>/.well-known/jwks.json`, so any JWT library (aws-jwt-verify included) can check
 * the engine's tokens exactly as it checks Amazon's.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import type { Clock } from '../clock';
import { seconds } from '../clock';
import type { PoolRecord, SigningKey } from './model';

export type Claims = Record<string, unknown>;

/** The scope Cognito's own API needs in an access token (GetUser, ChangePassword, ...). */
export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha256').update(der).digest('base64url').slice(0, 32);
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  return {
    kid,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' },
  };
}

/** Reads a JWT's payload without checking it; only to learn which pool should check it. */
export function peekClaims(token: string): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' ? (claims as Claims) : undefined;
  } catch {
    return undefined;
  }
}

export type VerifyFailure = 'malformed' | 'signature' | 'expired' | 'issuer';

/** How many tokens' verified signatures are remembered (least recently used go first). */
const VERIFIED_CACHE_SIZE = 10_000;

export class TokenSigner {
  private readonly privateKeys = new Map<string, KeyObject>();
  private readonly publicKeys = new Map<string, KeyObject>();
  /**
   * Tokens whose signature this engine has checked, by key id and token, with their claims: a
   * token is one immutable string, so its signature is checked once, not on every GetUser. Only
   * the signature is remembered; issuer and expiry are checked on every call, and revocation is
   * the caller's (lookup.ts reads the session and the user each time).
   */
  private readonly verified = new Map<string, Claims>();

  constructor(
    private readonly clock: Clock,
    readonly issuerFor: (poolId: string) => string,
  ) {}

  sign(pool: PoolRecord, claims: Claims): string {
    let key = this.privateKeys.get(pool.poolId);
    if (!key) {
      key = createPrivateKey(pool.signingKey.privateKeyPem);
      this.privateKeys.set(pool.poolId, key);
    }
    const header = b64url(JSON.stringify({ kid: pool.signingKey.kid, alg: 'RS256' }));
    const body = b64url(JSON.stringify(claims));
    const signature = sign('sha256', Buffer.from(`${header}.${body}`), key);
    return `${header}.${body}.${b64url(signature)}`;
  }

  /** Checks signature, issuer and expiry; returns the claims or why they were refused. */
  verify(pool: PoolRecord, token: string): { claims: Claims } | { failure: VerifyFailure } {
    const cacheKey = `${pool.signingKey.kid}.${token}`;
    let claims = this.verified.get(cacheKey);
    if (claims) {
      // Most recently used goes last, so the oldest is evicted first.
      this.verified.delete(cacheKey);
      this.verified.set(cacheKey, claims);
    } else {
      const checked = this.checkSignature(pool, token);
      if ('failure' in checked) return checked;
      // Shared by every later call with this token, so nobody may change it.
      claims = Object.freeze(checked.claims);
      this.verified.set(cacheKey, claims);
      if (this.verified.size > VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    }
    if (claims.iss !== this.issuerFor(pool.poolId)) return { failure: 'issuer' };
    if (typeof claims.exp !== 'number' || claims.exp <= seconds(this.clock.now())) {
      this.verified.delete(cacheKey);
      return { failure: 'expired' };
    }
    return { claims };
  }

  private checkSignature(pool: PoolRecord, token: string): { claims: Claims } | { failure: VerifyFailure } {
    const [header, body, signature, extra] = token.split('.');
    if (!header || !body || !signature || extra !== undefined) return { failure: 'malformed' };
    let parsedHeader: { kid?: string; alg?: string };
    try {
      parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    } catch {
      return { failure: 'malformed' };
    }
    if (parsedHeader.alg !== 'RS256' || parsedHeader.kid !== pool.signingKey.kid) return { failure: 'signature' };
    let key = this.publicKeys.get(pool.poolId);
    if (!key) {
      key = createPublicKey({ key: pool.signingKey.publicJwk, format: 'jwk' });
      this.publicKeys.set(pool.poolId, key);
    }
    if (!verify('sha256', Buffer.from(`${header}.${body}`), key, Buffer.from(signature, 'base64url'))) {
      return { failure: 'signature' };
    }
    const claims = peekClaims(token);
    return claims ? { claims } : { failure: 'malformed' };
  }
}
