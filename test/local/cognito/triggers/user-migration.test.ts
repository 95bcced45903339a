/**
 * UserMigration: legacy users sign in with their old password (or reset it) and land in the pool;
 * names the legacy directory does not know get the answers any unknown name gets.
 */
import {
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, latestCode, NEW_PASSWORD, passwordSignIn, signIn, uniqueEmail } from '../../../support/cognito';
import { appWithTriggers, envelope, TriggerEvent, useTriggerEngine } from './support';

const { ctx, recorder } = useTriggerEngine();
const LEGACY_PASSWORD = 'legacy'; // the old directory had no policy; migration does not apply the pool's
const legacyUsers = new Map<string, string>();
let app: App;
let legacyApp: App;
beforeAll(async () => {
  app = await appWithTriggers(ctx, ['UserMigration']);
  legacyApp = await appWithTriggers(ctx, ['UserMigration'], {}, { PreventUserExistenceErrors: 'LEGACY' });
});

/** A legacy directory: it vouches for the names it has (and, at sign-in, the right password), and throws for others. */
function legacyDirectory(response: Record<string, unknown> = { finalUserStatus: 'CONFIRMED', messageAction: 'SUPPRESS' }): void {
  recorder.on('userMigration', (event: TriggerEvent) => {
    const password = legacyUsers.get(event.userName);
    if (password === undefined) throw new Error('User not found');
    if (event.triggerSource === 'UserMigration_Authentication' && event.request.password !== password) throw new Error('Bad password');
    return { ...event, response: { userAttributes: { email: event.userName, email_verified: 'true', 'custom:plan': 'legacy' }, ...response } };
  });
}

function legacyUser(): string {
  const email = uniqueEmail('legacy');
  legacyUsers.set(email, LEGACY_PASSWORD);
  return email;
}

const getUser = (username: string) => ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: username }));
const badCredentials = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

test('a legacy user signs in with the old password and lands CONFIRMED, with the legacy attributes and an argon2id hash', async () => {
  legacyDirectory();
  const email = legacyUser();
  const result = await ctx.t.admin.send(
    new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: LEGACY_PASSWORD }, ClientMetadata: { app: 'web' } }),
  );
  expect(result.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  expect(recorder.received()).toEqual([
    {
      ...envelope(app, 'UserMigration_Authentication', email),
      request: { password: LEGACY_PASSWORD, validationData: { app: 'web' }, clientMetadata: {} },
      response: { userAttributes: null, finalUserStatus: null, messageAction: null, desiredDeliveryMediums: null, forceAliasCreation: null, enableSMSMFA: null },
    },
  ]);
  const user = await getUser(email);
  expect(user.UserStatus).toBe('CONFIRMED');
  expect(Object.fromEntries(user.UserAttributes!.map((a) => [a.Name, a.Value]))).toMatchObject({ email, email_verified: 'true', 'custom:plan': 'legacy' });
  const stored = await ctx.t.engine.services.users.get(app.poolId, user.Username!);
  expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
  // Migrated once: the next sign-in is an ordinary one.
  recorder.reset();
  await signIn(app, email, LEGACY_PASSWORD);
  expect(recorder.events).toHaveLength(0);
  expect(ctx.t.engine.outbox.list({ to: email })).toHaveLength(0);
});

test('a legacy user with the wrong password, and a name the legacy directory does not know, get the ordinary answer; nobody is created', async () => {
  legacyDirectory();
  const email = legacyUser();
  await expect(passwordSignIn(app, email, 'not-it')).rejects.toMatchObject(badCredentials);
  const stranger = uniqueEmail('stranger');
  await expect(passwordSignIn(app, stranger, 'whatever-1')).rejects.toMatchObject(badCredentials);
  for (const name of [email, stranger]) await expect(getUser(name)).rejects.toMatchObject({ name: 'UserNotFoundException' });
  expect(recorder.sources()).toEqual(['UserMigration_Authentication', 'UserMigration_Authentication']);
});

test('an unknown name costs the store work of a known name with a wrong password, migration or not', async () => {
  legacyDirectory();
  const known = legacyUser();
  await signIn(app, known, LEGACY_PASSWORD);
  const work = async (name: string) => {
    const operations: string[] = [];
    const stop = ctx.t.dynamo.observe((operation) => operations.push(operation));
    await passwordSignIn(app, name, 'Wrong-Passw0rd!').catch(() => undefined);
    stop();
    return operations.sort();
  };
  expect(await work(uniqueEmail('stranger'))).toEqual(await work(known));
});

test('a name that is locked is refused without asking the legacy directory', async () => {
  legacyDirectory();
  const email = legacyUser();
  for (let i = 0; i < 5; i++) await expect(passwordSignIn(app, email, 'not-it')).rejects.toMatchObject(badCredentials);
  recorder.reset();
  legacyDirectory();
  await expect(passwordSignIn(app, email, LEGACY_PASSWORD)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
  expect(recorder.events).toHaveLength(0);
});

test('finalUserStatus RESET_REQUIRED creates the user and asks for a reset; a welcome message goes out unless suppressed', async () => {
  legacyDirectory({ finalUserStatus: 'RESET_REQUIRED', desiredDeliveryMediums: ['EMAIL'] });
  const email = legacyUser();
  await expect(passwordSignIn(app, email, LEGACY_PASSWORD)).rejects.toMatchObject({ name: 'PasswordResetRequiredException' });
  expect((await getUser(email)).UserStatus).toBe('RESET_REQUIRED');
  expect(ctx.t.engine.outbox.latest(email)).toMatchObject({ purpose: 'WELCOME', medium: 'EMAIL' });
});

test('ForgotPassword migrates a legacy user (RESET_REQUIRED, no password sent) and sends the reset code; the reset then signs them in', async () => {
  legacyDirectory();
  const email = legacyUser();
  const { CodeDeliveryDetails } = await ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: email, ClientMetadata: { from: 'help' } }));
  expect(CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  expect(recorder.received()).toEqual([
    expect.objectContaining({ ...envelope(app, 'UserMigration_ForgotPassword', email), request: { validationData: { from: 'help' }, clientMetadata: { from: 'help' } } }),
  ]);
  expect((await getUser(email)).UserStatus).toBe('RESET_REQUIRED');
  await ctx.t.admin.send(
    new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: email, ConfirmationCode: latestCode(app, email), Password: NEW_PASSWORD }),
  );
  await expect(signIn(app, email, NEW_PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  expect((await getUser(email)).UserStatus).toBe('CONFIRMED');
});

test('ForgotPassword for a name the legacy directory does not know gets the simulated delivery, not the handler error', async () => {
  legacyDirectory();
  const stranger = uniqueEmail('stranger');
  await expect(ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: stranger }))).resolves.toMatchObject({
    CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', AttributeName: 'email', Destination: expect.stringMatching(/^s\*\*\*@e\*\*\*$/) },
  });
  await expect(getUser(stranger)).rejects.toMatchObject({ name: 'UserNotFoundException' });
  expect(ctx.t.engine.outbox.list({ to: stranger })).toHaveLength(0);
});

test('a response without userAttributes is refused (InvalidLambdaResponseException)', async () => {
  const email = legacyUser();
  recorder.on('userMigration', (event) => ({ ...event, response: { finalUserStatus: 'CONFIRMED' } }));
  await expect(passwordSignIn(app, email, LEGACY_PASSWORD)).rejects.toMatchObject({ name: 'InvalidLambdaResponseException' });
  await expect(getUser(email)).rejects.toMatchObject({ name: 'UserNotFoundException' });
});

test('with PreventUserExistenceErrors LEGACY, a name the legacy directory does not know is UserNotFoundException', async () => {
  legacyDirectory();
  await expect(passwordSignIn(legacyApp, uniqueEmail('stranger'), 'whatever-1')).rejects.toMatchObject({ name: 'UserNotFoundException' });
  await expect(ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: legacyApp.clientId, Username: uniqueEmail('stranger') }))).rejects.toMatchObject({
    name: 'UserNotFoundException',
  });
});
