/** PreventUserExistenceErrors: ENABLED (the default) hides unknown users; LEGACY reveals them, as in Cognito. */
import {
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, confirmedUser, createApp, PASSWORD, signUpUser, uniqueEmail, useEngine } from '../../support/cognito';
import { defaultClient } from '../../support/engine';
import { srpSignIn } from '../../support/srp';

const ctx = useEngine();
let legacy: App;
let enabled: App;
beforeAll(async () => {
  legacy = await createApp(ctx.t, {}, { PreventUserExistenceErrors: 'LEGACY' });
  enabled = await createApp(
    ctx.t,
    { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } } },
    { ExplicitAuthFlows: [...defaultClient.ExplicitAuthFlows!, 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH'] },
  );
});

const signIn = (app: App, username: string, password: string) =>
  app.t.admin.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }));

const calls = (app: App, username: string) => ({
  InitiateAuth: () => signIn(app, username, PASSWORD),
  'InitiateAuth with a wrong password': () => signIn(app, username, 'Wrong-Passw0rd!'),
  // Both round trips of USER_SRP_AUTH: the PASSWORD_VERIFIER challenge, then a proof made with a wrong password.
  'USER_SRP_AUTH with a wrong password': () => srpSignIn(app, username, 'Wrong-Passw0rd!', { at: ctx.clock.now() }),
  // Passwordless: USER_AUTH's EMAIL_OTP (a code sent, or not), then a wrong code.
  'USER_AUTH EMAIL_OTP with a wrong code': async () => {
    const challenge = await app.t.admin.send(
      new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }),
    );
    return app.t.admin.send(
      new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'EMAIL_OTP', Session: challenge.Session, ChallengeResponses: { USERNAME: username, EMAIL_OTP_CODE: '000000' } }),
    );
  },
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

describe('ENABLED: 10 tries on a known name and on an unknown one get the same answers in the same order, at the same store work', () => {
  /** What a caller sees: the delivery details, or the exception's name and message. */
  type Answer = { delivery: unknown } | { name: string; message: string };
  /** The DynamoDB operations one call makes, sorted (the work its timing reflects). */
  type Work = string[];

  async function observe(call: () => Promise<unknown>): Promise<{ answer: Answer; work: Work }> {
    const work: Work = [];
    const stop = ctx.t.dynamo.observe((operation) => work.push(operation));
    const answer = await call().then(
      (output) => ({ delivery: (output as { CodeDeliveryDetails?: unknown }).CodeDeliveryDetails }),
      (error: Error) => ({ name: error.name, message: error.message }),
    );
    stop();
    return { answer, work: work.sort() };
  }

  const LIMIT = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' };
  const WRONG_CODE = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' };
  const cases = [
    ['InitiateAuth with a wrong password', { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }, { name: 'NotAuthorizedException', message: 'Password attempts exceeded' }],
    ['USER_SRP_AUTH with a wrong password', { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }, { name: 'NotAuthorizedException', message: 'Password attempts exceeded' }],
    ['USER_AUTH EMAIL_OTP with a wrong code', { name: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' }, LIMIT],
    ['ForgotPassword', { delivery: { Destination: 't***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } }, LIMIT],
    ['ResendConfirmationCode', { delivery: { Destination: 't***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } }, LIMIT],
    ['ConfirmSignUp', WRONG_CODE, LIMIT],
    ['ConfirmForgotPassword', WRONG_CODE, LIMIT],
  ] as const;

  test.each(cases)('%s', async (operation, first5, after) => {
    // A known user in the state the operation expects, with a code outstanding where one is
    // checked; both names start with "t", so even the masked destinations are alike.
    const pending = operation === 'ResendConfirmationCode' || operation === 'ConfirmSignUp';
    const known = pending ? await signUpUser(enabled, { email: uniqueEmail('twin') }) : await confirmedUser(enabled, { email: uniqueEmail('twin') });
    const unknown = uniqueEmail('twin-ghost');
    if (operation === 'ConfirmForgotPassword') {
      await calls(enabled, known.email).ForgotPassword();
      await calls(enabled, unknown).ForgotPassword();
    }
    const tries: { known: Answer; unknown: Answer }[] = [];
    for (let i = 1; i <= 10; i++) {
      const k = await observe(calls(enabled, known.email)[operation]);
      const u = await observe(calls(enabled, unknown)[operation]);
      expect(k.work.length).toBeGreaterThan(0);
      expect({ try: i, work: u.work }).toEqual({ try: i, work: k.work });
      tries.push({ known: k.answer, unknown: u.answer });
    }
    expect(tries.map((t) => t.unknown)).toEqual(tries.map((t) => t.known));
    // Five go through (or are refused on their merits), then the limit or the lock.
    expect(tries.map((t) => t.known)).toEqual([...Array(5).fill(first5), ...Array(5).fill(after)]);
  });
});
