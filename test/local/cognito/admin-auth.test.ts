/** Admin (SigV4) operations: only requests signed with the engine's credentials get through, and a refused one writes nothing. */
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ServiceInputTypes,
  ServiceOutputTypes,
} from '@aws-sdk/client-cognito-identity-provider';
// Types only, from the SDK's own dependency: the shape of a middleware that runs after signing.
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { operations } from '../../../src/local/cognito/registry';
import { sdkClient } from '../../support/engine';
import { App, createApp, rawRequest, signUpUser, uniqueEmail, useEngine, userCount } from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const unrecognized = { name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' };
const adminOperations = Object.entries(operations)
  .filter(([, operation]) => operation.access === 'iam')
  .map(([name]) => name);

const poolCount = async () => (await ctx.t.admin.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!.length;
const userStatus = async (username: string) =>
  (await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: username }))).UserStatus;

/** The callers Cognito has for each operation (see the reference); everything else is SigV4-signed. */
const PUBLIC = [
  'SignUp', 'ConfirmSignUp', 'ResendConfirmationCode', 'ForgotPassword', 'ConfirmForgotPassword', 'InitiateAuth', 'RespondToAuthChallenge', 'RevokeToken',
  // The refresh token is the credential, as for RevokeToken.
  'GetTokensFromRefreshToken',
];
const ACCESS_TOKEN = [
  'GetUser', 'ChangePassword', 'UpdateUserAttributes', 'DeleteUserAttributes', 'DeleteUser', 'GlobalSignOut', 'GetUserAttributeVerificationCode',
  'VerifyUserAttribute', 'SetUserMFAPreference', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'ConfirmDevice', 'GetDevice', 'ListDevices',
  'ForgetDevice', 'UpdateDeviceStatus',
];

test('every operation takes the caller Cognito takes: public, access token, or SigV4', () => {
  for (const [name, operation] of Object.entries(operations)) {
    const expected = PUBLIC.includes(name) ? 'public' : ACCESS_TOKEN.includes(name) ? 'token' : 'iam';
    expect({ name, access: operation.access }).toEqual({ name, access: expected });
  }
  expect(adminOperations).toEqual(expect.arrayContaining(['AdminCreateUser', 'AdminGetUser', 'AdminInitiateAuth', 'CreateUserPool', 'CreateGroup']));
});

test.each(adminOperations)('%s without an Authorization header: MissingAuthenticationTokenException', async (name) => {
  const response = await rawRequest(ctx.t.engine.endpoint, {
    target: name,
    body: JSON.stringify({ UserPoolId: app.poolId, ClientId: app.clientId, Username: uniqueEmail('unsigned'), PoolName: 'unsigned', ClientName: 'unsigned', MaxResults: 10 }),
  });
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
});

test('unsigned writes change nothing', async () => {
  const [pools, users] = [await poolCount(), await userCount(app)];
  const pending = await signUpUser(app);
  const email = uniqueEmail('unsigned');
  for (const [target, body] of [
    ['CreateUserPool', { PoolName: 'unsigned' }],
    ['AdminCreateUser', { UserPoolId: app.poolId, Username: email }],
    ['AdminConfirmSignUp', { UserPoolId: app.poolId, Username: pending.email }],
    ['CreateUserPoolClient', { UserPoolId: app.poolId, ClientName: 'unsigned' }],
  ] as const) {
    const response = await rawRequest(ctx.t.engine.endpoint, { target, body: JSON.stringify(body) });
    expect(response.body.__type).toBe('MissingAuthenticationTokenException');
  }
  expect(await poolCount()).toBe(pools);
  expect(await userCount(app)).toBe(users + 1);
  expect(await userStatus(pending.email)).toBe('UNCONFIRMED');
  await expect(ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: email }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
  expect((await ctx.t.admin.send(new ListUserPoolClientsCommand({ UserPoolId: app.poolId }))).UserPoolClients).toHaveLength(1);
});

test('a malformed Authorization header is refused', async () => {
  const response = await rawRequest(ctx.t.engine.endpoint, {
    target: 'AdminGetUser',
    body: JSON.stringify({ UserPoolId: app.poolId, Username: 'anyone' }),
    headers: { authorization: 'Bearer let-me-in' },
  });
  expect(response).toMatchObject({ status: 400, body: { __type: 'InvalidSignatureException', message: 'Authorization header is malformed.' } });
});

test('requests signed with unknown credentials are refused and write nothing', async () => {
  const [pools, users] = [await poolCount(), await userCount(app)];
  const pending = await signUpUser(app);
  const email = uniqueEmail('stranger');
  await expect(ctx.t.stranger.send(new CreateUserPoolCommand({ PoolName: 'stranger' }))).rejects.toMatchObject(unrecognized);
  await expect(ctx.t.stranger.send(new AdminCreateUserCommand({ UserPoolId: app.poolId, Username: email }))).rejects.toMatchObject(unrecognized);
  await expect(ctx.t.stranger.send(new AdminConfirmSignUpCommand({ UserPoolId: app.poolId, Username: pending.email }))).rejects.toMatchObject(unrecognized);
  await expect(ctx.t.stranger.send(new CreateUserPoolClientCommand({ UserPoolId: app.poolId, ClientName: 'stranger' }))).rejects.toMatchObject(unrecognized);
  await expect(ctx.t.stranger.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: pending.email }))).rejects.toMatchObject(unrecognized);
  expect(await poolCount()).toBe(pools);
  expect(await userCount(app)).toBe(users + 1);
  expect(await userStatus(pending.email)).toBe('UNCONFIRMED');
  expect(ctx.t.engine.outbox.list({ to: email })).toEqual([]);
});

test('the right access key with the wrong secret is refused', async () => {
  const wrongSecret = sdkClient(ctx.t.engine.endpoint, ctx.t.engine.region, ctx.t.engine.credentials.accessKeyId, 'not-the-secret');
  try {
    await expect(wrongSecret.send(new CreateUserPoolCommand({ PoolName: 'wrong-secret' }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      message: expect.stringMatching(/^The request signature we calculated does not match/),
    });
  } finally {
    wrongSecret.destroy();
  }
});

test('a body changed after signing is refused', async () => {
  const pending = await signUpUser(app);
  const victim = await signUpUser(app, { email: pending.email.replace(/^user/, 'vict') });
  expect(victim.email).toHaveLength(pending.email.length);
  const tampering: CognitoIdentityProviderClient = sdkClient(
    ctx.t.engine.endpoint,
    ctx.t.engine.region,
    ctx.t.engine.credentials.accessKeyId,
    ctx.t.engine.credentials.secretAccessKey,
  );
  // After the SDK has signed, swap the username in the body for another of the same length.
  const tamper: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
    const request = args.request as { body: string | Uint8Array };
    const body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
    request.body = body.replace(pending.email, victim.email);
    return next(args);
  };
  tampering.middlewareStack.addRelativeTo(tamper, { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'tamper' });
  try {
    await expect(tampering.send(new AdminConfirmSignUpCommand({ UserPoolId: app.poolId, Username: pending.email }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
    });
  } finally {
    tampering.destroy();
  }
  expect(await userStatus(victim.email)).toBe('UNCONFIRMED');
  expect(await userStatus(pending.email)).toBe('UNCONFIRMED');
});
