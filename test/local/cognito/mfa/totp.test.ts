/**
 * TOTP MFA through the SDK: the pool's MFA configuration, setting TOTP up (with an access token,
 * and at sign-in through MFA_SETUP), the SOFTWARE_TOKEN_MFA challenge with codes computed from the
 * secret, single use, drift, attempt limits and expiry.
 */
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, MINUTE, confirmedUser, createApp, otherCode, passwordSignIn, signedInUser, useEngine } from '../../../support/cognito';
import { totpCode } from '../../../support/totp';
import { enableTotp, respond } from './support';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t, { MfaConfiguration: 'OPTIONAL' });
});

const sessionExpired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };
const wrongCode = { name: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' };

async function atTotpChallenge(target: App = app) {
  const user = await signedInUser(target);
  const secret = await enableTotp(target, user, ctx.clock);
  const challenge = await passwordSignIn(target, user.email, user.password);
  return { user, secret, challenge };
}

describe('SetUserPoolMfaConfig and GetUserPoolMfaConfig', () => {
  test('set the mode and the factors, and answer them back', async () => {
    const pool = await createApp(ctx.t);
    const set = await ctx.t.admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: pool.poolId,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code: {####}', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns' } },
        EmailMfaConfiguration: { Message: 'Sign-in code {####}', Subject: 'Your code' },
      }),
    );
    const expected = {
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code: {####}', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns' } },
      EmailMfaConfiguration: { Message: 'Sign-in code {####}', Subject: 'Your code' },
    };
    expect(set).toMatchObject(expected);
    expect(await ctx.t.admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: pool.poolId }))).toMatchObject(expected);
    expect((await ctx.t.admin.send(new DescribeUserPoolCommand({ UserPoolId: pool.poolId }))).UserPool!.MfaConfiguration).toBe('ON');
  });

  test('refuse MFA ON with no factor, a message without {####}, and an unknown mode', async () => {
    const pool = await createApp(ctx.t);
    const set = (input: Record<string, unknown>) => ctx.t.admin.send(new SetUserPoolMfaConfigCommand({ UserPoolId: pool.poolId, ...input }));
    await expect(set({ MfaConfiguration: 'ON' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(set({ SmsMfaConfiguration: { SmsAuthenticationMessage: 'no code here' } })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(set({ MfaConfiguration: 'SOMETIMES' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(ctx.t.admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: 'us-east-1_nope' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('setting TOTP up with an access token', () => {
  test('AssociateSoftwareToken, VerifySoftwareToken, then SetUserMFAPreference turns it on', async () => {
    const user = await signedInUser(app);
    const { SecretCode } = await ctx.t.admin.send(new AssociateSoftwareTokenCommand({ AccessToken: user.tokens.AccessToken }));
    expect(SecretCode).toMatch(/^[A-Z2-7]{32}$/);
    await expect(
      ctx.t.admin.send(new VerifySoftwareTokenCommand({ AccessToken: user.tokens.AccessToken, UserCode: otherCode(totpCode(SecretCode!, ctx.clock.now())) })),
    ).rejects.toMatchObject({ name: 'EnableSoftwareTokenMFAException' });
    await expect(
      ctx.t.admin.send(new VerifySoftwareTokenCommand({ AccessToken: user.tokens.AccessToken, UserCode: totpCode(SecretCode!, ctx.clock.now()), FriendlyDeviceName: 'phone' })),
    ).resolves.toMatchObject({ Status: 'SUCCESS' });
    expect(await ctx.t.admin.send(new GetUserCommand({ AccessToken: user.tokens.AccessToken }))).toMatchObject({ UserMFASettingList: [] });
    await ctx.t.admin.send(new SetUserMFAPreferenceCommand({ AccessToken: user.tokens.AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    expect(await ctx.t.admin.send(new GetUserCommand({ AccessToken: user.tokens.AccessToken }))).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
  });

  test('the secret is sealed in the table: the user record does not hold it', async () => {
    const user = await signedInUser(app);
    const { SecretCode } = await ctx.t.admin.send(new AssociateSoftwareTokenCommand({ AccessToken: user.tokens.AccessToken }));
    const stored = JSON.stringify(await ctx.t.engine.services.users.get(app.poolId, user.sub));
    expect(stored).not.toContain(SecretCode);
    expect(stored).toContain('totpPending');
  });

  test('VerifySoftwareToken before AssociateSoftwareToken, and TOTP turned on unverified, are refused', async () => {
    const user = await signedInUser(app);
    await expect(ctx.t.admin.send(new VerifySoftwareTokenCommand({ AccessToken: user.tokens.AccessToken, UserCode: '123456' }))).rejects.toMatchObject({
      name: 'EnableSoftwareTokenMFAException',
    });
    await expect(
      ctx.t.admin.send(new SetUserMFAPreferenceCommand({ AccessToken: user.tokens.AccessToken, SoftwareTokenMfaSettings: { Enabled: true } })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'User has not verified software token mfa' });
  });

  test('a pool without TOTP answers SoftwareTokenMFANotFoundException', async () => {
    const off = await createApp(ctx.t);
    const user = await signedInUser(off);
    await expect(ctx.t.admin.send(new AssociateSoftwareTokenCommand({ AccessToken: user.tokens.AccessToken }))).rejects.toMatchObject({
      name: 'SoftwareTokenMFANotFoundException',
    });
  });
});

describe('SOFTWARE_TOKEN_MFA at sign-in', () => {
  test('the password leads to the challenge, and the code to tokens', async () => {
    const { user, secret, challenge } = await atTotpChallenge();
    expect(challenge).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: expect.any(String) });
    expect(challenge.AuthenticationResult).toBeUndefined();
    const done = await respond(app, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, ctx.clock.now()) });
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  test('a code works once: replayed in another sign-in it is refused', async () => {
    const { user, secret, challenge } = await atTotpChallenge();
    const code = totpCode(secret, ctx.clock.now());
    await respond(app, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: code });
    const again = await passwordSignIn(app, user.email, user.password);
    await expect(respond(app, 'SOFTWARE_TOKEN_MFA', again.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: code })).rejects.toMatchObject(wrongCode);
    // ...and the next step's code still works.
    ctx.clock.advance(30_000);
    await expect(respond(app, 'SOFTWARE_TOKEN_MFA', again.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, ctx.clock.now()) })).resolves.toMatchObject({
      AuthenticationResult: expect.any(Object),
    });
  });

  test('one step of drift is accepted either way, two are not', async () => {
    const { user, secret, challenge } = await atTotpChallenge();
    await expect(respond(app, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, ctx.clock.now(), 2) })).rejects.toMatchObject(
      wrongCode,
    );
    await expect(respond(app, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, ctx.clock.now(), 1) })).resolves.toMatchObject({
      AuthenticationResult: expect.any(Object),
    });
  });

  test('three wrong codes spend the Session: then even the right one is refused', async () => {
    const { user, secret, challenge } = await atTotpChallenge();
    const right = totpCode(secret, ctx.clock.now());
    for (let i = 0; i < 3; i++) await expect(respond(app, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: otherCode(right) })).rejects.toMatchObject(wrongCode);
    await expect(respond(app, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: right })).rejects.toMatchObject(sessionExpired);
  });

  test('10 parallel wrong codes: at most 3 are evaluated, the others find the Session spent', async () => {
    const { user, secret, challenge } = await atTotpChallenge();
    const wrong = otherCode(totpCode(secret, ctx.clock.now()));
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => respond(app, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: wrong })));
    const names = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'signed in'));
    expect(names.filter((m) => m === wrongCode.message).length).toBeLessThanOrEqual(3);
    expect(names.filter((m) => m === sessionExpired.message).length).toBeGreaterThanOrEqual(7);
  });

  test('the Session expires after the client’s AuthSessionValidity', async () => {
    const { user, secret, challenge } = await atTotpChallenge();
    ctx.clock.advance(3 * MINUTE);
    await expect(respond(app, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, ctx.clock.now()) })).rejects.toMatchObject(
      sessionExpired,
    );
  });

  test('AdminSetUserMFAPreference turns it off (and AdminGetUser shows it): the next sign-in needs no code', async () => {
    const { user } = await atTotpChallenge();
    expect(await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }))).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    await ctx.t.admin.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: app.poolId, Username: user.email, SoftwareTokenMfaSettings: { Enabled: false } }));
    expect((await ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }))).UserMFASettingList).toEqual([]);
    await expect(passwordSignIn(app, user.email, user.password)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });
});

describe('MFA_SETUP: a pool that requires MFA, and a user without a factor', () => {
  test('AssociateSoftwareToken and VerifySoftwareToken with the Session, then MFA_SETUP signs in, with TOTP on from then', async () => {
    const required = await createApp(ctx.t, { MfaConfiguration: 'ON' });
    const user = await confirmedUser(required);
    const setup = await passwordSignIn(required, user.email, user.password);
    expect(setup).toMatchObject({ ChallengeName: 'MFA_SETUP', ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' } });
    const associated = await ctx.t.admin.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    expect(associated).toMatchObject({ SecretCode: expect.stringMatching(/^[A-Z2-7]{32}$/), Session: expect.any(String) });
    await expect(ctx.t.admin.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: otherCode(totpCode(associated.SecretCode!, ctx.clock.now())) }))).rejects.toMatchObject({
      name: 'EnableSoftwareTokenMFAException',
    });
    const verified = await ctx.t.admin.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCode(associated.SecretCode!, ctx.clock.now()) }));
    expect(verified).toMatchObject({ Status: 'SUCCESS', Session: expect.any(String) });
    // The old Sessions are spent.
    await expect(ctx.t.admin.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }))).rejects.toMatchObject(sessionExpired);
    const done = await respond(required, 'MFA_SETUP', verified.Session, { USERNAME: user.sub });
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(await ctx.t.admin.send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken }))).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    await expect(passwordSignIn(required, user.email, user.password)).resolves.toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA' });
  });

  test('MFA_SETUP answered before a code was verified is refused', async () => {
    const required = await createApp(ctx.t, { MfaConfiguration: 'ON' });
    const user = await confirmedUser(required);
    const setup = await passwordSignIn(required, user.email, user.password);
    await expect(respond(required, 'MFA_SETUP', setup.Session, { USERNAME: user.sub })).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});
