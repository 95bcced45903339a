import {
  AdminGetUserCommand,
  ConfirmSignUpCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  App,
  DAY,
  PASSWORD,
  appSecretHash,
  confirmedUser,
  createApp,
  latestCode,
  messageCount,
  otherCode,
  passwordSignIn,
  secretHash,
  signUpUser,
  uniqueEmail,
  useEngine,
  userCount,
} from '../../support/cognito';
import { BUDGET_WINDOW_MS } from '../../../src/local/cognito/domain/budgets';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const confirm = (target: App, username: string, code: string, hash?: string) =>
  target.t.admin.send(new ConfirmSignUpCommand({ ClientId: target.clientId, Username: username, ConfirmationCode: code, SecretHash: hash }));
const status = async (target: App, username: string) =>
  (await target.t.admin.send(new AdminGetUserCommand({ UserPoolId: target.poolId, Username: username }))).UserStatus;

describe('SignUp', () => {
  test('creates an unconfirmed user, sends a code to the email, and counts the user', async () => {
    const before = await userCount(app);
    const user = await signUpUser(app, { attributes: [{ Name: 'custom:plan', Value: 'pro' }] });
    expect(user.signUp.UserConfirmed).toBe(false);
    expect(user.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.signUp.CodeDeliveryDetails).toEqual({ Destination: user.email.charAt(0) + '***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const message = ctx.t.engine.outbox.latest(user.email)!;
    expect(message).toMatchObject({ purpose: 'SIGN_UP', medium: 'EMAIL', poolId: app.poolId });
    expect(message.code).toMatch(/^\d{6}$/);
    expect(message.body).toContain(message.code);
    const got = await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }));
    expect(got.UserStatus).toBe('UNCONFIRMED');
    expect(got.Username).toBe(user.sub);
    expect(got.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: user.email },
        { Name: 'custom:plan', Value: 'pro' },
      ]),
    );
    expect(await userCount(app)).toBe(before + 1);
  });

  test('refuses a second account with the same email, in any case', async () => {
    const user = await signUpUser(app);
    const before = await userCount(app);
    await expect(signUpUser(app, { email: user.email.toUpperCase() })).rejects.toMatchObject({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    expect(await userCount(app)).toBe(before);
  });

  test('refuses a weak password with one clause per broken rule, and creates nothing', async () => {
    const email = uniqueEmail();
    const before = await userCount(app);
    await expect(signUpUser(app, { email, password: 'Ab1!' })).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
    await expect(signUpUser(app, { email, password: 'alllowercase' })).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message:
        'Password did not conform with policy: Password must have uppercase characters; Password must have numeric characters; Password must have symbol characters',
    });
    expect(await userCount(app)).toBe(before);
    expect(messageCount(app, email)).toBe(0);
  });

  test('honours a custom password policy', async () => {
    const relaxed = await createApp(ctx.t, { Policies: { PasswordPolicy: { MinimumLength: 6, RequireSymbols: false, RequireUppercase: false } } });
    await expect(signUpUser(relaxed, { password: 'abc12' })).rejects.toMatchObject({ message: 'Password did not conform with policy: Password not long enough' });
    await expect(signUpUser(relaxed, { password: 'abc123' })).resolves.toMatchObject({ sub: expect.any(String) });
  });

  test('refuses bad usernames and attributes', async () => {
    await expect(signUpUser(app, { email: 'not-an-email' })).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Username should be an email.' });
    await expect(signUpUser(app, { attributes: [{ Name: 'custom:nope', Value: 'x' }] })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.',
    });
    await expect(signUpUser(app, { attributes: [{ Name: 'email_verified', Value: 'true' }] })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  test('is refused for an unknown client and in admin-only pools', async () => {
    await expect(
      ctx.t.admin.send(new SignUpCommand({ ClientId: 'nosuchclient', Username: uniqueEmail(), Password: PASSWORD })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
    const closed = await createApp(ctx.t, { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    await expect(signUpUser(closed)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'SignUp is not permitted for this user pool' });
    expect(await userCount(closed)).toBe(0);
  });

  test('with a client secret: needs the right SecretHash', async () => {
    const secret = await createApp(ctx.t, {}, { GenerateSecret: true });
    const email = uniqueEmail();
    const send = (hash?: string) => ctx.t.admin.send(new SignUpCommand({ ClientId: secret.clientId, Username: email, Password: PASSWORD, SecretHash: hash }));
    await expect(send()).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${secret.clientId} is configured with secret but SECRET_HASH was not received`,
    });
    await expect(send(secretHash('wrong-secret', email, secret.clientId))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${secret.clientId}`,
    });
    expect(await userCount(secret)).toBe(0);
    await expect(send(secretHash(secret.clientSecret!, email, secret.clientId))).resolves.toMatchObject({ UserConfirmed: false });
    await expect(confirm(secret, email, latestCode(secret, email), 'bad')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await confirm(secret, email, latestCode(secret, email), appSecretHash(secret, email));
    expect(await status(secret, email)).toBe('CONFIRMED');
  });
});

describe('ConfirmSignUp', () => {
  test('confirms the user and verifies the email; the user can then sign in', async () => {
    const user = await confirmedUser(app);
    const got = await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }));
    expect(got.UserStatus).toBe('CONFIRMED');
    expect(got.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }]));
    expect((await passwordSignIn(app, user.email, user.password)).AuthenticationResult?.AccessToken).toBeDefined();
  });

  test('refuses a wrong code and leaves the user unconfirmed', async () => {
    const user = await signUpUser(app);
    await expect(confirm(app, user.email, otherCode(latestCode(app, user.email)))).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    expect(await status(app, user.email)).toBe('UNCONFIRMED');
  });

  test('refuses a code after 24 hours', async () => {
    const user = await signUpUser(app);
    const code = latestCode(app, user.email);
    ctx.clock.advance(DAY);
    await expect(confirm(app, user.email, code)).rejects.toMatchObject({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
    expect(await status(app, user.email)).toBe('UNCONFIRMED');
  });

  test('a code just inside 24 hours still works', async () => {
    const user = await signUpUser(app);
    ctx.clock.advance(DAY - 1000);
    await confirm(app, user.email, latestCode(app, user.email));
    expect(await status(app, user.email)).toBe('CONFIRMED');
  });

  test('a code works once', async () => {
    const user = await signUpUser(app);
    const code = latestCode(app, user.email);
    await confirm(app, user.email, code);
    await expect(confirm(app, user.email, code)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
  });

  test('after 5 wrong codes even the right one is refused with LimitExceeded', async () => {
    const user = await signUpUser(app);
    const code = latestCode(app, user.email);
    for (let i = 0; i < 5; i++) {
      await expect(confirm(app, user.email, otherCode(code))).rejects.toMatchObject({ name: 'CodeMismatchException' });
    }
    await expect(confirm(app, user.email, code)).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    expect(await status(app, user.email)).toBe('UNCONFIRMED');
    // A new code brings no new allowance (the budget is the account's); the next window does.
    await ctx.t.admin.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: user.email }));
    await expect(confirm(app, user.email, latestCode(app, user.email))).rejects.toMatchObject({ name: 'LimitExceededException' });
    ctx.clock.advance(BUDGET_WINDOW_MS);
    await confirm(app, user.email, latestCode(app, user.email));
    expect(await status(app, user.email)).toBe('CONFIRMED');
  });

  test('an unknown user gets the same answer as a wrong code', async () => {
    await expect(confirm(app, uniqueEmail('ghost'), '123456')).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
  });
});

describe('ResendConfirmationCode', () => {
  const resend = (username: string) => ctx.t.admin.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: username }));

  test('sends a new code that replaces the old one', async () => {
    const user = await signUpUser(app);
    const first = latestCode(app, user.email);
    const resent = await resend(user.email);
    expect(resent.CodeDeliveryDetails).toEqual(user.signUp.CodeDeliveryDetails);
    expect(messageCount(app, user.email)).toBe(2);
    const second = latestCode(app, user.email);
    // Codes are random six digits; in the one-in-a-million case they coincide there is no old code to refuse.
    if (second !== first) {
      await expect(confirm(app, user.email, first)).rejects.toMatchObject({ name: 'CodeMismatchException' });
    }
    await confirm(app, user.email, second);
    expect(await status(app, user.email)).toBe('CONFIRMED');
  });

  test('answers an unknown user with plausible delivery details and sends nothing', async () => {
    const ghost = uniqueEmail('ghost');
    const known = await signUpUser(app, { email: ghost.replace('ghost', 'gknown') });
    const answer = await resend(ghost);
    expect(answer.CodeDeliveryDetails).toEqual({ Destination: 'g***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(answer.CodeDeliveryDetails).toEqual((await resend(known.email)).CodeDeliveryDetails);
    expect(messageCount(app, ghost)).toBe(0);
  });

  test('refuses an already confirmed user', async () => {
    const user = await confirmedUser(app);
    await expect(resend(user.email)).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'User is already confirmed.' });
  });
});
