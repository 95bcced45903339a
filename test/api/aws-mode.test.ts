/**
 * AWS mode end to end, against the engine: the API's settings come only from environment
 * variables, through loadConfig and awsSettings (exactly what `npm start` does with a pool
 * configured), with the SDK's default credential chain. A user signs up, confirms, signs in and
 * reads `me` over HTTP; a token from another issuer is refused.
 */
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { loadConfig } from '../../src/config';
import { TEST_COST } from '../../src/local/cognito/domain/passwords';
import { Engine, startEngine } from '../../src/local/cognito/engine';
import { EmbeddedWorld, startEmbeddedWorld } from '../../src/local/embedded';
import { createLogger } from '../../src/logger';
import { RunningApi, startApi } from '../../src/server';
import { awsSettings } from '../../src/settings';
import { loadTriggerSettings } from '../../src/triggers';
import { ConfirmSignUpDocument, MeDocument, SignInDocument, SignUpDocument } from '../generated/graphql';
import { expectUnauthenticated } from '../support/expect';
import { PASSWORD, uniqueEmail } from '../support/users';

const API_KEY = 'aws-mode-api-key-0123456789';
const CREDENTIAL_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

let world: EmbeddedWorld;
let api: RunningApi;
let issuer: string;
const saved: Partial<Record<(typeof CREDENTIAL_VARS)[number], string>> = {};

beforeAll(async () => {
  world = await startEmbeddedWorld({ region: 'us-east-1', metadataTable: 'identity-metadata', hashCost: TEST_COST });
  // The default credential chain reads these first: point it at the engine's credentials.
  for (const name of CREDENTIAL_VARS) saved[name] = process.env[name];
  delete process.env.AWS_SESSION_TOKEN;
  process.env.AWS_ACCESS_KEY_ID = world.engine.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = world.engine.credentials.secretAccessKey;
  const config = loadConfig({
    COGNITO_USER_POOL_ID: world.pool.userPoolId,
    COGNITO_CLIENT_ID: world.pool.clientId,
    // With a trailing slash, as it is easily written; the issuer must not carry it.
    COGNITO_ENDPOINT: `${world.engine.endpoint}/`,
    DYNAMODB_ENDPOINT: world.dynamo.endpoint,
    API_KEYS: API_KEY,
    AWS_REGION: 'us-east-1',
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const settings = awsSettings(config, loadTriggerSettings());
  expect(settings.credentials).toBeUndefined();
  issuer = settings.issuer;
  api = await startApi(settings, createLogger(config.logLevel));
}, 60_000);

afterAll(async () => {
  await api?.close();
  await world?.close();
  for (const name of CREDENTIAL_VARS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function gql<T, V>(document: TypedDocumentNode<T, V>, variables: V, auth: { apiKey?: string; token?: string }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.apiKey) headers['x-api-key'] = auth.apiKey;
  if (auth.token) headers.authorization = auth.token;
  const response = await fetch(api.url, { method: 'POST', headers, body: JSON.stringify({ query: print(document), variables }) });
  const body = (await response.json()) as { data?: T | null; errors?: { message: string; errorType?: string }[] };
  return { status: response.status, ...body };
}

async function signUpAndSignIn(email: string): Promise<string> {
  const signUp = await gql(SignUpDocument, { input: { username: email, password: PASSWORD } }, { apiKey: API_KEY });
  expect(signUp.errors).toBeUndefined();
  const code = world.engine.outbox.latest(email)?.code;
  expect(code).toMatch(/^\d{6}$/);
  const confirmed = await gql(ConfirmSignUpDocument, { input: { username: email, code: code! } }, { apiKey: API_KEY });
  expect(confirmed.data?.confirmSignUp?.isSignUpComplete).toBe(true);
  const signIn = await gql(SignInDocument, { input: { username: email, password: PASSWORD } }, { apiKey: API_KEY });
  expect(signIn.errors).toBeUndefined();
  return signIn.data!.signIn!.tokens!.accessToken;
}

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

test("the issuer defaults to the engine's own: COGNITO_ENDPOINT/<pool>", () => {
  expect(issuer).toBe(`${world.engine.endpoint}/${world.pool.userPoolId}`);
});

test('sign up, confirm with the emailed code, sign in and read `me`', async () => {
  const email = uniqueEmail('aws-mode');
  const accessToken = await signUpAndSignIn(email);
  expect(claims(accessToken).iss).toBe(issuer);
  const me = await gql(MeDocument, {}, { token: accessToken });
  expect(me.status).toBe(200);
  expect(me.errors).toBeUndefined();
  expect(me.data?.me).toMatchObject({ email, status: 'CONFIRMED', emailVerified: true });
});

test('a token for the same pool and client, but from another issuer, is refused with 401', async () => {
  const email = uniqueEmail('aws-mode-issuer');
  await signUpAndSignIn(email);
  // A second engine on the same state (pools, signing keys, users) differs only in its address,
  // so its tokens are validly signed for this client but name another issuer.
  const other: Engine = await startEngine({ dynamoEndpoint: world.dynamo.endpoint, region: 'us-east-1', hashCost: TEST_COST, triggers: world.triggers });
  const sdk = new CognitoIdentityProviderClient({ endpoint: other.endpoint, region: 'us-east-1', credentials: other.credentials });
  try {
    const auth = await sdk.send(
      new InitiateAuthCommand({ ClientId: world.pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } }),
    );
    const foreign = auth.AuthenticationResult!.AccessToken!;
    expect(claims(foreign)).toMatchObject({ iss: `${other.endpoint}/${world.pool.userPoolId}`, client_id: world.pool.clientId });
    expectUnauthenticated(await gql(MeDocument, {}, { token: foreign }));
  } finally {
    sdk.destroy();
    await other.close();
  }
});
