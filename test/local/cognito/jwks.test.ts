/** Each pool's JWKS and OpenID discovery document, and verifying the engine's tokens against them with node:crypto alone. */
import { createPublicKey, JsonWebKey, verify } from 'node:crypto';
import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, createApp, decodeJwt, signedInUser, useEngine } from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const issuer = (target: App) => `${ctx.t.engine.endpoint}/${target.poolId}`;

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function jwks(target: App): Promise<(JsonWebKey & { kid: string })[]> {
  const { status, body } = await getJson(`${issuer(target)}/.well-known/jwks.json`);
  expect(status).toBe(200);
  return body.keys as (JsonWebKey & { kid: string })[];
}

/** Verifies an RS256 JWT the way a resource server would: key by kid, signature, then claims. */
function verifyWithJwks(token: string, keys: (JsonWebKey & { kid: string })[]): Record<string, unknown> | undefined {
  const jwt = decodeJwt(token);
  const jwk = keys.find((k) => k.kid === jwt.header.kid);
  if (!jwk || jwt.header.alg !== 'RS256') return undefined;
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('sha256', Buffer.from(jwt.signingInput), key, jwt.signature) ? jwt.payload : undefined;
}

test('the JWKS publishes one RS256 signing key per pool', async () => {
  const keys = await jwks(app);
  expect(keys).toHaveLength(1);
  expect(keys[0]).toEqual({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
  expect(Object.keys(keys[0])).not.toEqual(expect.arrayContaining(['d']));
  const other = await createApp(ctx.t);
  expect((await jwks(other))[0].kid).not.toBe(keys[0].kid);
});

test('ID and access tokens verify against the served JWKS, with the discovery issuer', async () => {
  const user = await signedInUser(app);
  const keys = await jwks(app);
  const discovery = await getJson(`${issuer(app)}/.well-known/openid-configuration`);
  expect(discovery.status).toBe(200);
  expect(discovery.body).toMatchObject({
    issuer: issuer(app),
    jwks_uri: `${issuer(app)}/.well-known/jwks.json`,
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
  });
  const now = Math.floor(ctx.clock.now() / 1000);
  for (const [token, use] of [
    [user.tokens.IdToken, 'id'],
    [user.tokens.AccessToken, 'access'],
  ] as const) {
    const claims = verifyWithJwks(token, keys);
    expect(claims).toMatchObject({ iss: discovery.body.issuer, sub: user.sub, token_use: use });
    expect(claims!.exp).toBeGreaterThan(now);
  }
});

test("a tampered token, or one checked against another pool's keys, does not verify; the engine refuses it too", async () => {
  const user = await signedInUser(app);
  const [header, payload, signature] = user.tokens.AccessToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, username: 'someone-else' })).toString('base64url')}.${signature}`;
  expect(verifyWithJwks(forged, await jwks(app))).toBeUndefined();
  await expect(ctx.t.admin.send(new GetUserCommand({ AccessToken: forged }))).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Invalid Access Token',
  });
  const other = await createApp(ctx.t);
  const otherKeys = (await jwks(other)).map((k) => ({ ...k, kid: decodeJwt(user.tokens.AccessToken).header.kid as string }));
  expect(verifyWithJwks(user.tokens.AccessToken, otherKeys)).toBeUndefined();
});

test('unknown pools and paths are 404', async () => {
  for (const path of ['/us-east-1_nopool/.well-known/jwks.json', '/us-east-1_nopool/.well-known/openid-configuration']) {
    expect(await getJson(`${ctx.t.engine.endpoint}${path}`)).toEqual({ status: 404, body: { message: 'User pool not found' } });
  }
  expect(await getJson(`${issuer(app)}/.well-known/other.json`)).toEqual({ status: 404, body: { message: 'Not found' } });
  expect(await getJson(`${ctx.t.engine.endpoint}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
});
