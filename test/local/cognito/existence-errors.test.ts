/** PreventUserExistenceErrors: ENABLED (the default) hides unknown users; LEGACY reveals them, as in Cognito. */
import {
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, confirmedUser, createApp, PASSWORD, signUpUser, uniqueEmail, useEngine } from '../../support/cognito';

const ctx = useEngine();
let legacy: App;
let enabled: App;
beforeAll(async () => {
  legacy = await createApp(ctx.t, {}, { PreventUserExistenceErrors: 'LEGACY' });
  enabled = await createApp(ctx.t);
});

const signIn = (app: App, username: string, password: string) =>
  app.t.admin.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }));

const calls = (app: App, username: string) => ({
  InitiateAuth: () => signIn(app, username, PASSWORD),
  'InitiateAuth with a wrong password': () => signIn(app, username, 'Wrong-Passw0rd!'),
  ForgotPassword: () => app.t.admin.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: username })),
  ResendConfirmationCode: () => app.t.admin.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: username })),
  ConfirmSignUp: () => app.t.admin.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: '123456' })),
  ConfirmForgotPassword: () =>
    app.t.admin.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: '123456', Password: PASSWORD })),
});

test.each(['InitiateAuth', 'ForgotPassword', 'ResendConfirmationCode', 'ConfirmSignUp', 'ConfirmForgotPassword'] as const)(
  'LEGACY: %s for an unknown user answers UserNotFoundException',
  async (operation) => {
    await expect(calls(legacy, uniqueEmail('ghost'))[operation]()).rejects.toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
  },
);

test('ENABLED: the same calls give the enumeration-safe answers', async () => {
  const call = calls(enabled, uniqueEmail('ghost'));
  await expect(call.InitiateAuth()).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  await expect(call.ForgotPassword()).resolves.toMatchObject({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } });
  await expect(call.ResendConfirmationCode()).resolves.toMatchObject({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } });
  await expect(call.ConfirmSignUp()).rejects.toMatchObject({ name: 'CodeMismatchException' });
  await expect(call.ConfirmForgotPassword()).rejects.toMatchObject({ name: 'CodeMismatchException' });
});

describe('ENABLED: an unknown user costs the same store work as a known one', () => {
  /** The DynamoDB operations one call makes, sorted (the work its timing reflects). */
  async function storeWork(call: () => Promise<unknown>): Promise<string[]> {
    const operations: string[] = [];
    const stop = ctx.t.dynamo.observe((operation) => operations.push(operation));
    await call().catch(() => undefined);
    stop();
    return operations.sort();
  }

  test.each(['InitiateAuth with a wrong password', 'ForgotPassword', 'ResendConfirmationCode', 'ConfirmSignUp', 'ConfirmForgotPassword'] as const)('%s', async (operation) => {
    // A known user in the state the operation expects, with a code outstanding where one is checked.
    const known = operation === 'ResendConfirmationCode' || operation === 'ConfirmSignUp' ? await signUpUser(enabled) : await confirmedUser(enabled);
    if (operation === 'ConfirmForgotPassword') await calls(enabled, known.email).ForgotPassword();
    const knownWork = await storeWork(calls(enabled, known.email)[operation]);
    const unknownWork = await storeWork(calls(enabled, uniqueEmail('ghost'))[operation]);
    expect(knownWork.length).toBeGreaterThan(0);
    expect(unknownWork).toEqual(knownWork);
  });
});
