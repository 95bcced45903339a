/**
 * The API's rate limits on secret-checking operations, over HTTP as an attacker sends them:
 * per account and per client IP, unknown names limited exactly like known ones, refusals that
 * reach no backend, and the client IP taken from X-Forwarded-For only through a trusted proxy.
 * Tight budgets here; the shipped numbers are checked in test/config.test.ts.
 */
import type { RateLimitPolicy } from '../../src/auth/rateLimitPolicy';
import { ConfirmSignUpDocument, ResetPasswordDocument, SignInDocument } from '../generated/graphql';
import { API_KEY, GraphQLResponse, ROOMY_RATE_LIMITS, startTestApi, TestApi } from '../support/api';
import { confirmedUser, PASSWORD, signUpUser, uniqueEmail, wrongCode } from '../support/users';

const MINUTE = 60_000;
const policy: RateLimitPolicy = {
  ...ROOMY_RATE_LIMITS,
  password: { perAccount: 3, perIp: 8, windowMs: 15 * MINUTE },
  send: { perAccount: 2, perIp: 1000, windowMs: 15 * MINUTE },
};

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ rateLimits: policy, trustedProxies: ['127.0.0.1'] });
});
afterAll(() => t.stop());

let clients = 0;
/** A fresh client address, as the trusted proxy (the test itself, on loopback) reports it. */
const fromNewClient = () => ({ apiKey: API_KEY, headers: { 'x-forwarded-for': `198.51.100.${++clients}` } });

const signIn = (username: string, password: string, from = fromNewClient()) => t.gql(SignInDocument, { input: { username, password } }, from);

/** What a client sees: the code and message of each answer (data or error). */
const answer = (response: GraphQLResponse<unknown>) => {
  const error = response.errors?.[0];
  return error ? `${error.extensions?.code}: ${error.message}` : 'ok';
};

/** Runs `task` and counts the Cognito operations the engine received meanwhile. */
async function engineCalls<T>(task: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const calls: string[] = [];
  const stop = t.world.engine.observe((operation) => calls.push(operation));
  try {
    return { result: await task(), calls };
  } finally {
    stop();
  }
}

describe('per account', () => {
  test('wrong passwords beyond the budget are refused with RATE_LIMITED and a retry-after, reaching no backend', async () => {
    const email = uniqueEmail('limited');
    await confirmedUser(t, email);
    for (let i = 0; i < 3; i++) expect(answer(await signIn(email, 'Wr0ng-Passw0rd!'))).toBe('NOT_AUTHORIZED: Incorrect username or password.');
    const { result, calls } = await engineCalls(() => signIn(email, PASSWORD));
    // (A wrong password's SIGN_IN_FAILED lookup may still be running in the background.)
    expect(calls.filter((c) => c !== 'AdminGetUser')).toEqual([]);
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'RATE_LIMITED', errorType: 'RateLimitedException', retryAfter: expect.any(Number) },
      message: expect.stringMatching(/^Too many attempts\. Please try again in \d+ (seconds|minutes)\.$/),
    });
    expect(result.errors![0].extensions!.retryAfter as number).toBeLessThanOrEqual(15 * 60);
    // Typed another way, it is the same account.
    expect(answer(await signIn(`  ${email.toUpperCase()}`.trim(), PASSWORD))).toMatch(/^RATE_LIMITED/);
  });

  test('an unknown name gets exactly the answers a known one gets, in the same order', async () => {
    const known = uniqueEmail('known');
    await confirmedUser(t, known);
    const unknown = uniqueEmail('unknown');
    const answers = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) seen.push(answer(await signIn(email, 'Wr0ng-Passw0rd!')).replace(/\d+ (seconds|minutes)/, 'N'));
      return seen;
    };
    const knownAnswers = await answers(known);
    expect(knownAnswers.slice(3)).toEqual(Array(3).fill('RATE_LIMITED: Too many attempts. Please try again in N.'));
    expect(await answers(unknown)).toEqual(knownAnswers);
  });

  test('successful sign-ins use none of the budget', async () => {
    const email = uniqueEmail('regular');
    await confirmedUser(t, email);
    for (let i = 0; i < 6; i++) expect((await signIn(email, PASSWORD)).data?.signIn?.isSignedIn).toBe(true);
    expect(answer(await signIn(email, 'Wr0ng-Passw0rd!'))).toMatch(/^NOT_AUTHORIZED/);
  });

  test('a burst of parallel wrong passwords gets no more than the budget evaluated', async () => {
    const email = uniqueEmail('burst');
    await confirmedUser(t, email);
    const { result, calls } = await engineCalls(() => Promise.all(Array.from({ length: 20 }, () => signIn(email, 'Wr0ng-Passw0rd!'))));
    expect(calls.filter((c) => c === 'InitiateAuth')).toHaveLength(3);
    expect(result.map(answer).filter((a) => a.startsWith('RATE_LIMITED'))).toHaveLength(17);
  });

  test('code sends count every message: after the sign-up code, the second reset request in the window is refused and sends nothing', async () => {
    const email = uniqueEmail('sends');
    await confirmedUser(t, email); // signUp sent the first message
    const reset = () => t.gql(ResetPasswordDocument, { input: { username: email } }, fromNewClient());
    expect(answer(await reset())).toBe('ok');
    const sent = t.world.engine.outbox.list({ to: email }).length;
    expect(answer(await reset())).toMatch(/^RATE_LIMITED/);
    expect(t.world.engine.outbox.list({ to: email })).toHaveLength(sent);
  });
});

describe('per client IP', () => {
  test('spraying one wrong password over many accounts trips the IP budget; other clients are unaffected', async () => {
    const from = fromNewClient();
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) answers.push(answer(await signIn(uniqueEmail('spray'), 'Wr0ng-Passw0rd!', from)));
    expect(answers.slice(0, 8).every((a) => a.startsWith('NOT_AUTHORIZED'))).toBe(true);
    expect(answers.slice(8).every((a) => a.startsWith('RATE_LIMITED'))).toBe(true);
    expect(answer(await signIn(uniqueEmail('spray'), 'Wr0ng-Passw0rd!'))).toMatch(/^NOT_AUTHORIZED/);
  });
});

describe('without a trusted proxy', () => {
  let direct: TestApi;
  beforeAll(async () => {
    direct = await startTestApi({ rateLimits: policy });
  });
  afterAll(() => direct.stop());

  test('a forged X-Forwarded-For does not buy a fresh budget: the socket address counts', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) {
      const forged = { apiKey: API_KEY, headers: { 'x-forwarded-for': `203.0.113.${i}` } };
      const response = await direct.gql(SignInDocument, { input: { username: uniqueEmail('forged'), password: 'Wr0ng-Passw0rd!' } }, forged);
      answers.push(answer(response));
    }
    expect(answers.filter((a) => a.startsWith('RATE_LIMITED'))).toHaveLength(2);
  });
});

test("a code the engine refuses over its budget (LimitExceededException) costs one engine call, not the SDK's retries", async () => {
  const email = uniqueEmail('budget');
  await signUpUser(t, email);
  const code = t.codeFor(email);
  const confirm = (value: string) => t.gql(ConfirmSignUpDocument, { input: { username: email, code: value } }, fromNewClient());
  let last = '';
  for (let i = 0; i < 10 && !last.startsWith('LIMIT_EXCEEDED'); i++) last = answer(await confirm(wrongCode(code)));
  expect(last).toMatch(/^LIMIT_EXCEEDED/);
  const { result, calls } = await engineCalls(() => confirm(wrongCode(code)));
  expect(answer(result)).toMatch(/^LIMIT_EXCEEDED/);
  expect(calls).toEqual(['ConfirmSignUp']);
});
