import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  App,
  DAY,
  MINUTE,
  NEW_PASSWORD,
  createApp,
  decodeJwt,
  passwordSignIn,
  secretHash,
  signIn,
  uniqueEmail,
  useEngine,
} from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const TEMPORARY = 'Temporary-pass-1';

async function invited(target: App = app, temporaryPassword = TEMPORARY): Promise<{ email: string; sub: string }> {
  const email = uniqueEmail('invited');
  const { User } = await ctx.t.admin.send(
    new AdminCreateUserCommand({
      UserPoolId: target.poolId,
      Username: email,
      TemporaryPassword: temporaryPassword,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
    }),
  );
  return { email, sub: User!.Username! };
}

const respond = (session: string, responses: Record<string, string>, target: App = app, challengeName = 'NEW_PASSWORD_REQUIRED') =>
  ctx.t.admin.send(
    new RespondToAuthChallengeCommand({
      ClientId: target.clientId,
      ChallengeName: challengeName as 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: responses,
    }),
  );

const expired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };

async function challenge(user: { email: string }, target: App = app): Promise<string> {
  const result = await passwordSignIn(target, user.email, TEMPORARY);
  expect(result.AuthenticationResult).toBeUndefined();
  expect(result.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  return result.Session!;
}

test('the temporary password leads to NEW_PASSWORD_REQUIRED, and answering it signs the user in', async () => {
  const user = await invited();
  const first = await passwordSignIn(app, user.email, TEMPORARY);
  expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  expect(first.ChallengeParameters).toEqual({
    USER_ID_FOR_SRP: user.sub,
    userAttributes: JSON.stringify({ email: user.email }),
    requiredAttributes: '[]',
  });
  const done = await respond(first.Session!, { USERNAME: user.email, NEW_PASSWORD, 'userAttributes.name': 'Ada' });
  expect(done.ChallengeName).toBeUndefined();
  expect(decodeJwt(done.AuthenticationResult!.IdToken!).payload).toMatchObject({ sub: user.sub, name: 'Ada', email_verified: true });
  const got = await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }));
  expect(got.UserStatus).toBe('CONFIRMED');
  expect(got.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'name', Value: 'Ada' }]));
  await expect(passwordSignIn(app, user.email, TEMPORARY)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  await expect(signIn(app, user.email, NEW_PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
});

test('AdminInitiateAuth + AdminRespondToAuthChallenge complete the same challenge', async () => {
  const user = await invited();
  const started = await ctx.t.admin.send(
    new AdminInitiateAuthCommand({
      UserPoolId: app.poolId,
      ClientId: app.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.email, PASSWORD: TEMPORARY },
    }),
  );
  expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  const adminRespond = (poolId: string) =>
    ctx.t.admin.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: poolId,
        ClientId: app.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: started.Session,
        ChallengeResponses: { USERNAME: user.email, NEW_PASSWORD },
      }),
    );
  const other = await createApp(ctx.t);
  await expect(adminRespond(other.poolId)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  const done = await adminRespond(app.poolId);
  expect(decodeJwt(done.AuthenticationResult!.AccessToken!).payload).toMatchObject({ sub: user.sub, token_use: 'access' });
  await expect(adminRespond(app.poolId)).rejects.toMatchObject(expired);
});

test('a weak new password is refused without spending the session', async () => {
  const user = await invited();
  const session = await challenge(user);
  await expect(respond(session, { USERNAME: user.email, NEW_PASSWORD: 'short' })).rejects.toMatchObject({
    name: 'InvalidPasswordException',
    message: expect.stringMatching(/^Password did not conform with policy: Password not long enough/),
  });
  await expect(respond(session, { USERNAME: user.email })).rejects.toMatchObject({
    name: 'InvalidParameterException',
    message: 'Missing required parameter NEW_PASSWORD',
  });
  const got = await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }));
  expect(got.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  await expect(respond(session, { USERNAME: user.email, NEW_PASSWORD })).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
});

test('a session answers once, only for its challenge and client, and expires after 3 minutes', async () => {
  const user = await invited();
  const session = await challenge(user);
  await expect(respond(session, { USERNAME: user.email, NEW_PASSWORD }, app, 'SMS_MFA')).rejects.toMatchObject({
    name: 'InvalidParameterException',
    message: 'Invalid challenge name: expected NEW_PASSWORD_REQUIRED',
  });
  const otherClient = await createApp(ctx.t);
  await expect(respond(session, { USERNAME: user.email, NEW_PASSWORD }, otherClient)).rejects.toMatchObject(expired);
  await expect(respond('bm90LWEtc2Vzc2lvbg', { USERNAME: user.email, NEW_PASSWORD })).rejects.toMatchObject(expired);
  ctx.clock.advance(3 * MINUTE);
  await expect(respond(session, { USERNAME: user.email, NEW_PASSWORD })).rejects.toMatchObject(expired);
  const fresh = await challenge(user);
  await respond(fresh, { USERNAME: user.email, NEW_PASSWORD });
  await expect(respond(fresh, { USERNAME: user.email, NEW_PASSWORD })).rejects.toMatchObject(expired);
});

test('the temporary password expires after TemporaryPasswordValidityDays', async () => {
  const short = await createApp(ctx.t, { Policies: { PasswordPolicy: { TemporaryPasswordValidityDays: 2 } } });
  const early = await invited(short);
  const late = await invited(short);
  ctx.clock.advance(2 * DAY - MINUTE);
  await expect(passwordSignIn(short, early.email, TEMPORARY)).resolves.toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED' });
  ctx.clock.advance(MINUTE);
  await expect(passwordSignIn(short, late.email, TEMPORARY)).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Temporary password has expired and must be reset by an administrator.',
  });
  // A wrong password still says only that it is wrong.
  await expect(passwordSignIn(short, late.email, 'Wrong-password-1')).rejects.toMatchObject({ message: 'Incorrect username or password.' });
});

test("attributes given with the new password keep emails unique and unverified until proven", async () => {
  const owner = await invited();
  const user = await invited();
  const session = await challenge(user);
  await expect(respond(session, { USERNAME: user.email, NEW_PASSWORD, 'userAttributes.email': owner.email })).rejects.toMatchObject({
    name: 'AliasExistsException',
    message: 'An account with the given email already exists.',
  });
  const unchanged = await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }));
  expect(unchanged).toMatchObject({ Username: user.sub, UserStatus: 'FORCE_CHANGE_PASSWORD' });
  expect((await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: owner.email }))).Username).toBe(owner.sub);

  const moved = uniqueEmail('moved');
  const done = await respond(session, { USERNAME: user.email, NEW_PASSWORD, 'userAttributes.email': moved });
  expect(decodeJwt(done.AuthenticationResult!.IdToken!).payload).toMatchObject({ sub: user.sub, email: moved, email_verified: false });
  const got = await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: moved }));
  expect(got).toMatchObject({ Username: user.sub, UserStatus: 'CONFIRMED' });
  expect(got.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: moved }, { Name: 'email_verified', Value: 'false' }]));
  await expect(signIn(app, moved, NEW_PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  await expect(passwordSignIn(app, user.email, NEW_PASSWORD)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
});

test('with a client secret the response needs SECRET_HASH', async () => {
  const secret = await createApp(ctx.t, {}, { GenerateSecret: true });
  const user = await invited(secret);
  const session = await challenge(user, secret);
  await expect(respond(session, { USERNAME: user.email, NEW_PASSWORD }, secret)).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: `Client ${secret.clientId} is configured with secret but SECRET_HASH was not received`,
  });
  await expect(
    respond(session, { USERNAME: user.email, NEW_PASSWORD, SECRET_HASH: secretHash('wrong', user.email, secret.clientId) }, secret),
  ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${secret.clientId}` });
  const done = await respond(session, { USERNAME: user.email, NEW_PASSWORD, SECRET_HASH: secretHash(secret.clientSecret!, user.email, secret.clientId) }, secret);
  expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
});
