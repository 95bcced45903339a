import { AdminInitiateAuthCommand, ChangePasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, MINUTE, SECOND, TestUser, confirmedUser, createApp, passwordSignIn, signedInUser, uniqueEmail, useEngine } from '../../support/cognito';

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

describe('a name no user has is locked exactly as an account is', () => {
  const ghostName = () => ({ email: uniqueEmail('ghost') }) as TestUser;
  const answer = (user: TestUser) => attempt(user, WRONG).then(() => 'signed in', (e: Error) => `${e.name}: ${e.message}`);

  test('step by step: the same answers at the same attempts, the lock expiring alike', async () => {
    const known = await confirmedUser(app);
    const unknown = ghostName();
    const answers: Record<'known' | 'unknown', string[]> = { known: [], unknown: [] };
    const step = async (wait = 0) => {
      ctx.clock.advance(wait);
      answers.known.push(await answer(known));
      answers.unknown.push(await answer(unknown));
    };
    for (let i = 0; i < 5; i++) await step(); // failures 1-5; the fifth locks for 1 s
    await step(); // locked
    await step(SECOND - 1); // still locked
    await step(1); // the lock has ended: failure 6, locked for 2 s
    await step(SECOND); // locked
    await step(SECOND); // failure 7, locked for 4 s
    await step(15 * MINUTE); // 15 quiet minutes: the count starts again, failure 1
    for (let i = 0; i < 4; i++) await step(); // failures 2-5
    await step(); // locked
    const wrong = `${badCredentials.name}: ${badCredentials.message}`;
    const lock = `${locked.name}: ${locked.message}`;
    expect(answers.known).toEqual([...Array(5).fill(wrong), lock, lock, wrong, lock, wrong, ...Array(5).fill(wrong), lock]);
    expect(answers.unknown).toEqual(answers.known);
  });

  test('a locked name is refused without hashing, known or not', async () => {
    const known = await confirmedUser(app);
    const unknown = ghostName();
    const verify = jest.spyOn(ctx.t.engine.services.hasher, 'verify');
    try {
      for (const user of [known, unknown]) {
        await fail(user, 5);
        verify.mockClear();
        await expect(attempt(user, WRONG)).rejects.toMatchObject(locked);
        expect(verify).not.toHaveBeenCalled();
      }
    } finally {
      verify.mockRestore();
    }
  });

  test('~20 parallel attempts on an unknown name: at most 5 are evaluated, the rest locked', async () => {
    const unknown = ghostName();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => attempt(unknown, WRONG)));
    const messages = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'signed in'));
    const evaluated = messages.filter((m) => m === badCredentials.message).length;
    expect(evaluated).toBeGreaterThanOrEqual(1);
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(messages.filter((m) => m === locked.message)).toHaveLength(20 - evaluated);
  });
});
