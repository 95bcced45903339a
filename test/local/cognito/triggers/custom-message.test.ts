/** CustomMessage: the text of every coded message, for each source, with the code filled in; and the messages Cognito refuses. */
import {
  AdminCreateUserCommand,
  AdminResetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { OutboxMessage } from '../../../../src/local/cognito/domain/outbox';
import { App, confirmedUser, messageCount, PASSWORD, signedInUser, uniqueEmail } from '../../../support/cognito';
import { appWithTriggers, envelope, TriggerEvent, useTriggerEngine } from './support';

const { ctx, recorder } = useTriggerEngine();
let app: App;
beforeAll(async () => {
  app = await appWithTriggers(ctx, ['CustomMessage']);
});

/** A handler that writes its own text, naming the source, around the placeholders it was given. */
function customText(): void {
  recorder.on('customMessage', (event: TriggerEvent) => {
    const { codeParameter, usernameParameter } = event.request;
    const who = usernameParameter ? ` for ${usernameParameter}` : '';
    return {
      ...event,
      response: {
        emailSubject: `Subject of ${event.triggerSource}`,
        emailMessage: `<p>${event.triggerSource}: ${codeParameter}${who}</p>`,
        smsMessage: `${event.triggerSource} ${codeParameter}${who}`,
      },
    };
  });
}

const latest = (address: string): OutboxMessage => ctx.t.engine.outbox.latest(address)!;

function expectCustom(address: string, source: string, extra = ''): OutboxMessage {
  const message = latest(address);
  expect(message).toMatchObject({ subject: `Subject of ${source}`, body: `<p>${source}: ${message.code}${extra}</p>` });
  expect(message.code).toMatch(/\S{6,}/);
  return message;
}

test('CustomMessage_SignUp: the event offers placeholders, the outbox gets the text with the code, and the code works', async () => {
  customText();
  const email = uniqueEmail();
  const { UserSub } = await ctx.t.admin.send(new SignUpCommand({ ClientId: app.clientId, Username: email, Password: PASSWORD, ClientMetadata: { locale: 'fr' } }));
  expect(recorder.received()).toEqual([
    {
      ...envelope(app, 'CustomMessage_SignUp', UserSub!),
      request: {
        userAttributes: { sub: UserSub, email, 'cognito:user_status': 'UNCONFIRMED' },
        codeParameter: '{####}',
        linkParameter: '{##Click Here##}',
        usernameParameter: null,
        clientMetadata: { locale: 'fr' },
      },
      response: { smsMessage: null, emailMessage: null, emailSubject: null },
    },
  ]);
  const message = expectCustom(email, 'CustomMessage_SignUp');
  await ctx.t.admin.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: email, ConfirmationCode: message.code }));
});

test('CustomMessage_ResendCode and CustomMessage_ForgotPassword (also for an admin reset)', async () => {
  const pending = uniqueEmail();
  await ctx.t.admin.send(new SignUpCommand({ ClientId: app.clientId, Username: pending, Password: PASSWORD }));
  const user = await confirmedUser(app);
  customText();
  await ctx.t.admin.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: pending }));
  expectCustom(pending, 'CustomMessage_ResendCode');
  await ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: user.email }));
  expectCustom(user.email, 'CustomMessage_ForgotPassword');
  await ctx.t.admin.send(new AdminResetUserPasswordCommand({ UserPoolId: app.poolId, Username: user.email }));
  expectCustom(user.email, 'CustomMessage_ForgotPassword');
  expect(recorder.received('CustomMessage_ForgotPassword').map((e) => e.callerContext.clientId)).toEqual([app.clientId, 'CLIENT_ID_NOT_APPLICABLE']);
});

test('CustomMessage_UpdateUserAttribute (a changed email, by the user or an admin) and CustomMessage_VerifyUserAttribute (asked for)', async () => {
  const plain = await appWithTriggers(ctx, ['CustomMessage'], { UsernameAttributes: undefined });
  const user = await signedInUser(plain, { username: `user-${Date.now()}` });
  customText();
  const changed = uniqueEmail('changed');
  await ctx.t.admin.send(new UpdateUserAttributesCommand({ AccessToken: user.tokens.AccessToken, UserAttributes: [{ Name: 'email', Value: changed }] }));
  expectCustom(changed, 'CustomMessage_UpdateUserAttribute');
  await ctx.t.admin.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.tokens.AccessToken, AttributeName: 'email' }));
  expectCustom(changed, 'CustomMessage_VerifyUserAttribute');
  const byAdmin = uniqueEmail('by-admin');
  await ctx.t.admin.send(new AdminUpdateUserAttributesCommand({ UserPoolId: plain.poolId, Username: user.username, UserAttributes: [{ Name: 'email', Value: byAdmin }] }));
  expectCustom(byAdmin, 'CustomMessage_UpdateUserAttribute');
});

test('CustomMessage_AdminCreateUser: {username} and the temporary password, by email and by SMS', async () => {
  customText();
  const email = uniqueEmail();
  const phone = '+15555550123';
  await ctx.t.admin.send(
    new AdminCreateUserCommand({
      UserPoolId: app.poolId,
      Username: email,
      TemporaryPassword: 'Temp-$&-pass-1',
      UserAttributes: [{ Name: 'phone_number', Value: phone }],
      DesiredDeliveryMediums: ['EMAIL', 'SMS'],
    }),
  );
  expect(recorder.received()[0].request).toMatchObject({ usernameParameter: '{username}', codeParameter: '{####}' });
  // A `$` in the password is copied as it is, never read as a replacement pattern.
  expect(latest(email)).toMatchObject({ subject: 'Subject of CustomMessage_AdminCreateUser', body: `<p>CustomMessage_AdminCreateUser: Temp-$&-pass-1 for ${email}</p>` });
  expect(latest(phone)).toMatchObject({ medium: 'SMS', body: `CustomMessage_AdminCreateUser Temp-$&-pass-1 for ${email}` });
});

test('a response that leaves the text out keeps the standard message', async () => {
  const email = uniqueEmail();
  await ctx.t.admin.send(new SignUpCommand({ ClientId: app.clientId, Username: email, Password: PASSWORD }));
  expect(latest(email)).toMatchObject({ subject: 'Your verification code', body: `Your confirmation code is ${latest(email).code}` });
});

test.each([
  ['a message without {####}', { emailMessage: 'Welcome aboard!' }],
  ['a message too long for email', { emailMessage: `{####} ${'x'.repeat(20_000)}` }],
  ['a message that is not a string', { emailMessage: 42 }],
])('%s is refused, and nothing is sent', async (_label, response) => {
  const user = await confirmedUser(app);
  recorder.on('customMessage', (event) => ({ ...event, response }));
  const before = messageCount(app, user.email);
  await expect(ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: user.email }))).rejects.toMatchObject({
    name: typeof response.emailMessage === 'string' ? 'InvalidParameterException' : 'InvalidLambdaResponseException',
  });
  expect(messageCount(app, user.email)).toBe(before);
});

test('an invitation without {username} is refused as Cognito refuses it', async () => {
  recorder.on('customMessage', (event) => ({ ...event, response: { emailMessage: 'Your password is {####}' } }));
  await expect(ctx.t.admin.send(new AdminCreateUserCommand({ UserPoolId: app.poolId, Username: uniqueEmail() }))).rejects.toMatchObject({
    name: 'InvalidParameterException',
    message: expect.stringContaining("Value at 'emailMessage' failed to satisfy constraint"),
  });
});
