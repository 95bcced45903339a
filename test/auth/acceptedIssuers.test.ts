/**
 * More than one accepted issuer (COGNITO_ACCEPTED_ISSUERS), as a pool replicated to a second
 * Region needs: tokens of each listed issuer verify against that issuer's own keys; an issuer not
 * listed is refused, whatever keys it serves; and a token naming one issuer but signed with
 * another's key is refused.
 */
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrivateKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { AccessTokenVerifier } from '../../src/auth/tokenVerifier';

const CLIENT_ID = 'replicated-client';
const POOL = 'us-east-1_Replica1';

interface Issuer {
  url: string;
  kid: string;
  privateKey: KeyObject;
}

let server: Server;
let issuers: Record<'original' | 'updated' | 'stranger', Issuer>;

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function token(issuer: Issuer, claims: Record<string, unknown> = {}, signingKey: KeyObject = issuer.privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', kid: issuer.kid, typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ sub: 'sub-1', iss: issuer.url, client_id: CLIENT_ID, token_use: 'access', username: 'ada', iat: now, exp: now + 600, ...claims }),
  );
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), signingKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

beforeAll(async () => {
  const keys = new Map<string, { kid: string; jwk: Record<string, unknown> }>();
  server = createServer((req, res) => {
    const prefix = (req.url ?? '').replace(`/${POOL}/.well-known/jwks.json`, '');
    const key = keys.get(prefix);
    if (!key) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [{ ...key.jwk, kid: key.kid, alg: 'RS256', use: 'sig' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const make = (name: string): Issuer => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys.set(`/${name}`, { kid: `${name}-key`, jwk: publicKey.export({ format: 'jwk' }) as Record<string, unknown> });
    return { url: `${origin}/${name}/${POOL}`, kid: `${name}-key`, privateKey: createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })) };
  };
  issuers = { original: make('original'), updated: make('updated'), stranger: make('stranger') };
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test("tokens of the pool's issuer and of each accepted one verify; an unlisted issuer's do not", async () => {
  const verifier = new AccessTokenVerifier(issuers.updated.url, CLIENT_ID, [issuers.original.url]);
  expect(verifier.issuers).toEqual([issuers.updated.url, issuers.original.url]);
  expect(await verifier.verify(token(issuers.updated))).toMatchObject({ iss: issuers.updated.url, sub: 'sub-1' });
  expect(await verifier.verify(token(issuers.original))).toMatchObject({ iss: issuers.original.url });
  expect(await verifier.verify(token(issuers.stranger))).toBeUndefined();
});

test('with one issuer, as before, another issuer is refused', async () => {
  const verifier = new AccessTokenVerifier(issuers.updated.url, CLIENT_ID);
  expect(await verifier.verify(token(issuers.updated))).toBeDefined();
  expect(await verifier.verify(token(issuers.original))).toBeUndefined();
});

test("a token naming one accepted issuer but signed with the other's key is refused", async () => {
  const verifier = new AccessTokenVerifier(issuers.updated.url, CLIENT_ID, [issuers.original.url]);
  const forged = token({ ...issuers.original, kid: issuers.updated.kid }, {}, issuers.updated.privateKey);
  expect(await verifier.verify(forged)).toBeUndefined();
});

test('the other checks still hold for an accepted issuer: token use and client', async () => {
  const verifier = new AccessTokenVerifier(issuers.updated.url, CLIENT_ID, [issuers.original.url]);
  expect(await verifier.verify(token(issuers.original, { token_use: 'id' }))).toBeUndefined();
  expect(await verifier.verify(token(issuers.original, { client_id: 'another-client' }))).toBeUndefined();
});
