import {
  AdminGetUserCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  App,
  HOUR,
  NEW_PASSWORD,
  appSecretHash,
  confirmedUser,
  createApp,
  latestCode,
  messageCount,
  otherCode,
  passwordSignIn,
  signIn,
  signUpUser,
  signedInUser,
  uniqueEmail,
  useEngine,
} from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const forgot = (username: string, target: App = app) =>
  ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: target.clientId, Username: username, SecretHash: appSecretHash(target, username) }));
const confirmForgot = (username: string, code: string, password = NEW_PASSWORD, target: App = app, hash = appSecretHash(target, username)) =>
  ctx.t.admin.send(
    new ConfirmForgotPasswordCommand({ ClientId: target.clientId, Username: username, ConfirmationCode: code, Password: password, SecretHash: hash }),
  );

const mismatch = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' };
const badCredentials = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

/** The password that works now: exactly one of old and new signs in. */
async function expectPassword(user: { email: string; password: string }, works: string, refused: string): Promise<void> {
  await expect(signIn(app, user.email, works)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  await expect(passwordSignIn(app, user.email, refused)).rejects.toMatchObject(badCredentials);
}

describe('ForgotPassword + ConfirmForgotPassword', () => {
  test('a reset code sets the new password', async () => {
    const user = await confirmedUser(app);
    const { CodeDeliveryDetails } = await forgot(user.email);
    expect(CodeDeliveryDetails).toEqual({ Destination: `${user.email.charAt(0)}***@e***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(ctx.t.engine.outbox.latest(user.email)).toMatchObject({ purpose: 'FORGOT_PASSWORD', code: expect.stringMatching(/^\d{6}$/) });
    await confirmForgot(user.email, latestCode(app, user.email));
    await expectPassword(user, NEW_PASSWORD, user.password);
  });

  test('an unknown user gets plausible delivery details, no mail, and CodeMismatch on confirm', async () => {
    const ghost = uniqueEmail('ghost');
    const { CodeDeliveryDetails } = await forgot(ghost);
    expect(CodeDeliveryDetails).toEqual({ Destination: 'g***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(messageCount(app, ghost)).toBe(0);
    await expect(confirmForgot(ghost, '123456')).rejects.toMatchObject(mismatch);
  });

  test('confirming for a user who asked for no code answers exactly as for an unknown user', async () => {
    const user = await confirmedUser(app);
    const known = await confirmForgot(user.email, '123456').catch((e: unknown) => e);
    const unknown = await confirmForgot(uniqueEmail('ghost'), '123456').catch((e: unknown) => e);
    expect(known).toMatchObject({ ...mismatch, $metadata: { httpStatusCode: 400 } });
    expect(unknown).toMatchObject({ ...mismatch, $metadata: { httpStatusCode: 400 } });
    await expectPassword(user, user.password, NEW_PASSWORD);
  });

  test('after the hour, only the holder of the right code learns that it expired', async () => {
    const user = await confirmedUser(app);
    await forgot(user.email);
    ctx.clock.advance(HOUR);
    await expect(confirmForgot(user.email, otherCode(latestCode(app, user.email)))).rejects.toMatchObject(mismatch);
  });

  test('a user whose email is not verified gets the same plausible answer and no code', async () => {
    const user = await signUpUser(app);
    const before = messageCount(app, user.email);
    expect((await forgot(user.email)).CodeDeliveryDetails).toEqual({ Destination: `${user.email.charAt(0)}***@e***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(messageCount(app, user.email)).toBe(before);
  });

  test('a wrong code is refused and changes nothing', async () => {
    const user = await confirmedUser(app);
    await forgot(user.email);
    await expect(confirmForgot(user.email, otherCode(latestCode(app, user.email)))).rejects.toMatchObject(mismatch);
    await expectPassword(user, user.password, NEW_PASSWORD);
  });

  test('a reset code expires after 1 hour', async () => {
    const user = await confirmedUser(app);
    await forgot(user.email);
    ctx.clock.advance(HOUR);
    await expect(confirmForgot(user.email, latestCode(app, user.email))).rejects.toMatchObject({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
    await expectPassword(user, user.password, NEW_PASSWORD);
  });

  test('a reset code works once', async () => {
    const user = await confirmedUser(app);
    await forgot(user.email);
    const code = latestCode(app, user.email);
    await confirmForgot(user.email, code);
    await expect(confirmForgot(user.email, code, 'Third-password-3')).rejects.toMatchObject(mismatch);
    await expectPassword(user, NEW_PASSWORD, 'Third-password-3');
  });

  test('a new code replaces the old one', async () => {
    const user = await confirmedUser(app);
    await forgot(user.email);
    const first = latestCode(app, user.email);
    await forgot(user.email);
    const second = latestCode(app, user.email);
    // Codes are random six digits; in the one-in-a-million case they coincide there is no old code to refuse.
    if (first !== second) await expect(confirmForgot(user.email, first)).rejects.toMatchObject(mismatch);
    await confirmForgot(user.email, second);
    await expectPassword(user, NEW_PASSWORD, user.password);
  });

  test('after 5 wrong codes the right one is refused with LimitExceeded', async () => {
    const user = await confirmedUser(app);
    await forgot(user.email);
    const code = latestCode(app, user.email);
    for (let i = 0; i < 5; i++) await expect(confirmForgot(user.email, otherCode(code))).rejects.toMatchObject(mismatch);
    await expect(confirmForgot(user.email, code)).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    await expectPassword(user, user.password, NEW_PASSWORD);
  });

  test('a weak password is refused before the code is spent', async () => {
    const user = await confirmedUser(app);
    await forgot(user.email);
    const code = latestCode(app, user.email);
    await expect(confirmForgot(user.email, code, 'weakpassword')).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters; Password must have numeric characters; Password must have symbol characters',
    });
    await confirmForgot(user.email, code);
    await expectPassword(user, NEW_PASSWORD, user.password);
  });

  test('with a client secret both calls need the SecretHash', async () => {
    const secret = await createApp(ctx.t, {}, { GenerateSecret: true });
    const user = await confirmedUser(secret);
    await expect(ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: secret.clientId, Username: user.email }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${secret.clientId} is configured with secret but SECRET_HASH was not received`,
    });
    await forgot(user.email, secret);
    const code = latestCode(secret, user.email);
    await expect(confirmForgot(user.email, code, NEW_PASSWORD, secret, 'd3Jvbmc=')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${secret.clientId}`,
    });
    await confirmForgot(user.email, code, NEW_PASSWORD, secret);
    await expect(signIn(secret, user.email, NEW_PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  });
});

describe('ChangePassword', () => {
  const change = (accessToken: string, previous: string, proposed: string) =>
    ctx.t.admin.send(new ChangePasswordCommand({ AccessToken: accessToken, PreviousPassword: previous, ProposedPassword: proposed }));

  test('changes the password when the previous one is right', async () => {
    const user = await signedInUser(app);
    await expect(change(user.tokens.AccessToken, user.password, NEW_PASSWORD)).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
    await expectPassword(user, NEW_PASSWORD, user.password);
    const got = await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }));
    expect(got.UserStatus).toBe('CONFIRMED');
  });

  test('refuses a wrong previous password and a weak proposal, changing nothing', async () => {
    const user = await signedInUser(app);
    await expect(change(user.tokens.AccessToken, 'Wrong-password-1', NEW_PASSWORD)).rejects.toMatchObject(badCredentials);
    await expect(change(user.tokens.AccessToken, user.password, 'short')).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: expect.stringMatching(/^Password did not conform with policy: Password not long enough/),
    });
    await expectPassword(user, user.password, NEW_PASSWORD);
  });

  test('two changes racing from the same previous password: only the one that took effect reports success', async () => {
    const user = await signedInUser(app);
    const proposals = ['Racing-first-1', 'Racing-second-2'];
    const results = await Promise.allSettled(proposals.map((p) => change(user.tokens.AccessToken, user.password, p)));
    const succeeded = proposals.filter((_, i) => results[i].status === 'fulfilled');
    expect(succeeded).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toMatchObject(badCredentials);
    const winner = succeeded[0];
    await expect(signIn(app, user.email, winner)).resolves.toMatchObject({ AccessToken: expect.any(String) });
    for (const other of [user.password, ...proposals.filter((p) => p !== winner)]) {
      await expect(passwordSignIn(app, user.email, other)).rejects.toMatchObject(badCredentials);
    }
  });

  test('refuses a bad access token', async () => {
    const user = await signedInUser(app);
    const [header, payload] = user.tokens.AccessToken.split('.');
    await expect(change(`${header}.${payload}.c2lnbmF0dXJl`, user.password, NEW_PASSWORD)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
    await expectPassword(user, user.password, NEW_PASSWORD);
  });
});
