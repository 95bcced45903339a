/**
 * USER_AUTH, choice-based sign-in: SELECT_CHALLENGE with AvailableChallenges, PREFERRED_CHALLENGE,
 * and the first factors PASSWORD, PASSWORD_SRP and the passwordless EMAIL_OTP and SMS_OTP.
 */
import { AdminUpdateUserAttributesCommand, CreateUserPoolClientCommandInput, CreateUserPoolCommand, DescribeUserPoolCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, confirmedUser, createApp, messageCount, otherCode, signedInUser, signUpUser, uniqueEmail, useEngine } from '../../support/cognito';
import { SrpClient } from '../../support/srp';
import { enableTotp, respond } from './mfa/support';

const ctx = useEngine();
const FACTORS = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] as const;
const CLIENT = { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } satisfies Partial<CreateUserPoolClientCommandInput>;
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t, { MfaConfiguration: 'OPTIONAL', Policies: { SignInPolicy: { AllowedFirstAuthFactors: [...FACTORS] } } }, CLIENT);
});

const userAuth = (username: string, extra: Record<string, string> = {}, target: App = app) =>
  ctx.t.admin.send(new InitiateAuthCommand({ ClientId: target.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username, ...extra } }));

test('without a preference: SELECT_CHALLENGE with the pool’s factors; EMAIL_OTP then signs in with the emailed code, skipping MFA', async () => {
  const user = await signedInUser(app);
  await enableTotp(app, user, ctx.clock);
  const select = await userAuth(user.email);
  expect(select).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'], Session: expect.any(String) });
  const otp = await respond(app, 'SELECT_CHALLENGE', select.Session, { USERNAME: user.email, ANSWER: 'EMAIL_OTP' });
  expect(otp).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: expect.stringMatching(/^u\*\*\*@e\*\*\*$/) } });
  const code = ctx.t.engine.outbox.latest(user.email)!.code!;
  await expect(respond(app, 'EMAIL_OTP', otp.Session, { USERNAME: user.sub, EMAIL_OTP_CODE: otherCode(code) })).rejects.toMatchObject({ name: 'CodeMismatchException' });
  const done = await respond(app, 'EMAIL_OTP', otp.Session, { USERNAME: user.sub, EMAIL_OTP_CODE: code });
  expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
});

test('PREFERRED_CHALLENGE PASSWORD with the password signs in at once', async () => {
  const user = await confirmedUser(app);
  await expect(userAuth(user.email, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: user.password })).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  await expect(userAuth(user.email, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-password-1' })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
});

test('PREFERRED_CHALLENGE PASSWORD_SRP with SRP_A answers PASSWORD_VERIFIER, whose proof signs in', async () => {
  const user = await confirmedUser(app);
  const client = SrpClient.forPool(app.poolId);
  const verifier = await userAuth(user.email, { PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: client.A });
  expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
  const answer = await client.answer(verifier.ChallengeParameters!, user.sub, user.password, ctx.clock.now());
  await expect(respond(app, 'PASSWORD_VERIFIER', verifier.Session, answer)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
});

test('SELECT_CHALLENGE answered PASSWORD (with it) or PASSWORD_SRP (with SRP_A)', async () => {
  const user = await confirmedUser(app);
  const first = await userAuth(user.email);
  await expect(respond(app, 'SELECT_CHALLENGE', first.Session, { USERNAME: user.email, ANSWER: 'PASSWORD', PASSWORD: user.password })).resolves.toMatchObject({
    AuthenticationResult: expect.any(Object),
  });
  const second = await userAuth(user.email);
  const client = SrpClient.forPool(app.poolId);
  const verifier = await respond(app, 'SELECT_CHALLENGE', second.Session, { USERNAME: user.email, ANSWER: 'PASSWORD_SRP', SRP_A: client.A });
  expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
  await expect(respond(app, 'SELECT_CHALLENGE', (await userAuth(user.email)).Session, { USERNAME: user.email, ANSWER: 'WEB_AUTHN' })).rejects.toMatchObject({
    name: 'InvalidParameterException',
  });
});

test('SMS_OTP goes to a verified phone number', async () => {
  const user = await confirmedUser(app);
  await ctx.t.admin.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: app.poolId,
      Username: user.email,
      UserAttributes: [{ Name: 'phone_number', Value: '+15555550199' }, { Name: 'phone_number_verified', Value: 'true' }],
    }),
  );
  const otp = await userAuth(user.email, { PREFERRED_CHALLENGE: 'SMS_OTP' });
  expect(otp).toMatchObject({ ChallengeName: 'SMS_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0199' } });
  const code = ctx.t.engine.outbox.latest('+15555550199')!.code!;
  await expect(respond(app, 'SMS_OTP', otp.Session, { USERNAME: user.sub, SMS_OTP_CODE: code })).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
});

describe('who gets no code', () => {
  test('a name no user has: the same choices, the same code challenge, nothing sent, every code wrong', async () => {
    const name = uniqueEmail('ghost');
    const select = await userAuth(name);
    expect(select.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP']);
    const otp = await respond(app, 'SELECT_CHALLENGE', select.Session, { USERNAME: name, ANSWER: 'EMAIL_OTP' });
    expect(otp).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'g***@e***' } });
    expect(messageCount(app, name)).toBe(0);
    await expect(respond(app, 'EMAIL_OTP', otp.Session, { USERNAME: name, EMAIL_OTP_CODE: '123456' })).rejects.toMatchObject({ name: 'CodeMismatchException' });
  });

  test('a user whose email is not verified is sent nothing, and cannot sign in with a code', async () => {
    const user = await signUpUser(app);
    const before = messageCount(app, user.email);
    const otp = await userAuth(user.email, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(otp.ChallengeName).toBe('EMAIL_OTP');
    expect(messageCount(app, user.email)).toBe(before);
  });

  test('sign-in codes are budgeted like any code sent: the sixth in an hour is LimitExceededException, known name or not', async () => {
    const user = await confirmedUser(app);
    const ghost = uniqueEmail('ghost');
    for (const name of [user.email, ghost]) {
      for (let i = 0; i < 5; i++) await userAuth(name, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
      await expect(userAuth(name, { PREFERRED_CHALLENGE: 'EMAIL_OTP' })).rejects.toMatchObject({ name: 'LimitExceededException' });
    }
  });
});

describe('the pool’s first factors', () => {
  test('default to PASSWORD only; a preferred challenge the pool does not offer falls back to the choice', async () => {
    const plain = await createApp(ctx.t, {}, CLIENT);
    const user = await confirmedUser(plain);
    await expect(userAuth(user.email, { PREFERRED_CHALLENGE: 'EMAIL_OTP' }, plain)).resolves.toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'],
    });
    const { UserPool } = await ctx.t.admin.send(new DescribeUserPoolCommand({ UserPoolId: app.poolId }));
    expect(UserPool!.Policies!.SignInPolicy).toEqual({ AllowedFirstAuthFactors: [...FACTORS] });
  });

  test('must include PASSWORD, and USER_AUTH must be allowed by the client', async () => {
    await expect(
      ctx.t.admin.send(new CreateUserPoolCommand({ PoolName: 'no-password', Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['EMAIL_OTP'] } } })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const other = await createApp(ctx.t);
    await expect(userAuth(uniqueEmail(), {}, other)).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'USER_AUTH flow not enabled for this client' });
  });
});
