/**
 * Code budgets (src/local/cognito/domain/budgets.ts): per account, purpose and hour, codes sent
 * and codes tried are limited, a new code brings no new tries, parallel tries cannot get past the
 * limit, and unknown names are limited alike without their names being stored.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  AdminResetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  ResendConfirmationCodeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { BUDGET_WINDOW_MS, CODE_ATTEMPTS_PER_WINDOW, CODE_SENDS_PER_WINDOW } from '../../../src/local/cognito/domain/budgets';
import {
  App,
  MINUTE,
  NEW_PASSWORD,
  confirmedUser,
  createApp,
  latestCode,
  messageCount,
  otherCode,
  passwordSignIn,
  signIn,
  signUpUser,
  signedInUser,
  uniqueEmail,
  useEngine,
} from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const limitExceeded = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' };
const mismatch = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' };

const forgot = (username: string) => ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: username }));
const confirmForgot = (username: string, code: string) =>
  ctx.t.admin.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code, Password: NEW_PASSWORD }));

/** Moves the clock to the start of the next budget window (windows are aligned to the clock). */
const toNextWindow = () => ctx.clock.advance(BUDGET_WINDOW_MS - (ctx.clock.now() % BUDGET_WINDOW_MS));

describe('tries are the account’s, not the code’s', () => {
  test('a reissued reset code brings no new tries; the next window does', async () => {
    const user = await confirmedUser(app);
    await forgot(user.email);
    const first = latestCode(app, user.email);
    for (let i = 0; i < CODE_ATTEMPTS_PER_WINDOW; i++) await expect(confirmForgot(user.email, otherCode(first))).rejects.toMatchObject(mismatch);
    // A reset code lives exactly one window, so it must not be issued on a window's first
    // millisecond for it to outlive this window (a one-in-3.6-million start).
    if (ctx.clock.now() % BUDGET_WINDOW_MS === 0) ctx.clock.advance(1);
    await forgot(user.email);
    const second = latestCode(app, user.email);
    await expect(confirmForgot(user.email, otherCode(second))).rejects.toMatchObject(limitExceeded);
    await expect(confirmForgot(user.email, second)).rejects.toMatchObject(limitExceeded);
    toNextWindow();
    await confirmForgot(user.email, second);
    await expect(signIn(app, user.email, NEW_PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  });

  test('wrong codes with no code outstanding count too', async () => {
    const user = await confirmedUser(app);
    for (let i = 0; i < CODE_ATTEMPTS_PER_WINDOW; i++) await expect(confirmForgot(user.email, '123456')).rejects.toMatchObject(mismatch);
    await forgot(user.email);
    await expect(confirmForgot(user.email, latestCode(app, user.email))).rejects.toMatchObject(limitExceeded);
  });

  test.each(['a known name', 'an unknown name'])('~20 parallel wrong codes for %s: exactly the budget is evaluated', async (who) => {
    const username = who === 'a known name' ? (await confirmedUser(app)).email : uniqueEmail('ghost');
    await forgot(username);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => confirmForgot(username, '000000')));
    const names = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : 'accepted'));
    expect(names.filter((n) => n === mismatch.name)).toHaveLength(CODE_ATTEMPTS_PER_WINDOW);
    expect(names.filter((n) => n === limitExceeded.name)).toHaveLength(20 - CODE_ATTEMPTS_PER_WINDOW);
  });
});

describe('sends are limited per account, purpose and window', () => {
  const senders: [string, () => Promise<{ send: () => Promise<unknown>; address: string; mails: boolean }>][] = [
    ['ForgotPassword', async () => {
      const { email } = await confirmedUser(app);
      return { send: () => forgot(email), address: email, mails: true };
    }],
    ['ForgotPassword for an unknown name', async () => {
      const email = uniqueEmail('ghost');
      return { send: () => forgot(email), address: email, mails: false };
    }],
    ['ResendConfirmationCode', async () => {
      const { email } = await signUpUser(app);
      return { send: () => ctx.t.admin.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: email })), address: email, mails: true };
    }],
    ['GetUserAttributeVerificationCode', async () => {
      const { email, password } = await confirmedUser(app);
      // Signed in for each request: an access token lives one hour, as long as a window.
      const send = async () =>
        ctx.t.admin.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: (await signIn(app, email, password)).AccessToken, AttributeName: 'email' }));
      return { send, address: email, mails: true };
    }],
  ];

  test.each(senders)('%s: trips after the documented number, and recovers in the next window', async (_, setUp) => {
    const { send, address, mails } = await setUp();
    const before = messageCount(app, address);
    for (let i = 0; i < CODE_SENDS_PER_WINDOW; i++) await expect(send()).resolves.toMatchObject({ CodeDeliveryDetails: expect.any(Object) });
    await expect(send()).rejects.toMatchObject(limitExceeded);
    expect(messageCount(app, address)).toBe(before + (mails ? CODE_SENDS_PER_WINDOW : 0));
    toNextWindow();
    await expect(send()).resolves.toMatchObject({ CodeDeliveryDetails: expect.any(Object) });
  });

  test('~20 parallel ForgotPassword: exactly the budget is sent', async () => {
    const user = await confirmedUser(app);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => forgot(user.email)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(CODE_SENDS_PER_WINDOW);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as Error).name === limitExceeded.name)).toHaveLength(20 - CODE_SENDS_PER_WINDOW);
    expect(messageCount(app, user.email)).toBe(1 + CODE_SENDS_PER_WINDOW); // the sign-up code, then the resets
  });

  test('each purpose has its own budget, and admin operations have none', async () => {
    const user = await signedInUser(app);
    for (let i = 0; i < CODE_SENDS_PER_WINDOW; i++) await forgot(user.email);
    await expect(forgot(user.email)).rejects.toMatchObject(limitExceeded);
    await expect(
      ctx.t.admin.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.tokens.AccessToken, AttributeName: 'email' })),
    ).resolves.toMatchObject({ CodeDeliveryDetails: expect.any(Object) });
    for (let i = 0; i <= CODE_SENDS_PER_WINDOW; i++) {
      await ctx.t.admin.send(new AdminResetUserPasswordCommand({ UserPoolId: app.poolId, Username: user.email }));
    }
  });
});

test('the table keeps no unknown name; its ghost records carry a ttl in epoch seconds', async () => {
  const fresh = await createApp(ctx.t);
  const ghost = uniqueEmail('stored-ghost');
  await ctx.t.admin.send(new ForgotPasswordCommand({ ClientId: fresh.clientId, Username: ghost }));
  await expect(
    ctx.t.admin.send(new ConfirmForgotPasswordCommand({ ClientId: fresh.clientId, Username: ghost, ConfirmationCode: '123456', Password: NEW_PASSWORD })),
  ).rejects.toMatchObject(mismatch);
  await expect(passwordSignIn(fresh, ghost, 'Wrong-password-1')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: ctx.t.dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  try {
    const { Items = [] } = await doc.send(new ScanCommand({ TableName: 'cognito-engine' }));
    expect(JSON.stringify(Items).toLowerCase()).not.toContain('stored-ghost');
    const records = Items.filter((item) => String(item.pk).startsWith(`GHOST#${fresh.poolId}#`));
    expect(new Set(records.map((item) => item.pk)).size).toBe(1);
    const now = ctx.clock.now();
    const window = Math.floor(now / BUDGET_WINDOW_MS);
    const windowEnds = Math.floor(((window + 1) * BUDGET_WINDOW_MS) / 1000);
    expect(Object.fromEntries(records.map((item) => [item.sk, item.ttl]))).toEqual({
      LOCKOUT: Math.floor((now + 15 * MINUTE) / 1000),
      [`BUDGET#send#FORGOT_PASSWORD#${window}`]: windowEnds,
      [`BUDGET#attempt#FORGOT_PASSWORD#${window}`]: windowEnds,
    });
  } finally {
    doc.destroy();
  }
});
