/** PreAuthentication and PostAuthentication around a password sign-in, in Cognito's order, with their failures. */
import { AdminInitiateAuthCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, confirmedUser, PASSWORD, passwordSignIn, refresh, uniqueEmail } from '../../../support/cognito';
import { appWithTriggers, envelope, useTriggerEngine } from './support';

const { ctx, recorder } = useTriggerEngine();
let app: App;
beforeAll(async () => {
  app = await appWithTriggers(ctx, ['PreAuthentication', 'PostAuthentication', 'PreTokenGeneration']);
});

const badCredentials = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const signInWithMetadata = (username: string, password: string) =>
  ctx.t.admin.send(
    new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password }, ClientMetadata: { device: 'kiosk' } }),
  );

test('a sign-in runs PreAuthentication, then PreTokenGeneration, then PostAuthentication, each with the user', async () => {
  const user = await confirmedUser(app);
  recorder.reset();
  await signInWithMetadata(user.email, PASSWORD);
  expect(recorder.sources()).toEqual(['PreAuthentication_Authentication', 'TokenGeneration_Authentication', 'PostAuthentication_Authentication']);
  const attributes = { sub: user.sub, email: user.email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' };
  const [pre, , post] = recorder.events;
  expect(pre).toEqual({
    ...envelope(app, 'PreAuthentication_Authentication', user.sub),
    request: { userAttributes: attributes, validationData: { device: 'kiosk' }, userNotFound: false },
    response: {},
  });
  expect(post).toEqual({
    ...envelope(app, 'PostAuthentication_Authentication', user.sub),
    // As in Cognito: InitiateAuth's ClientMetadata reaches PreAuthentication (validationData) only.
    request: { userAttributes: attributes, newDeviceUsed: false, clientMetadata: {} },
    response: {},
  });
});

test("PreAuthentication's error refuses the sign-in with its message, before the password is checked", async () => {
  const user = await confirmedUser(app);
  recorder.on('preAuthentication', () => {
    throw new Error('Account suspended');
  });
  const verify = jest.spyOn(ctx.t.engine.services.hasher, 'verify');
  const refused = { name: 'UserLambdaValidationException', message: 'PreAuthentication failed with error Account suspended.' };
  await expect(passwordSignIn(app, user.email, PASSWORD)).rejects.toMatchObject(refused);
  await expect(passwordSignIn(app, user.email, 'Wrong-password-1')).rejects.toMatchObject(refused);
  expect(verify).not.toHaveBeenCalled();
  verify.mockRestore();
  expect(recorder.sources()).toEqual(['PreAuthentication_Authentication', 'PreAuthentication_Authentication']);
});

test('for a name no user has, PreAuthentication hears userNotFound (as Cognito sends it), and the answer stays the ordinary one', async () => {
  const name = uniqueEmail('nobody');
  await expect(passwordSignIn(app, name, PASSWORD)).rejects.toMatchObject(badCredentials);
  expect(recorder.received()).toEqual([
    { ...envelope(app, 'PreAuthentication_Authentication', name), request: { userAttributes: {}, validationData: {}, userNotFound: true }, response: {} },
  ]);
});

test('a failing PostAuthentication fails the sign-in, and the session it started is revoked', async () => {
  const user = await confirmedUser(app);
  recorder.on('postAuthentication', () => {
    throw new Error('Sign-in log unavailable');
  });
  const revoke = jest.spyOn(ctx.t.engine.services.sessions, 'revoke');
  await expect(
    ctx.t.admin.send(new AdminInitiateAuthCommand({ UserPoolId: app.poolId, ClientId: app.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.email, PASSWORD } })),
  ).rejects.toMatchObject({ name: 'UserLambdaValidationException', message: 'PostAuthentication failed with error Sign-in log unavailable.' });
  expect(revoke).toHaveBeenCalledTimes(1);
  revoke.mockRestore();
  recorder.reset();
  // Once the handler is well again, sign-in works; a refresh runs PreTokenGeneration only.
  const { RefreshToken } = (await passwordSignIn(app, user.email, PASSWORD)).AuthenticationResult!;
  recorder.reset();
  await refresh(app, RefreshToken!);
  expect(recorder.sources()).toEqual(['TokenGeneration_RefreshTokens']);
});

test('with PreAuthentication configured, a wrong password and an unknown name still get the same answer for the same store work', async () => {
  const user = await confirmedUser(app);
  const attempt = async (name: string) => {
    const operations: string[] = [];
    const stop = ctx.t.dynamo.observe((operation) => operations.push(operation));
    const answer = await passwordSignIn(app, name, 'Wrong-password-1').catch((error: Error) => `${error.name}: ${error.message}`);
    stop();
    return { answer, operations: operations.sort() };
  };
  expect(await attempt(uniqueEmail('nobody'))).toEqual(await attempt(user.email));
  expect(recorder.received().map((e) => e.request.userNotFound)).toEqual([true, false]);
});
