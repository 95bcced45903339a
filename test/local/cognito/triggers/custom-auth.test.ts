/**
 * CUSTOM_AUTH with DefineAuthChallenge, CreateAuthChallenge and VerifyAuthChallengeResponse: their
 * events and session history, SRP inside a custom flow, unknown names (userNotFound), and the
 * other sign-in triggers the new steps fire: CustomMessage_Authentication for MFA codes,
 * TokenGeneration_AuthenticateDevice, PostAuthentication's newDeviceUsed.
 */
import { ConfirmDeviceCommand, InitiateAuthCommand, SetUserMFAPreferenceCommand, SetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, confirmedUser, createApp, PASSWORD, passwordSignIn, signedInUser, uniqueEmail } from '../../../support/cognito';
import { deviceSecret, SrpClient } from '../../../support/srp';
import { respond } from '../mfa/support';
import { appWithTriggers, envelope, TriggerEvent, useTriggerEngine } from './support';

const { ctx, recorder } = useTriggerEngine();
let app: App;
beforeAll(async () => {
  app = await appWithTriggers(ctx, ['DefineAuthChallenge', 'CreateAuthChallenge', 'VerifyAuthChallengeResponse'], {}, {
    ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
});

/** A quiz: one question, three tries; with SRP_A first, the password before it. */
function quiz(): void {
  recorder.on('defineAuthChallenge', (event: TriggerEvent) => {
    const session = event.request.session as { challengeName: string; challengeResult: boolean }[];
    const last = session.at(-1);
    if (last?.challengeName === 'SRP_A') event.response.challengeName = 'PASSWORD_VERIFIER';
    else if (last?.challengeName === 'PASSWORD_VERIFIER' && !last.challengeResult) event.response.failAuthentication = true;
    else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) event.response.issueTokens = true;
    else if (session.filter((r) => r.challengeName === 'CUSTOM_CHALLENGE').length >= 3) event.response.failAuthentication = true;
    else event.response.challengeName = 'CUSTOM_CHALLENGE';
    event.response.issueTokens ??= false;
    event.response.failAuthentication ??= false;
    return event;
  });
  recorder.on('createAuthChallenge', (event: TriggerEvent) => ({
    ...event,
    response: { publicChallengeParameters: { question: '2 + 2?' }, privateChallengeParameters: { answer: '4' }, challengeMetadata: 'QUESTION-1' },
  }));
  recorder.on('verifyAuthChallengeResponse', (event: TriggerEvent) => ({
    ...event,
    response: { answerCorrect: event.request.challengeAnswer === event.request.privateChallengeParameters.answer },
  }));
}

const customAuth = (username: string, extra: Record<string, string> = {}, target: App = app) =>
  ctx.t.admin.send(new InitiateAuthCommand({ ClientId: target.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username, ...extra } }));
const answer = (session: string | undefined, username: string, ANSWER: string) => respond(app, 'CUSTOM_CHALLENGE', session, { USERNAME: username, ANSWER });

test('Define asks, Create poses, Verify checks; the history grows round by round until Define issues tokens', async () => {
  quiz();
  const user = await confirmedUser(app);
  const first = await customAuth(user.email);
  expect(first).toMatchObject({ ChallengeName: 'CUSTOM_CHALLENGE', ChallengeParameters: { question: '2 + 2?', USERNAME: user.sub } });
  const wrong = await answer(first.Session, user.sub, '5');
  expect(wrong.ChallengeName).toBe('CUSTOM_CHALLENGE');
  const done = await answer(wrong.Session, user.sub, '4');
  expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));

  const attributes = { sub: user.sub, email: user.email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' };
  const defines = recorder.received('DefineAuthChallenge_Authentication');
  expect(defines.map((e) => e.request.session)).toEqual([
    [],
    [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'QUESTION-1' }],
    [
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'QUESTION-1' },
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'QUESTION-1' },
    ],
  ]);
  expect(defines[0]).toEqual({
    ...envelope(app, 'DefineAuthChallenge_Authentication', user.sub),
    request: { userAttributes: attributes, session: [], clientMetadata: {}, userNotFound: false },
    response: { challengeName: null, issueTokens: null, failAuthentication: null },
  });
  expect(recorder.received('CreateAuthChallenge_Authentication')[0]).toMatchObject({
    ...envelope(app, 'CreateAuthChallenge_Authentication', user.sub),
    request: { userAttributes: attributes, challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false },
  });
  expect(recorder.received('VerifyAuthChallengeResponse_Authentication')[1]).toMatchObject({
    ...envelope(app, 'VerifyAuthChallengeResponse_Authentication', user.sub),
    request: { userAttributes: attributes, privateChallengeParameters: { answer: '4' }, challengeAnswer: '4', userNotFound: false },
  });
});

test('failAuthentication ends the sign-in with the wrong-password answer', async () => {
  quiz();
  const user = await confirmedUser(app);
  let round = await customAuth(user.email);
  for (let i = 0; i < 2; i++) round = await answer(round.Session, user.sub, 'no');
  await expect(answer(round.Session, user.sub, 'no')).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
});

test('a name no user has: the events say userNotFound, and even the right answer does not sign in', async () => {
  quiz();
  const name = uniqueEmail('ghost');
  const first = await customAuth(name);
  expect(first.ChallengeName).toBe('CUSTOM_CHALLENGE');
  const next = await answer(first.Session, name, '4');
  expect(next.ChallengeName).toBe('CUSTOM_CHALLENGE');
  expect(recorder.received('DefineAuthChallenge_Authentication')[0].request).toMatchObject({ userAttributes: {}, userNotFound: true });
  expect(recorder.received('DefineAuthChallenge_Authentication')[1].request.session).toEqual([
    { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'QUESTION-1' },
  ]);
  expect(recorder.received('VerifyAuthChallengeResponse_Authentication')[0].request.userNotFound).toBe(true);
});

test('with SRP_A first: Define sees SRP_A, asks PASSWORD_VERIFIER, then its result, then the question', async () => {
  quiz();
  const user = await confirmedUser(app);
  const client = SrpClient.forPool(app.poolId);
  const verifier = await customAuth(user.email, { SRP_A: client.A, CHALLENGE_NAME: 'SRP_A' });
  expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
  const proof = await client.answer(verifier.ChallengeParameters!, user.sub, PASSWORD, ctx.clock.now());
  const question = await respond(app, 'PASSWORD_VERIFIER', verifier.Session, proof);
  expect(question.ChallengeName).toBe('CUSTOM_CHALLENGE');
  await expect(answer(question.Session, user.sub, '4')).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  expect(recorder.received('DefineAuthChallenge_Authentication').map((e) => e.request.session.map((r: { challengeName: string }) => r.challengeName))).toEqual([
    ['SRP_A'],
    ['SRP_A', 'PASSWORD_VERIFIER'],
    ['SRP_A', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE'],
  ]);
});

test('without a DefineAuthChallenge trigger, CUSTOM_AUTH is InvalidParameterException', async () => {
  const plain = await createApp(ctx.t, {}, { ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH'] });
  await expect(customAuth(uniqueEmail(), {}, plain)).rejects.toMatchObject({ name: 'InvalidParameterException' });
});

test('an MFA code’s message goes through CustomMessage_Authentication', async () => {
  const pool = await appWithTriggers(ctx, ['CustomMessage'], { MfaConfiguration: 'OPTIONAL' });
  await ctx.t.admin.send(new SetUserPoolMfaConfigCommand({ UserPoolId: pool.poolId, EmailMfaConfiguration: { Message: 'Code {####}', Subject: 'Code' } }));
  const user = await signedInUser(pool);
  await ctx.t.admin.send(new SetUserMFAPreferenceCommand({ AccessToken: user.tokens.AccessToken, EmailMfaSettings: { Enabled: true, PreferredMfa: true } }));
  recorder.reset();
  recorder.on('customMessage', (event) => ({ ...event, response: { emailSubject: 'Your code', emailMessage: 'Branded: {####}', smsMessage: null } }));
  const challenge = await passwordSignIn(pool, user.email, user.password);
  expect(challenge.ChallengeName).toBe('EMAIL_OTP');
  const [event] = recorder.received('CustomMessage_Authentication');
  expect(event).toMatchObject({ ...envelope(pool, 'CustomMessage_Authentication', user.sub), request: { codeParameter: '{####}' } });
  const mail = ctx.t.engine.outbox.latest(user.email)!;
  expect(mail).toMatchObject({ subject: 'Your code', body: `Branded: ${mail.code}` });
});

test('a remembered device’s sign-in is TokenGeneration_AuthenticateDevice; a new device’s PostAuthentication says newDeviceUsed', async () => {
  const pool = await appWithTriggers(ctx, ['PreTokenGeneration', 'PostAuthentication'], { DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false } });
  const user = await confirmedUser(pool);
  recorder.reset();
  const first = (await passwordSignIn(pool, user.email, user.password)).AuthenticationResult!;
  expect(recorder.received('PostAuthentication_Authentication')[0].request.newDeviceUsed).toBe(true);
  const { DeviceKey, DeviceGroupKey } = first.NewDeviceMetadata!;
  const secret = await deviceSecret(DeviceGroupKey!, DeviceKey!);
  await ctx.t.admin.send(new ConfirmDeviceCommand({ AccessToken: first.AccessToken, DeviceKey, DeviceSecretVerifierConfig: secret.config }));
  recorder.reset();
  const challenge = await ctx.t.admin.send(
    new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.email, PASSWORD: user.password, DEVICE_KEY: DeviceKey! } }),
  );
  const client = new SrpClient(DeviceGroupKey!);
  const verifier = await respond(pool, 'DEVICE_SRP_AUTH', challenge.Session, { USERNAME: user.sub, DEVICE_KEY: DeviceKey!, SRP_A: client.A });
  const proof = await client.answer(verifier.ChallengeParameters!, DeviceKey!, secret.password, ctx.clock.now());
  await respond(pool, 'DEVICE_PASSWORD_VERIFIER', verifier.Session, { ...proof, DEVICE_KEY: DeviceKey! });
  expect(recorder.sources()).toEqual(['TokenGeneration_AuthenticateDevice', 'PostAuthentication_Authentication']);
  expect(recorder.received('PostAuthentication_Authentication')[0].request.newDeviceUsed).toBe(false);
});
