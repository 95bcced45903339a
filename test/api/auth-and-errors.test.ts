/**
 * Who may call what (AppSync's rules: 401 for a missing or bad credential, a null field and an
 * Unauthorized error for a caller outside a field's rule), and what errors may never contain.
 */
import {
  AdminConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getIntrospectionQuery } from 'graphql';
import { ManualClock } from '../../src/local/cognito/clock';
import * as ops from '../generated/graphql';
import { withEngineSdk } from '../support/admin';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectDenied, expectNoInternals, expectUnauthenticated } from '../support/expect';
import { claimsOf, HOUR, messagesTo, NEW_PASSWORD, PASSWORD, signedUpUser, SignedInUser, signIn, uniqueEmail } from '../support/users';

let t: TestApi;
let user: SignedInUser;
beforeAll(async () => {
  t = await startTestApi();
  user = await signedUpUser(t, uniqueEmail('caller'));
});
afterAll(() => t.stop());

const BAD_API_KEY = 'You are not authorized to make this call.';
const me = (credentials: { token?: string; apiKey?: string; headers?: Record<string, string> }) => t.gql(ops.MeDocument, {}, credentials);

interface Call {
  field: string;
  document: TypedDocumentNode<unknown, never>;
  variables: (target: string) => unknown;
}
const call = <T, V>(field: string, document: TypedDocumentNode<T, V>, variables: (target: string) => V): Call =>
  ({ field, document, variables }) as unknown as Call;

/** @aws_api_key only: public lifecycle operations. */
const PUBLIC: Call[] = [
  call('signUp', ops.SignUpDocument, (email) => ({ input: { username: email, password: PASSWORD } })),
  call('confirmSignUp', ops.ConfirmSignUpDocument, (email) => ({ input: { username: email, code: '123456' } })),
  call('resendSignUpCode', ops.ResendSignUpCodeDocument, (email) => ({ input: { username: email } })),
  call('resetPassword', ops.ResetPasswordDocument, (email) => ({ input: { username: email } })),
  call('confirmResetPassword', ops.ConfirmResetPasswordDocument, (email) => ({ input: { username: email, code: '123456', newPassword: NEW_PASSWORD } })),
  call('signIn', ops.SignInDocument, (email) => ({ input: { username: email, password: PASSWORD } })),
  call('confirmSignIn', ops.ConfirmSignInDocument, () => ({ input: { session: 'session', challengeResponse: NEW_PASSWORD } })),
  call('refreshSession', ops.RefreshSessionDocument, () => ({ input: { refreshToken: 'token' } })),
];

/** @aws_cognito_user_pools only: the signed-in user's own operations. */
const SIGNED_IN: Call[] = [
  call('updateMyAttributes', ops.UpdateMyAttributesDocument, () => ({ input: { name: 'Changed' } })),
  call('sendAttributeVerificationCode', ops.SendAttributeVerificationCodeDocument, () => ({ attribute: 'EMAIL' as const })),
  call('confirmAttribute', ops.ConfirmAttributeDocument, () => ({ input: { attribute: 'EMAIL' as const, code: '123456' } })),
  call('changePassword', ops.ChangePasswordDocument, () => ({ input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } })),
  call('deleteMyAccount', ops.DeleteMyAccountDocument, () => ({})),
  call('signOut', ops.SignOutDocument, () => ({ input: { refreshToken: user.refreshToken } })),
  call('globalSignOut', ops.GlobalSignOutDocument, () => ({})),
];

/** The signed-in user is exactly as before: same record, same password, same session. */
async function expectUserUntouched(before: unknown): Promise<void> {
  const now = await me({ token: user.accessToken });
  expect(now.data?.me).toEqual(before);
  expect((await signIn(t, user.email)).data?.signIn?.isSignedIn).toBe(true);
}

describe('missing or bad credentials: HTTP 401 with AppSync body', () => {
  test.each(PUBLIC)('no API key on $field', async ({ document, variables }) => {
    const target = uniqueEmail('no-key');
    expectUnauthenticated(await t.gql(document, variables(target) as never, {}));
    expect(messagesTo(t, target)).toBe(0);
  });

  test('a wrong API key', async () => {
    const target = uniqueEmail('bad-key');
    expectUnauthenticated(await t.gql(ops.SignUpDocument, { input: { username: target, password: PASSWORD } }, { apiKey: 'not-the-key' }), BAD_API_KEY);
    expectUnauthenticated(await t.gql(ops.SignInDocument, { input: { username: user.email, password: PASSWORD } }, { apiKey: '' }), BAD_API_KEY);
    expect(messagesTo(t, target)).toBe(0);
  });

  test.each(SIGNED_IN)('no token on $field, and nothing changes', async ({ document, variables }) => {
    const before = (await me({ token: user.accessToken })).data?.me;
    expectUnauthenticated(await t.gql(document, variables(user.email) as never, {}));
    await expectUserUntouched(before);
  });

  test('tokens that are not valid access tokens', async () => {
    expectUnauthenticated(await me({ headers: { authorization: 'Bearer not-a-token' } }));
    expectUnauthenticated(await me({ headers: { authorization: `Bearer ${user.accessToken.slice(0, 40)} ${user.accessToken.slice(40)}` } }));
    expectUnauthenticated(await me({ token: `${user.accessToken.slice(0, -4)}AAAA` })); // bad signature
    expectUnauthenticated(await me({ token: user.idToken })); // an ID token is not an access token
  });

  test('an expired access token', async () => {
    // An engine whose clock is two hours behind issues tokens that expired an hour ago.
    const past = await startTestApi({ clock: new ManualClock(Date.now() - 2 * HOUR) });
    try {
      const stale = await signedUpUser(past, uniqueEmail('expired-token'));
      expect((claimsOf(stale.accessToken).exp as number) * 1000).toBeLessThan(Date.now());
      expectUnauthenticated(await past.gql(ops.MeDocument, {}, { token: stale.accessToken }));
    } finally {
      await past.stop();
    }
  });

  test("a genuine token of the same engine, issued to another app client or by another pool, is refused", async () => {
    await withEngineSdk(t, async (sdk, poolId) => {
      const signInWith = async (clientId: string, email: string) =>
        (await sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } })))
          .AuthenticationResult!.AccessToken!;
      const otherClient = await sdk.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'another-app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
      );
      const foreignClientToken = await signInWith(otherClient.UserPoolClient!.ClientId!, user.email);
      expect(claimsOf(foreignClientToken)).toMatchObject({ sub: user.sub, client_id: otherClient.UserPoolClient!.ClientId });
      expectUnauthenticated(await me({ token: foreignClientToken }));

      const otherPool = await sdk.send(new CreateUserPoolCommand({ PoolName: 'another-pool', UsernameAttributes: ['email'] }));
      const otherPoolId = otherPool.UserPool!.Id!;
      const otherPoolClient = await sdk.send(
        new CreateUserPoolClientCommand({ UserPoolId: otherPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
      );
      const email = uniqueEmail('other-pool');
      await sdk.send(new SignUpCommand({ ClientId: otherPoolClient.UserPoolClient!.ClientId!, Username: email, Password: PASSWORD }));
      await sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: otherPoolId, Username: email }));
      const foreignPoolToken = await signInWith(otherPoolClient.UserPoolClient!.ClientId!, email);
      expect(claimsOf(foreignPoolToken).iss).toBe(`${t.world.engine.endpoint}/${otherPoolId}`);
      expectUnauthenticated(await me({ token: foreignPoolToken }));
    });
    // The caller's own token is still fine.
    expect((await me({ token: user.accessToken })).data?.me?.sub).toBe(user.sub);
  });

  test('answers are marked no-store, so no shared cache keeps a token or a profile', async () => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: user.accessToken },
      body: JSON.stringify({ query: '{ me { sub } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('a valid token is accepted raw or as Bearer', async () => {
    expect((await me({ headers: { authorization: user.accessToken } })).data?.me?.sub).toBe(user.sub);
    expect((await me({ token: user.accessToken })).data?.me?.sub).toBe(user.sub);
  });
});

describe('callers outside a field rule: HTTP 200, the field null, Unauthorized', () => {
  test('an API-key caller on me', async () => {
    const response = await me({ apiKey: API_KEY });
    expectDenied(response, 'me', 'Query');
    expect(response.data).toEqual({ me: null });
  });

  test.each(SIGNED_IN)('an API-key caller on $field, and nothing changes', async ({ field, document, variables }) => {
    const before = (await me({ token: user.accessToken })).data?.me;
    expectDenied(await t.gql(document, variables(user.email) as never, { apiKey: API_KEY }), field, 'Mutation');
    await expectUserUntouched(before);
  });

  test.each(PUBLIC)('a signed-in caller on $field, and nothing is sent or created', async ({ field, document, variables }) => {
    const target = uniqueEmail('cognito-caller');
    expectDenied(await t.gql(document, variables(target) as never, { token: user.accessToken }), field, 'Mutation');
    expect(messagesTo(t, target)).toBe(0);
    // The address was not registered: the API-key caller can still sign it up.
    const signUp = await t.gql(ops.SignUpDocument, { input: { username: target, password: PASSWORD } }, { apiKey: API_KEY });
    expect(signUp.data?.signUp?.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
  });
});

describe('errors carry no internals', () => {
  test('a syntax error', async () => {
    const response = await t.raw({ query: 'mutation { signIn(' }, { apiKey: API_KEY });
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expectNoInternals(response);
  });

  test('a field that does not exist', async () => {
    const response = await t.raw({ query: '{ me { passwordHash } }' }, { token: user.accessToken });
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoInternals(response);
  });

  test('a body that is not JSON', async () => {
    const response = await t.raw('{"query": ', { apiKey: API_KEY });
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([{ message: 'Request body is not valid JSON.', errorType: 'MalformedHttpRequestException', extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  test('a body over the size limit', async () => {
    const response = await t.raw({ query: `{ me { sub } } # ${'x'.repeat(70 * 1024)}` }, { token: user.accessToken });
    expect(response.status).toBe(413);
    expect(response.errors).toEqual([{ message: 'Request body is too large.', errorType: 'PayloadTooLarge', extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  test('an engine failure with its own message (a wrong old password)', async () => {
    const response = await t.gql(ops.ChangePasswordDocument, { input: { oldPassword: 'Wr0ng-Passw0rd!', newPassword: NEW_PASSWORD } }, { token: user.accessToken });
    expect(response.errors?.[0].extensions?.code).toBe('NOT_AUTHORIZED');
    expectNoInternals(response);
  });
});

describe('introspection', () => {
  test('is open in development (the playground needs it)', async () => {
    const response = (await t.raw({ query: getIntrospectionQuery() }, {})) as { status: number; data?: { __schema?: unknown } };
    expect(response.status).toBe(200);
    expect(response.data?.__schema).toBeDefined();
  });

  describe('in production', () => {
    let prod: TestApi;
    beforeAll(async () => {
      prod = await startTestApi({ production: true });
    });
    afterAll(() => prod.stop());

    test('is refused without credentials (401) and with the API key (validation error)', async () => {
      expectUnauthenticated(await prod.raw({ query: getIntrospectionQuery() }, {}));
      const withKey = await prod.raw({ query: '{ __schema { types { name } } }' }, { apiKey: API_KEY });
      expect(withKey.status).toBe(400);
      expect(withKey.data ?? null).toBeNull();
      expect(withKey.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(withKey.errors?.[0].message).toMatch(/introspection/i);
      expectNoInternals(withKey);
    });

    test('errors are the same clean errors', async () => {
      const response = await prod.gql(ops.SignInDocument, { input: { username: uniqueEmail('prod'), password: PASSWORD } }, { apiKey: API_KEY });
      expect(response.errors?.[0]).toMatchObject({ message: 'Incorrect username or password.', extensions: { code: 'NOT_AUTHORIZED' } });
      expectNoInternals(response);
    });
  });
});
