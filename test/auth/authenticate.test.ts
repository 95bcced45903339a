/**
 * Authenticator: who is calling, in AppSync's identity shape, and which sessions are live. The
 * end-to-end tests cover the HTTP answers; here the verifier and the revocation store are
 * stand-ins, so each rule is checked on its own.
 */
import { ApiKeys } from '../../src/auth/apiKeys';
import { Authenticator, BAD_API_KEY, NO_CREDENTIALS } from '../../src/auth/authenticate';
import type { AccessClaims, AccessTokenVerifier } from '../../src/auth/tokenVerifier';
import type { RevocationState, RevocationsStore } from '../../src/datasources/metadata/revocations.store';

const KEY = 'app-key-0123456789';
const ISSUED_AT = 1_700_000_000;

const claims = (extra: Partial<AccessClaims> = {}): AccessClaims => ({
  sub: 'sub-1',
  iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Test',
  username: 'sub-1',
  client_id: 'client',
  token_use: 'access',
  origin_jti: 'session-1',
  iat: ISSUED_AT,
  exp: ISSUED_AT + 3600,
  ...extra,
});

function authenticator(options: { tokens?: Record<string, AccessClaims>; state?: RevocationState; issuerAccepts?: boolean } = {}) {
  const issuerCalls: string[] = [];
  const auth = new Authenticator({
    apiKeys: new ApiKeys([KEY]),
    verifier: { verify: async (token: string) => options.tokens?.[token] } as unknown as AccessTokenVerifier,
    revocations: { state: async () => options.state ?? { sessionRevoked: false } } as unknown as RevocationsStore,
    issuerAccepts: async (token) => {
      issuerCalls.push(token);
      return options.issuerAccepts ?? true;
    },
  });
  return { auth, issuerCalls };
}

test("a Cognito caller gets AppSync's identity: sub, issuer, username, claims, sourceIp, defaultAuthStrategy, groups", async () => {
  const tokenClaims = claims({ 'cognito:groups': ['Admins', 'Editors'] });
  const { auth } = authenticator({ tokens: { good: tokenClaims } });
  const outcome = await auth.authenticate({ authorization: 'Bearer good' }, '203.0.113.7');
  expect(outcome).toEqual({
    ok: true,
    auth: {
      caller: { mode: 'AMAZON_COGNITO_USER_POOLS', groups: ['Admins', 'Editors'] },
      accessToken: 'good',
      identity: {
        sub: 'sub-1',
        issuer: tokenClaims.iss,
        username: 'sub-1',
        claims: tokenClaims,
        sourceIp: ['203.0.113.7'],
        defaultAuthStrategy: 'ALLOW',
        groups: ['Admins', 'Editors'],
      },
    },
  });
});

test('groups are null in the identity (and empty for the rules) when the token names none; a raw token works too', async () => {
  const { auth } = authenticator({ tokens: { good: claims() } });
  const outcome = await auth.authenticate({ authorization: 'good' }, '::1');
  expect(outcome).toMatchObject({ ok: true, auth: { caller: { groups: [] }, identity: { groups: null } } });
});

test('an API-key caller has no identity; a wrong key and no credential at all are refused', async () => {
  const { auth } = authenticator();
  expect(await auth.authenticate({ apiKey: KEY }, '::1')).toEqual({ ok: true, auth: { caller: { mode: 'API_KEY' }, identity: null } });
  expect(await auth.authenticate({ apiKey: 'wrong-key-0123456789' }, '::1')).toEqual({ ok: false, message: BAD_API_KEY });
  expect(await auth.authenticate({}, '::1')).toEqual({ ok: false, message: NO_CREDENTIALS });
});

test('a token that does not verify is refused, even with a good API key beside it', async () => {
  const { auth } = authenticator();
  expect(await auth.authenticate({ authorization: 'Bearer forged', apiKey: KEY }, '::1')).toEqual({ ok: false, message: NO_CREDENTIALS });
});

test.each([
  ['its session was revoked', { sessionRevoked: true }, false],
  ['it was issued before a global sign-out', { sessionRevoked: false, signedOutAt: (ISSUED_AT + 1) * 1000 }, false],
  ['it was issued after a global sign-out', { sessionRevoked: false, signedOutAt: (ISSUED_AT - 1) * 1000 }, true],
])('a verified token is refused or accepted when %s', async (_, state, accepted) => {
  const { auth, issuerCalls } = authenticator({ tokens: { t: claims() }, state });
  expect((await auth.authenticate({ authorization: 't' }, '::1')).ok).toBe(accepted);
  expect(issuerCalls).toEqual([]);
});

test('a token from the very second of a global sign-out is settled by the issuer, on every request', async () => {
  const state = { sessionRevoked: false, signedOutAt: ISSUED_AT * 1000 + 500 };
  const refused = authenticator({ tokens: { t: claims() }, state, issuerAccepts: false });
  expect((await refused.auth.authenticate({ authorization: 't' }, '::1')).ok).toBe(false);
  const accepted = authenticator({ tokens: { t: claims() }, state, issuerAccepts: true });
  expect((await accepted.auth.authenticate({ authorization: 't' }, '::1')).ok).toBe(true);
  expect((await accepted.auth.authenticate({ authorization: 't' }, '::1')).ok).toBe(true);
  // Never reused: an answer given while a sign-out was still reaching Cognito could be stale.
  expect(accepted.issuerCalls).toEqual(['t', 't']);
});
