/** SMS_MFA and EMAIL_OTP as second factors (codes through the outbox), SELECT_MFA_TYPE, and factors a pool that requires MFA uses unasked. */
import { AdminUpdateUserAttributesCommand, SetUserMFAPreferenceCommand, SetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, confirmedUser, createApp, latestCode, otherCode, passwordSignIn, signedInUser, SignedInUser, TestUser, useEngine } from '../../../support/cognito';
import { enableTotp, respond } from './support';

const ctx = useEngine();
const PHONE = '+15555550123';
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t, { MfaConfiguration: 'OPTIONAL' });
  await ctx.t.admin.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: app.poolId,
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your sign-in code is {####}' },
      EmailMfaConfiguration: { Message: 'Sign in with {####}', Subject: 'Your sign-in code' },
    }),
  );
});

async function withPhone(target: App, user: TestUser, verified = false): Promise<void> {
  await ctx.t.admin.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: target.poolId,
      Username: user.email,
      UserAttributes: [{ Name: 'phone_number', Value: PHONE }, ...(verified ? [{ Name: 'phone_number_verified', Value: 'true' }] : [])],
    }),
  );
}

const prefer = (user: SignedInUser, settings: Record<string, { Enabled: boolean; PreferredMfa?: boolean }>) =>
  ctx.t.admin.send(new SetUserMFAPreferenceCommand({ AccessToken: user.tokens.AccessToken, ...settings }));

test('SMS_MFA: the code goes to the phone through the outbox, in the pool’s message, and signs in', async () => {
  const user = await signedInUser(app);
  await withPhone(app, user);
  await prefer(user, { SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
  const challenge = await passwordSignIn(app, user.email, user.password);
  expect(challenge).toMatchObject({
    ChallengeName: 'SMS_MFA',
    ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0123' },
  });
  const sms = ctx.t.engine.outbox.latest(PHONE)!;
  expect(sms).toMatchObject({ medium: 'SMS', purpose: 'AUTHENTICATION', body: `Your sign-in code is ${sms.code}` });
  await expect(respond(app, 'SMS_MFA', challenge.Session, { USERNAME: user.sub, SMS_MFA_CODE: otherCode(sms.code!) })).rejects.toMatchObject({
    name: 'CodeMismatchException',
    message: 'Invalid code or auth state for the user.',
  });
  await expect(respond(app, 'SMS_MFA', challenge.Session, { USERNAME: user.sub, SMS_MFA_CODE: sms.code! })).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
});

test('EMAIL_OTP: the code goes to the email, with the pool’s subject', async () => {
  const user = await signedInUser(app);
  await prefer(user, { EmailMfaSettings: { Enabled: true, PreferredMfa: true } });
  const challenge = await passwordSignIn(app, user.email, user.password);
  expect(challenge).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' } });
  const mail = ctx.t.engine.outbox.latest(user.email)!;
  expect(mail).toMatchObject({ subject: 'Your sign-in code', body: `Sign in with ${mail.code}` });
  await expect(respond(app, 'EMAIL_OTP', challenge.Session, { USERNAME: user.sub, EMAIL_OTP_CODE: latestCode(app, user.email) })).resolves.toMatchObject({
    AuthenticationResult: expect.any(Object),
  });
});

test('SELECT_MFA_TYPE: two factors and none preferred; the answer picks one', async () => {
  const user = await signedInUser(app);
  await enableTotp(app, user, ctx.clock);
  await withPhone(app, user);
  await prefer(user, { SMSMfaSettings: { Enabled: true }, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false } });
  const select = await passwordSignIn(app, user.email, user.password);
  expect(select).toMatchObject({ ChallengeName: 'SELECT_MFA_TYPE', ChallengeParameters: { MFAS_CAN_CHOOSE: '["SOFTWARE_TOKEN_MFA","SMS_MFA"]' } });
  await expect(respond(app, 'SELECT_MFA_TYPE', select.Session, { USERNAME: user.sub, ANSWER: 'EMAIL_OTP' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
  const sms = await respond(app, 'SELECT_MFA_TYPE', select.Session, { USERNAME: user.sub, ANSWER: 'SMS_MFA' });
  expect(sms.ChallengeName).toBe('SMS_MFA');
  await expect(respond(app, 'SMS_MFA', sms.Session, { USERNAME: user.sub, SMS_MFA_CODE: latestCode(app, PHONE) })).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
});

test('a factor turned on needs its address, and only a turned-on factor can be preferred', async () => {
  const user = await signedInUser(app);
  await expect(prefer(user, { SMSMfaSettings: { Enabled: true } })).rejects.toMatchObject({ name: 'InvalidParameterException' });
  await expect(prefer(user, { EmailMfaSettings: { Enabled: false, PreferredMfa: true } })).rejects.toMatchObject({ name: 'InvalidParameterException' });
});

test('a pool that requires MFA texts a user with a verified phone without asking them to set anything up', async () => {
  const required = await createApp(ctx.t, { MfaConfiguration: 'ON', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns' } });
  const user = await confirmedUser(required);
  await withPhone(required, user, true);
  await expect(passwordSignIn(required, user.email, user.password)).resolves.toMatchObject({ ChallengeName: 'SMS_MFA' });
});
