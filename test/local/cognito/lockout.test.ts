import { AdminInitiateAuthCommand, ChangePasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, MINUTE, SECOND, TestUser, confirmedUser, createApp, passwordSignIn, signedInUser, useEngine } from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const WRONG = 'Wrong-password-1';
const badCredentials = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const locked = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' };

const attempt = (user: TestUser, password: string) => passwordSignIn(app, user.email, password);
const expectLocked = (user: TestUser) => expect(attempt(user, user.password)).rejects.toMatchObject(locked);
const expectSignIn = (user: TestUser) => expect(attempt(user, user.password)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });

async function fail(user: TestUser, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await expect(attempt(user, WRONG)).rejects.toMatchObject(badCredentials);
}

test('5 wrong passwords lock the account for 1 s, even against the right password', async () => {
  const user = await confirmedUser(app);
  await fail(user, 5);
  await expectLocked(user);
  await expect(attempt(user, WRONG)).rejects.toMatchObject(locked);
  ctx.clock.advance(SECOND - 1);
  await expectLocked(user);
  ctx.clock.advance(1);
  await expectSignIn(user);
  // The success reset the count: the next wrong password is only the first.
  await fail(user, 4);
  await expectSignIn(user);
});

test('each further failure doubles the lock, 2^(n-5) s; attempts during a lock do not extend it', async () => {
  const user = await confirmedUser(app);
  await fail(user, 5);
  // Failures 6, 7 and 8 lock for 2, 4 and 8 seconds.
  for (const seconds of [2, 4, 8]) {
    ctx.clock.advance((seconds / 2) * SECOND); // the previous lock has ended
    await fail(user, 1);
    ctx.clock.advance(seconds * SECOND - 1);
    await expectLocked(user);
    await expect(attempt(user, WRONG)).rejects.toMatchObject(locked);
  }
  ctx.clock.advance(1);
  await expectSignIn(user);
});

test('the lock is capped at 15 minutes', async () => {
  const user = await confirmedUser(app);
  await fail(user, 5);
  for (let n = 6; n <= 15; n++) {
    ctx.clock.advance(Math.min(2 ** (n - 6), 900) * SECOND);
    await fail(user, 1);
  }
  ctx.clock.advance(15 * MINUTE - 1);
  await expectLocked(user);
  ctx.clock.advance(1);
  await expectSignIn(user);
});

test('the count resets after 15 quiet minutes', async () => {
  const user = await confirmedUser(app);
  await fail(user, 4);
  ctx.clock.advance(15 * MINUTE);
  await fail(user, 4);
  await expectSignIn(user);
});

test('~20 parallel wrong attempts: at most 5 are evaluated, and the account ends locked', async () => {
  const user = await confirmedUser(app);
  const results = await Promise.allSettled(Array.from({ length: 20 }, () => attempt(user, WRONG)));
  const messages = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'signed in'));
  const evaluated = messages.filter((m) => m === badCredentials.message).length;
  expect(evaluated).toBeGreaterThanOrEqual(1);
  expect(evaluated).toBeLessThanOrEqual(5);
  expect(messages.filter((m) => m === locked.message)).toHaveLength(20 - evaluated);
  if (evaluated < 5) await fail(user, 5 - evaluated);
  await expectLocked(user);
});

test('parallel attempts with the right password among wrong ones cannot get past a lock', async () => {
  const user = await confirmedUser(app);
  await fail(user, 5);
  const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => attempt(user, i % 2 ? user.password : WRONG)));
  expect(results.every((r) => r.status === 'rejected' && (r.reason as Error).message === locked.message)).toBe(true);
});

test('AdminInitiateAuth and ChangePassword share the lockout', async () => {
  const user = await signedInUser(app);
  const adminAttempt = (password: string) =>
    ctx.t.admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: app.poolId,
        ClientId: app.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: user.email, PASSWORD: password },
      }),
    );
  for (let i = 0; i < 3; i++) await expect(adminAttempt(WRONG)).rejects.toMatchObject(badCredentials);
  const change = (previous: string) =>
    ctx.t.admin.send(new ChangePasswordCommand({ AccessToken: user.tokens.AccessToken, PreviousPassword: previous, ProposedPassword: 'Battery-staple-2' }));
  for (let i = 0; i < 2; i++) await expect(change(WRONG)).rejects.toMatchObject(badCredentials);
  await expect(change(user.password)).rejects.toMatchObject(locked);
  await expect(adminAttempt(user.password)).rejects.toMatchObject(locked);
  await expectLocked(user);
});

test('unknown users are answered as a wrong password however often they are tried', async () => {
  const ghost = { username: 'ghost-lockout@example.com', email: 'ghost-lockout@example.com', password: WRONG } as TestUser;
  for (let i = 0; i < 7; i++) await expect(attempt(ghost, WRONG)).rejects.toMatchObject(badCredentials);
});
