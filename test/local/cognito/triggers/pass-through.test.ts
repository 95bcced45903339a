/** Every trigger configured, each handler returning the event unchanged: the whole life of an account runs as without triggers. */
import { ConfirmForgotPasswordCommand, ForgotPasswordCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, decodeJwt, latestCode, NEW_PASSWORD, refresh, signedInUser, signIn } from '../../../support/cognito';
import { appWithTriggers, FUNCTION_NAMES, useTriggerEngine } from './support';

const { ctx, recorder } = useTriggerEngine();
let app: App;
beforeAll(async () => {
  const all = FUNCTION_NAMES.map((name) => (name.charAt(0).toUpperCase() + name.slice(1)) as Parameters<typeof appWithTriggers>[1][number]);
  app = await appWithTriggers(ctx, all);
});

test('sign-up, confirmation, sign-in, refresh and a password reset, each trigger at its point', async () => {
  const user = await signedInUser(app);
  expect(decodeJwt(user.tokens.IdToken).payload).toMatchObject({ sub: user.sub, email: user.email, email_verified: true });
  await ctx.t.admin.send(new GetUserCommand({ AccessToken: user.tokens.AccessToken }));
  await refresh(app, user.tokens.RefreshToken);
  await ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: user.email }));
  const resetCode = latestCode(app, user.email);
  await ctx.t.admin.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: user.email, ConfirmationCode: resetCode, Password: NEW_PASSWORD }));
  await signIn(app, user.email, NEW_PASSWORD);
  expect(recorder.sources()).toEqual([
    'PreSignUp_SignUp',
    'CustomMessage_SignUp',
    'PostConfirmation_ConfirmSignUp',
    'PreAuthentication_Authentication',
    'TokenGeneration_Authentication',
    'PostAuthentication_Authentication',
    'TokenGeneration_RefreshTokens',
    'CustomMessage_ForgotPassword',
    'PostConfirmation_ConfirmForgotPassword',
    'PreAuthentication_Authentication',
    'TokenGeneration_Authentication',
    'PostAuthentication_Authentication',
  ]);
  // No event carries a secret: codes travel as the {####} placeholder, and only UserMigration is sent a password.
  const sent = JSON.stringify(recorder.events);
  for (const secret of [NEW_PASSWORD, user.password, resetCode, user.tokens.RefreshToken]) expect(sent).not.toContain(secret);
});
