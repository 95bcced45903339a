/**
 * What the API writes to its log, at LOG_LEVEL=debug, through a whole account lifecycle and its
 * failures: never a password, a code, a token or the API key. And an unexpected failure (Cognito
 * unreachable) in production: a generic error for the client, a clean line in the log.
 */
import * as ops from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectError, expectNoInternals } from '../support/expect';
import { NEW_PASSWORD, PASSWORD, signedUpUser, signIn, uniqueEmail, wrongCode } from '../support/users';

describe('a whole lifecycle at LOG_LEVEL=debug', () => {
  const lines: string[] = [];
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ log: (line) => lines.push(line) });
  });
  afterAll(() => t.stop());

  test('logs its requests, and none of the secrets that passed through them', async () => {
    const key = { apiKey: API_KEY };
    const secrets: string[] = [API_KEY, PASSWORD, NEW_PASSWORD];
    const user = await signedUpUser(t, uniqueEmail('logged'));
    secrets.push(user.accessToken, user.idToken, user.refreshToken);

    await t.gql(ops.SignInDocument, { input: { username: user.email, password: 'Wrong-Passw0rd!' } }, key);
    secrets.push('Wrong-Passw0rd!');
    await t.gql(ops.SignUpDocument, { input: { username: uniqueEmail('logged-bad'), password: PASSWORD, admin: true } as unknown as ops.SignUpInput }, key);
    await t.gql(ops.UpdateMyAttributesDocument, { input: { givenName: 'Ada' } }, { token: user.accessToken });
    await t.gql(ops.ChangePasswordDocument, { input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } }, { token: user.accessToken });
    await t.gql(ops.ResetPasswordDocument, { input: { username: user.email } }, key);
    const code = t.codeFor(user.email);
    secrets.push(code, wrongCode(code));
    await t.gql(ops.ConfirmResetPasswordDocument, { input: { username: user.email, code: wrongCode(code), newPassword: PASSWORD } }, key);
    await t.gql(ops.ConfirmResetPasswordDocument, { input: { username: user.email, code, newPassword: PASSWORD } }, key);
    const session = (await signIn(t, user.email)).data!.signIn!.tokens!;
    secrets.push(session.accessToken, session.refreshToken!);
    await t.gql(ops.SignOutDocument, { input: { refreshToken: session.refreshToken! } }, { token: session.accessToken });
    await t.gql(ops.MeDocument, {}, { token: session.accessToken }); // 401 now

    expect(lines.filter((line) => JSON.parse(line).message === 'graphql request').length).toBeGreaterThanOrEqual(12);
    const log = lines.join('');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});

describe('Cognito unreachable, in production', () => {
  const lines: string[] = [];
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ production: true, log: (line) => lines.push(line) });
  });
  afterAll(() => t.stop());

  test('the client gets a generic INTERNAL_SERVER_ERROR; the log names the call, not the password', async () => {
    const email = uniqueEmail('unreachable');
    await t.world.engine.close();
    const response = await signIn(t, email);
    expectError(response, 'signIn', 'INTERNAL_SERVER_ERROR', 'Something went wrong. Please try again.');
    expectNoInternals(response);
    const failures = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.level === 'error');
    expect(failures).toEqual([expect.objectContaining({ message: 'cognito call failed', operation: 'InitiateAuth' })]);
    expect(lines.join('')).not.toContain(PASSWORD);
  });
});
