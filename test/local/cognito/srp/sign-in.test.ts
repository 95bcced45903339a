/**
 * USER_SRP_AUTH through the SDK, with amazon-cognito-identity-js's AuthenticationHelper as the
 * client: the two round trips, the verifier kept at every point that sets a password, users from
 * before SRP, the TIMESTAMP, the lockout, sessions, and unknown names.
 */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  CreateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, MINUTE, NEW_PASSWORD, confirmedUser, createApp, decodeJwt, latestCode, passwordSignIn, signedInUser, uniqueEmail, useEngine } from '../../../support/cognito';
import { SrpClient, srpSignIn, startSrp, timestampAt } from '../../../support/srp';

const ctx = useEngine();
const SRP_CLIENT = { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } satisfies Partial<CreateUserPoolClientCommandInput>;
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t, {}, SRP_CLIENT);
});

const signIn = (username: string, password: string, options: { responses?: Record<string, string>; at?: number } = {}) =>
  srpSignIn(app, username, password, { at: ctx.clock.now(), ...options });
const badCredentials = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const locked = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' };
const sessionExpired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };

test('signs in with the password proven, never sent: PASSWORD_VERIFIER, then tokens', async () => {
  const user = await confirmedUser(app);
  const { challenge } = await startSrp(app, user.email);
  expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
  expect(challenge.ChallengeParameters).toEqual({
    USER_ID_FOR_SRP: user.sub,
    USERNAME: user.sub,
    SALT: expect.stringMatching(/^[0-9a-f]+$/),
    SRP_B: expect.stringMatching(/^[0-9a-f]{700,}$/),
    SECRET_BLOCK: expect.any(String),
  });
  const { AuthenticationResult } = await signIn(user.email, user.password);
  expect(decodeJwt(AuthenticationResult!.AccessToken!).payload).toMatchObject({ sub: user.sub, token_use: 'access' });
  expect(AuthenticationResult!.RefreshToken).toEqual(expect.any(String));
});

test('a client that does not allow it answers USER_SRP_AUTH flow not enabled', async () => {
  const other = await createApp(ctx.t);
  await expect(startSrp(other, uniqueEmail())).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'USER_SRP_AUTH flow not enabled for this client' });
});

test('SRP_A that is not a valid value is InvalidParameterException', async () => {
  const send = (SRP_A: string) =>
    ctx.t.admin.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: uniqueEmail(), SRP_A } }));
  await expect(send('0')).rejects.toMatchObject({ name: 'InvalidParameterException' });
  await expect(send('not-hex')).rejects.toMatchObject({ name: 'InvalidParameterException' });
});

test('a wrong password is the wrong-password answer, and SRP failures count in the same lockout as typed ones', async () => {
  const user = await confirmedUser(app);
  for (let i = 0; i < 3; i++) await expect(signIn(user.email, 'Wrong-password-1')).rejects.toMatchObject(badCredentials);
  for (let i = 0; i < 2; i++) await expect(passwordSignIn(app, user.email, 'Wrong-password-1')).rejects.toMatchObject(badCredentials);
  await expect(signIn(user.email, user.password)).rejects.toMatchObject(locked);
  await expect(passwordSignIn(app, user.email, user.password)).rejects.toMatchObject(locked);
  ctx.clock.advance(1000);
  await expect(signIn(user.email, user.password)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
});

test('~10 parallel wrong SRP proofs: at most 5 are evaluated, the rest are locked out', async () => {
  const user = await confirmedUser(app);
  const results = await Promise.allSettled(Array.from({ length: 10 }, () => signIn(user.email, 'Wrong-password-1')));
  const messages = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'signed in'));
  expect(messages.filter((m) => m === badCredentials.message).length).toBeLessThanOrEqual(5);
  expect(messages.filter((m) => m === badCredentials.message || m === locked.message)).toHaveLength(10);
});

describe('the verifier follows the password wherever it is set', () => {
  test('ChangePassword', async () => {
    const user = await signedInUser(app);
    await ctx.t.admin.send(new ChangePasswordCommand({ AccessToken: user.tokens.AccessToken, PreviousPassword: user.password, ProposedPassword: NEW_PASSWORD }));
    await expect(signIn(user.email, NEW_PASSWORD)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
    await expect(signIn(user.email, user.password)).rejects.toMatchObject(badCredentials);
  });

  test('ConfirmForgotPassword', async () => {
    const user = await confirmedUser(app);
    await ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: user.email }));
    await ctx.t.admin.send(
      new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: user.email, ConfirmationCode: latestCode(app, user.email), Password: NEW_PASSWORD }),
    );
    await expect(signIn(user.email, NEW_PASSWORD)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });

  test('AdminSetUserPassword (permanent)', async () => {
    const user = await confirmedUser(app);
    await ctx.t.admin.send(new AdminSetUserPasswordCommand({ UserPoolId: app.poolId, Username: user.email, Password: NEW_PASSWORD, Permanent: true }));
    await expect(signIn(user.email, NEW_PASSWORD)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });

  test('AdminCreateUser and NEW_PASSWORD_REQUIRED: the temporary password by SRP, then the new one', async () => {
    const email = uniqueEmail('invited');
    await ctx.t.admin.send(
      new AdminCreateUserCommand({ UserPoolId: app.poolId, Username: email, TemporaryPassword: 'Temporary-pass-1', MessageAction: 'SUPPRESS' }),
    );
    const challenge = await signIn(email, 'Temporary-pass-1');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const done = await ctx.t.admin.send(
      new RespondToAuthChallengeCommand({
        ClientId: app.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USER_ID_FOR_SRP, NEW_PASSWORD },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    await expect(signIn(email, NEW_PASSWORD)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });
});

test('a user from before SRP has no verifier: SRP fails as a wrong password until a password sign-in adds one', async () => {
  const user = await confirmedUser(app);
  const stored = (await ctx.t.engine.services.users.get(app.poolId, user.sub))!;
  await ctx.t.engine.services.users.update(app.poolId, stored.usernameKey, { remove: ['srpSalt', 'srpVerifier'] });
  const first = await startSrp(app, user.email);
  const again = await startSrp(app, user.email);
  expect(again.challenge.ChallengeParameters!.SALT).toBe(first.challenge.ChallengeParameters!.SALT);
  await expect(signIn(user.email, user.password)).rejects.toMatchObject(badCredentials);
  await passwordSignIn(app, user.email, user.password);
  expect((await ctx.t.engine.services.users.get(app.poolId, user.sub))!.srpVerifier).toEqual(expect.any(String));
  await expect(signIn(user.email, user.password)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
});

describe('TIMESTAMP', () => {
  test('zero-padded, or far from the clock, is refused before anything is counted', async () => {
    const user = await confirmedUser(app);
    const { client, challenge } = await startSrp(app, user.email);
    const answer = await client.answer(challenge.ChallengeParameters!, user.sub, user.password, ctx.clock.now());
    const respond = (TIMESTAMP: string) =>
      ctx.t.admin.send(
        new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session, ChallengeResponses: { ...answer, TIMESTAMP } }),
      );
    await expect(respond(answer.TIMESTAMP.replace(/ (\d) /, ' 0$1 '))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.',
    });
    await expect(respond(timestampAt(ctx.clock.now() - 6 * MINUTE))).rejects.toMatchObject({ name: 'InvalidParameterException' });
    // Neither spent the Session nor a lockout attempt: the right answer still signs in.
    await expect(respond(answer.TIMESTAMP)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });

  test('a proof signed four minutes ago is still within the window', async () => {
    const user = await confirmedUser(app);
    await expect(signIn(user.email, user.password, { at: ctx.clock.now() - 4 * MINUTE })).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });
});

describe('the Session', () => {
  test('answers once', async () => {
    const user = await confirmedUser(app);
    const { client, challenge } = await startSrp(app, user.email);
    const answer = await client.answer(challenge.ChallengeParameters!, user.sub, user.password, ctx.clock.now());
    const respond = () =>
      ctx.t.admin.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session, ChallengeResponses: answer }));
    await respond();
    await expect(respond()).rejects.toMatchObject(sessionExpired);
  });

  test('expires after the client’s AuthSessionValidity (3 minutes)', async () => {
    const user = await confirmedUser(app);
    const { client, challenge } = await startSrp(app, user.email);
    ctx.clock.advance(3 * MINUTE);
    const answer = await client.answer(challenge.ChallengeParameters!, user.sub, user.password, ctx.clock.now());
    await expect(
      ctx.t.admin.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session, ChallengeResponses: answer })),
    ).rejects.toMatchObject(sessionExpired);
  });

  test('another challenge’s SECRET_BLOCK does not fit', async () => {
    const user = await confirmedUser(app);
    const other = await startSrp(app, user.email);
    await expect(signIn(user.email, user.password, { responses: { PASSWORD_CLAIM_SECRET_BLOCK: other.challenge.ChallengeParameters!.SECRET_BLOCK } })).rejects.toMatchObject(
      badCredentials,
    );
  });
});

describe('a name no user has', () => {
  test('gets a stable salt, a fresh SRP_B, a sub-shaped USER_ID_FOR_SRP, then the wrong-password answer', async () => {
    const name = uniqueEmail('ghost');
    const first = (await startSrp(app, name)).challenge.ChallengeParameters!;
    const second = (await startSrp(app, name)).challenge.ChallengeParameters!;
    expect(Object.keys(first).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(second.SALT).toBe(first.SALT);
    expect(second.USER_ID_FOR_SRP).toBe(first.USER_ID_FOR_SRP);
    expect(first.USER_ID_FOR_SRP).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.SRP_B).not.toBe(first.SRP_B);
    await expect(signIn(name, 'Any-password-1')).rejects.toMatchObject(badCredentials);
  });

  test('with PreventUserExistenceErrors LEGACY: UserNotFoundException at once', async () => {
    const legacy = await createApp(ctx.t, {}, { ...SRP_CLIENT, PreventUserExistenceErrors: 'LEGACY' });
    await expect(startSrp(legacy, uniqueEmail('ghost'))).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });
});

test('the reference client’s own proof, at the real time, signs in', async () => {
  const user = await confirmedUser(app);
  const client = SrpClient.forPool(app.poolId);
  const challenge = await ctx.t.admin.send(
    new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: user.email, SRP_A: client.A } }),
  );
  const answer = await client.answer(challenge.ChallengeParameters!, challenge.ChallengeParameters!.USER_ID_FOR_SRP, user.password, ctx.clock.now());
  const result = await ctx.t.admin.send(
    new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session, ChallengeResponses: answer }),
  );
  expect(result.AuthenticationResult?.IdToken).toEqual(expect.any(String));
});
