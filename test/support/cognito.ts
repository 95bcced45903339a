/**
 * Builders for the engine's end-to-end tests: an engine per test file on a ManualClock, an app
 * (pool + client), users at each stage of their life (signed up, confirmed, signed in), codes
 * from the outbox, SECRET_HASH, JWT decoding and raw wire-level requests.
 */
import { createHmac } from 'node:crypto';
import {
  AuthenticationResultType,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommandInput,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  InitiateAuthCommandOutput,
  SignUpCommand,
  SignUpCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { ManualClock } from '../../src/local/cognito/clock';
import type { EngineOptions } from '../../src/local/cognito/engine';
import type { EmbeddedDynamo } from '../../src/local/dynamodb';
import { createPoolAndClient, startTestEngine, TestEngine } from './engine';

export const PASSWORD = 'Correct-horse-1';
export const NEW_PASSWORD = 'Battery-staple-2';
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface EngineContext {
  t: TestEngine;
  clock: ManualClock;
}

/** Starts one engine (in-memory dynalite, ManualClock) for the enclosing file or describe block. */
export function useEngine(options: Partial<EngineOptions> & { dynamo?: EmbeddedDynamo } = {}): EngineContext {
  const context = {} as EngineContext;
  beforeAll(async () => {
    context.clock = new ManualClock(Date.now());
    context.t = await startTestEngine({ ...options, clock: context.clock });
  });
  afterAll(() => context.t?.stop());
  return context;
}

export interface App {
  t: TestEngine;
  poolId: string;
  clientId: string;
  clientSecret?: string;
}

/** A new pool and app client (the harness's defaults: email as username, email auto-verified). */
export async function createApp(
  t: TestEngine,
  pool: Partial<CreateUserPoolCommandInput> = {},
  client: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<App> {
  return { t, ...(await createPoolAndClient(t.admin, pool, client)) };
}

let counter = 0;
/** An address no other test uses, so tests in one engine never see each other's mail. */
export const uniqueEmail = (label = 'user'): string => `${label}-${++counter}@example.com`;

export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/** The SecretHash for this app, when its client has a secret. */
export const appSecretHash = (app: App, username: string): string | undefined =>
  app.clientSecret ? secretHash(app.clientSecret, username, app.clientId) : undefined;

/** The newest code (or temporary password) the engine sent to an address; fails if none was sent. */
export function latestCode(app: App, address: string): string {
  const message = app.t.engine.outbox.latest(address);
  if (!message?.code) throw new Error(`no code was sent to ${address}`);
  return message.code;
}

export const messageCount = (app: App, address: string): number => app.t.engine.outbox.list({ to: address }).length;

/** A six-digit code that is not `code`. */
export const otherCode = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

export interface TestUser {
  /** What the user signs up and signs in with: the email, unless the pool takes plain usernames. */
  username: string;
  email: string;
  password: string;
  sub: string;
  signUp: SignUpCommandOutput;
}

export async function signUpUser(
  app: App,
  options: { username?: string; email?: string; password?: string; attributes?: { Name: string; Value: string }[] } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const username = options.username ?? email;
  const password = options.password ?? PASSWORD;
  const signUp = await app.t.admin.send(
    new SignUpCommand({
      ClientId: app.clientId,
      Username: username,
      Password: password,
      // A plain-username pool needs the email as an attribute to send the code to.
      UserAttributes: [...(options.username ? [{ Name: 'email', Value: email }] : []), ...(options.attributes ?? [])],
      SecretHash: appSecretHash(app, username),
    }),
  );
  return { username, email, password, sub: signUp.UserSub!, signUp };
}

/** Signs up and confirms with the code from the outbox. */
export async function confirmedUser(app: App, options: Parameters<typeof signUpUser>[1] = {}): Promise<TestUser> {
  const user = await signUpUser(app, options);
  await app.t.admin.send(
    new ConfirmSignUpCommand({
      ClientId: app.clientId,
      Username: user.username,
      ConfirmationCode: latestCode(app, user.email),
      SecretHash: appSecretHash(app, user.username),
    }),
  );
  return user;
}

export function passwordSignIn(app: App, username: string, password: string): Promise<InitiateAuthCommandOutput> {
  const hash = appSecretHash(app, username);
  return app.t.admin.send(
    new InitiateAuthCommand({
      ClientId: app.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password, ...(hash ? { SECRET_HASH: hash } : {}) },
    }),
  );
}

export interface SignedInUser extends TestUser {
  tokens: Required<Pick<AuthenticationResultType, 'AccessToken' | 'IdToken' | 'RefreshToken'>> & AuthenticationResultType;
}

/** Signs up, confirms and signs in with USER_PASSWORD_AUTH. */
export async function signedInUser(app: App, options: Parameters<typeof signUpUser>[1] = {}): Promise<SignedInUser> {
  const user = await confirmedUser(app, options);
  return { ...user, tokens: await signIn(app, user.username, user.password) };
}

/** A password sign-in that must end in tokens. */
export async function signIn(app: App, username: string, password: string): Promise<SignedInUser['tokens']> {
  const result = (await passwordSignIn(app, username, password)).AuthenticationResult;
  if (!result?.AccessToken || !result.IdToken || !result.RefreshToken) throw new Error('sign-in did not return tokens');
  return result as SignedInUser['tokens'];
}

export function refresh(app: App, refreshToken: string, sub?: string): Promise<InitiateAuthCommandOutput> {
  const hash = sub ? appSecretHash(app, sub) : undefined;
  return app.t.admin.send(
    new InitiateAuthCommand({
      ClientId: app.clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken, ...(hash ? { SECRET_HASH: hash } : {}) },
    }),
  );
}

export async function userCount(app: App): Promise<number> {
  const { UserPool } = await app.t.admin.send(new DescribeUserPoolCommand({ UserPoolId: app.poolId }));
  return UserPool!.EstimatedNumberOfUsers!;
}

export interface Jwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

export function decodeJwt(token: string): Jwt {
  const [header, payload, signature] = token.split('.');
  const part = (text: string) => JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: part(header), payload: part(payload), signingInput: `${header}.${payload}`, signature: Buffer.from(signature, 'base64url') };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A request on the wire, bypassing the SDK: for malformed input and unsigned admin calls. */
export async function rawRequest(
  endpoint: string,
  options: { target?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      ...(options.target ? { 'x-amz-target': `AWSCognitoIdentityProviderService.${options.target}` } : {}),
      ...options.headers,
    },
    body: options.body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
