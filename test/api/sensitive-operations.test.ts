/**
 * One secret-checking operation per request: aliases, fragments and batches cannot carry many
 * password or code guesses in one request. A refused request is refused whole, before any
 * attempt reaches Cognito.
 */
import { LIMITS } from '../../src/limits/caps';
import { engineCalls } from '../support/admin';
import { API_KEY, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { expectNoInternals } from '../support/expect';
import { confirmedUser, messagesTo, PASSWORD, uniqueEmail } from '../support/users';

let t: TestApi;
let victim: string;
beforeAll(async () => {
  t = await startTestApi();
  victim = uniqueEmail('victim');
  await confirmedUser(t, victim);
});
afterAll(() => t.stop());

const key = { apiKey: API_KEY };
const guess = (n: number) => ({ username: victim, password: `Guess-${n}!` });
const total = (calls: Map<string, number>) => [...calls.values()].reduce((a, b) => a + b, 0);

/** `count` aliased signIns, each with its own password variable. */
function aliasedSignIns(count: number) {
  const numbers = Array.from({ length: count }, (_, i) => i);
  return {
    query: `mutation Guesses(${numbers.map((i) => `$g${i}: SignInInput!`).join(', ')}) { ${numbers.map((i) => `g${i}: signIn(input: $g${i}) { isSignedIn }`).join(' ')} }`,
    variables: Object.fromEntries(numbers.map((i) => [`g${i}`, guess(i)])),
  };
}

function expectRefusedWhole(response: GraphQLResponse<unknown>, code = 'TOO_MANY_SENSITIVE_OPERATIONS'): void {
  expectNoInternals(response);
  expect(response.status).toBe(400);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0].extensions?.code).toBe(code);
}

test('50 aliased signIns are refused whole, and no attempt reaches Cognito', async () => {
  let response: GraphQLResponse<unknown> | undefined;
  const calls = await engineCalls(t, async () => {
    response = await t.raw(aliasedSignIns(50), key);
  });
  expectRefusedWhole(response!);
  expect(response!.errors![0]).toMatchObject({
    errorType: 'TooManySensitiveOperationsException',
    extensions: { maximum: LIMITS.secretOperations },
    message: expect.stringContaining('one request at a time'),
  });
  expect(total(calls)).toBe(0);
});

test('two aliased signIns are already too many', async () => {
  const calls = await engineCalls(t, async () => expectRefusedWhole(await t.raw(aliasedSignIns(2), key)));
  expect(total(calls)).toBe(0);
});

test('a batched array of 50 signIns is refused whole (batching is off), and nothing reaches Cognito', async () => {
  const one = { query: 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { isSignedIn } }' };
  let response: GraphQLResponse<unknown> | undefined;
  const calls = await engineCalls(t, async () => {
    response = await t.raw(
      Array.from({ length: 50 }, (_, i) => ({ ...one, variables: { input: guess(i) } })),
      key,
    );
  });
  expectRefusedWhole(response!, 'BAD_USER_INPUT');
  expect(total(calls)).toBe(0);
});

test.each([
  ['side by side', 'mutation { signIn(input: $s) { isSignedIn } resetPassword(input: $r) { isPasswordReset } }'],
  ['one through a fragment', 'mutation { signIn(input: $s) { isSignedIn } ...Reset } fragment Reset on Mutation { resetPassword(input: $r) { isPasswordReset } }'],
  ['one through an inline fragment', 'mutation { ... on Mutation { signIn(input: $s) { isSignedIn } } resetPassword(input: $r) { isPasswordReset } }'],
])('signIn and resetPassword %s are refused whole: no attempt, no message', async (_how, body) => {
  const query = body.replace('mutation {', 'mutation Mixed($s: SignInInput!, $r: UsernameInput!) {');
  const before = messagesTo(t, victim);
  const calls = await engineCalls(t, async () => expectRefusedWhole(await t.raw({ query, variables: { s: guess(1), r: { username: victim } } }, key)));
  expect(total(calls)).toBe(0);
  expect(messagesTo(t, victim)).toBe(before);
});

test('resetPassword with 5 confirmResetPassword guesses, 8 times over in one request, is refused whole: no attempt, no message', async () => {
  const rounds = Array.from({ length: 8 }, (_, round) =>
    [
      `r${round}: resetPassword(input: { username: "${victim}" }) { isPasswordReset }`,
      ...Array.from({ length: 5 }, (_, n) => `c${round}_${n}: confirmResetPassword(input: { username: "${victim}", code: "${String(round * 5 + n).padStart(6, '0')}", newPassword: "N3w-Passw0rd!" }) { isPasswordReset }`),
    ].join(' '),
  );
  const before = messagesTo(t, victim);
  const calls = await engineCalls(t, async () => expectRefusedWhole(await t.raw({ query: `mutation { ${rounds.join(' ')} }` }, key)));
  expect(total(calls)).toBe(0);
  expect(messagesTo(t, victim)).toBe(before);
});

test('one signIn still works', async () => {
  const response = (await t.raw(
    { query: 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { isSignedIn tokens { accessToken } } }', variables: { input: { username: victim, password: PASSWORD } } },
    key,
  )) as GraphQLResponse<{ signIn: { isSignedIn: boolean; tokens: { accessToken: string } } }>;
  expect(response.errors).toBeUndefined();
  expect(response.data?.signIn).toMatchObject({ isSignedIn: true, tokens: { accessToken: expect.any(String) } });
});

test('the same signIn written twice under one response key runs once, so it counts once', async () => {
  const query = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { isSignedIn } ... on Mutation { signIn(input: $input) { tokens { tokenType } } } }`;
  let response: GraphQLResponse<unknown> | undefined;
  const calls = await engineCalls(t, async () => {
    response = await t.raw({ query, variables: { input: { username: victim, password: PASSWORD } } }, key);
  });
  expect(response!.errors).toBeUndefined();
  expect(response!.data).toEqual({ signIn: { isSignedIn: true, tokens: { tokenType: 'Bearer' } } });
  expect(calls.get('InitiateAuth')).toBe(1);
});

test('a document with two operations, each with one sensitive field, runs the one named', async () => {
  const query = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { isSignedIn } }
    mutation Reset($r: UsernameInput!) { resetPassword(input: $r) { isPasswordReset } }`;
  const before = messagesTo(t, victim);
  let response: GraphQLResponse<unknown> | undefined;
  const calls = await engineCalls(t, async () => {
    response = await t.raw({ query, operationName: 'SignIn', variables: { input: { username: victim, password: PASSWORD } } }, key);
  });
  expect(response!.errors).toBeUndefined();
  expect(response!.data).toEqual({ signIn: { isSignedIn: true } });
  expect(calls.get('InitiateAuth')).toBe(1);
  expect(calls.get('ForgotPassword')).toBeUndefined();
  expect(messagesTo(t, victim)).toBe(before);
});
