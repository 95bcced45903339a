/** PreSignUp and PostConfirmation: their events, PreSignUp's auto-confirm and auto-verify, and PostConfirmation's Cognito gotcha. */
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  App,
  confirmedUser,
  latestCode,
  messageCount,
  NEW_PASSWORD,
  PASSWORD,
  passwordSignIn,
  signIn,
  signUpUser,
  uniqueEmail,
} from '../../../support/cognito';
import { appWithTriggers, envelope, useTriggerEngine } from './support';

const { ctx, recorder } = useTriggerEngine();
let app: App;
beforeAll(async () => {
  app = await appWithTriggers(ctx, ['PreSignUp', 'PostConfirmation']);
});

const getUser = (target: App, username: string) => ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: target.poolId, Username: username }));
const attributesOf = async (target: App, username: string) =>
  Object.fromEntries((await getUser(target, username)).UserAttributes!.map((a) => [a.Name, a.Value]));
const confirm = (username: string, code: string, target: App = app) =>
  ctx.t.admin.send(new ConfirmSignUpCommand({ ClientId: target.clientId, Username: username, ConfirmationCode: code, ClientMetadata: { step: 'confirm' } }));

describe('PreSignUp', () => {
  test('PreSignUp_SignUp sees the new user (named by its sub in an email pool) before it is stored', async () => {
    const email = uniqueEmail();
    const result = await ctx.t.admin.send(
      new SignUpCommand({
        ClientId: app.clientId,
        Username: email,
        Password: PASSWORD,
        UserAttributes: [{ Name: 'custom:plan', Value: 'pro' }],
        ValidationData: [{ Name: 'captcha', Value: 'ok' }],
        ClientMetadata: { campaign: 'spring' },
      }),
    );
    expect(recorder.received()).toEqual([
      {
        ...envelope(app, 'PreSignUp_SignUp', result.UserSub!),
        request: { userAttributes: { email, 'custom:plan': 'pro' }, validationData: { captcha: 'ok' }, clientMetadata: { campaign: 'spring' } },
        response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
      },
    ]);
    expect(result).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } });
  });

  test('autoConfirmUser confirms at once: no code is sent, UserConfirmed is true, and PostConfirmation runs', async () => {
    recorder.on('preSignUp', (event) => ({ ...event, response: { autoConfirmUser: true } }));
    const email = uniqueEmail();
    const result = await ctx.t.admin.send(new SignUpCommand({ ClientId: app.clientId, Username: email, Password: PASSWORD }));
    expect(result.UserConfirmed).toBe(true);
    expect(result.CodeDeliveryDetails).toBeUndefined();
    expect(messageCount(app, email)).toBe(0);
    expect((await getUser(app, email)).UserStatus).toBe('CONFIRMED');
    expect((await attributesOf(app, email)).email_verified).toBeUndefined();
    expect(recorder.sources()).toEqual(['PreSignUp_SignUp', 'PostConfirmation_ConfirmSignUp']);
    await expect(signIn(app, email, PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  });

  test('autoVerifyEmail (with autoConfirmUser) marks the email verified', async () => {
    recorder.on('preSignUp', (event) => ({ ...event, response: { autoConfirmUser: true, autoVerifyEmail: true } }));
    const email = uniqueEmail();
    await ctx.t.admin.send(new SignUpCommand({ ClientId: app.clientId, Username: email, Password: PASSWORD }));
    expect(await attributesOf(app, email)).toMatchObject({ email, email_verified: 'true' });
  });

  test.each([
    ['autoVerifyEmail without autoConfirmUser', { autoVerifyEmail: true }],
    ['autoVerifyPhone for a user with no phone', { autoConfirmUser: true, autoVerifyPhone: true }],
  ])('%s is refused (InvalidLambdaResponseException) and creates nothing', async (_label, response) => {
    recorder.on('preSignUp', (event) => ({ ...event, response }));
    const email = uniqueEmail();
    await expect(ctx.t.admin.send(new SignUpCommand({ ClientId: app.clientId, Username: email, Password: PASSWORD }))).rejects.toMatchObject({
      name: 'InvalidLambdaResponseException',
    });
    await expect(getUser(app, email)).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  test('auto-verifying an email another user holds as an alias moves the alias to the new user', async () => {
    const aliasApp = await appWithTriggers(ctx, ['PreSignUp'], { UsernameAttributes: undefined, AliasAttributes: ['email'] });
    const email = uniqueEmail('shared');
    await confirmedUser(aliasApp, { username: 'first-holder', email });
    recorder.on('preSignUp', (event) => ({ ...event, response: { autoConfirmUser: true, autoVerifyEmail: true } }));
    await ctx.t.admin.send(
      new SignUpCommand({ ClientId: aliasApp.clientId, Username: 'second-holder', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    expect(await attributesOf(aliasApp, 'first-holder')).toMatchObject({ email, email_verified: 'false' });
    expect((await getUser(aliasApp, email)).Username).toBe('second-holder');
  });

  test('PreSignUp_AdminCreateUser may refuse an invitation; its response is ignored, as in Cognito', async () => {
    const email = uniqueEmail();
    recorder.on('preSignUp', (event) => ({ ...event, response: { autoConfirmUser: true, autoVerifyEmail: true } }));
    const { User } = await ctx.t.admin.send(
      new AdminCreateUserCommand({ UserPoolId: app.poolId, Username: email, ValidationData: [{ Name: 'source', Value: 'crm' }], ClientMetadata: { by: 'admin' } }),
    );
    expect(User!.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(recorder.received('PreSignUp_AdminCreateUser')).toEqual([
      {
        ...envelope(app, 'PreSignUp_AdminCreateUser', User!.Username!, 'CLIENT_ID_NOT_APPLICABLE'),
        request: { userAttributes: { email }, validationData: { source: 'crm' }, clientMetadata: { by: 'admin' } },
        response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
      },
    ]);
    recorder.on('preSignUp', () => {
      throw new Error('No invitations today');
    });
    const refused = uniqueEmail();
    await expect(ctx.t.admin.send(new AdminCreateUserCommand({ UserPoolId: app.poolId, Username: refused }))).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error No invitations today.',
    });
    await expect(getUser(app, refused)).rejects.toMatchObject({ name: 'UserNotFoundException' });
    expect(messageCount(app, refused)).toBe(0);
  });
});

describe('PostConfirmation', () => {
  test('PostConfirmation_ConfirmSignUp follows ConfirmSignUp with the confirmed user', async () => {
    const user = await signUpUser(app);
    recorder.reset();
    await confirm(user.username, latestCode(app, user.email));
    expect(recorder.received()).toEqual([
      {
        ...envelope(app, 'PostConfirmation_ConfirmSignUp', user.sub),
        request: {
          userAttributes: { sub: user.sub, email: user.email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
          clientMetadata: { step: 'confirm' },
        },
        response: {},
      },
    ]);
  });

  test("the Cognito gotcha: a failing PostConfirmation fails the request, but the user is confirmed", async () => {
    const user = await signUpUser(app);
    recorder.on('postConfirmation', () => {
      throw new Error('Directory unavailable');
    });
    const code = latestCode(app, user.email);
    await expect(confirm(user.username, code)).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message: 'PostConfirmation failed with error Directory unavailable.',
    });
    expect((await getUser(app, user.email)).UserStatus).toBe('CONFIRMED');
    await expect(confirm(user.username, code)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
    await expect(signIn(app, user.email, PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  });

  test('AdminConfirmSignUp fires PostConfirmation_ConfirmSignUp too (no app client)', async () => {
    const user = await signUpUser(app);
    recorder.reset();
    await ctx.t.admin.send(new AdminConfirmSignUpCommand({ UserPoolId: app.poolId, Username: user.email, ClientMetadata: { by: 'support' } }));
    expect(recorder.received()).toEqual([
      expect.objectContaining({
        ...envelope(app, 'PostConfirmation_ConfirmSignUp', user.sub, 'CLIENT_ID_NOT_APPLICABLE'),
        request: expect.objectContaining({ clientMetadata: { by: 'support' }, userAttributes: expect.objectContaining({ 'cognito:user_status': 'CONFIRMED' }) }),
      }),
    ]);
  });

  test('PostConfirmation_ConfirmForgotPassword follows a reset; if it fails, the new password still stands', async () => {
    const user = await confirmedUser(app);
    await ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: user.email }));
    recorder.reset();
    recorder.on('postConfirmation', () => {
      throw new Error('Audit log down');
    });
    await expect(
      ctx.t.admin.send(
        new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: user.email, ConfirmationCode: latestCode(app, user.email), Password: NEW_PASSWORD }),
      ),
    ).rejects.toMatchObject({ name: 'UserLambdaValidationException', message: 'PostConfirmation failed with error Audit log down.' });
    expect(recorder.received()).toEqual([expect.objectContaining(envelope(app, 'PostConfirmation_ConfirmForgotPassword', user.sub))]);
    await expect(signIn(app, user.email, NEW_PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  });

  test('it does not fire when an admin-created user sets a password at NEW_PASSWORD_REQUIRED', async () => {
    const email = uniqueEmail();
    await ctx.t.admin.send(new AdminCreateUserCommand({ UserPoolId: app.poolId, Username: email, TemporaryPassword: PASSWORD }));
    const challenge = await passwordSignIn(app, email, PASSWORD);
    recorder.reset();
    const answered = await ctx.t.admin.send(
      new RespondToAuthChallengeCommand({
        ClientId: app.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD },
      }),
    );
    expect(answered.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(recorder.events).toHaveLength(0);
  });
});
