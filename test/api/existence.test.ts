/**
 * No existence oracle in repeated attempts: on each public path that checks a secret, ten wrong
 * attempts on a known name and on an unknown one get identical answers, in identical order,
 * through the lockout and the code budgets (the 6th answer is where they used to differ). The
 * engine's clock stands still, so locks do not run out midway.
 */
import { ManualClock } from '../../src/local/cognito/clock';
import { ConfirmResetPasswordDocument, ConfirmSignUpDocument, ResetPasswordDocument } from '../generated/graphql';
import { API_KEY, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { confirmedUser, NEW_PASSWORD, signIn, signUpUser, uniqueEmail, wrongCode } from '../support/users';

const clock = new ManualClock(Date.now());
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock });
});
afterAll(() => t.stop());

const key = { apiKey: API_KEY };
const answer = (response: GraphQLResponse<unknown>) => {
  const error = response.errors?.[0];
  return error ? `${error.extensions?.code}: ${error.message}` : 'ok';
};

async function tenTimes(attempt: () => Promise<GraphQLResponse<unknown>>): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < 10; i++) answers.push(answer(await attempt()));
  return answers;
}

/** Ten attempts on each name: five `first` answers, then five `then`, the same for both names. */
async function expectAlike(attempt: (name: string) => Promise<GraphQLResponse<unknown>>, known: string, unknown: string, first: string, then: string): Promise<void> {
  const knownAnswers = await tenTimes(() => attempt(known));
  expect(knownAnswers).toEqual([...Array(5).fill(first), ...Array(5).fill(then)]);
  expect(await tenTimes(() => attempt(unknown))).toEqual(knownAnswers);
}

const WRONG_CODE = 'CODE_MISMATCH: Invalid verification code provided, please try again.';
const OVER_BUDGET = 'LIMIT_EXCEEDED: Attempt limit exceeded, please try after some time.';

test('signIn: wrong passwords, then the lockout, alike for known and unknown names', async () => {
  const known = uniqueEmail('known-signin');
  await confirmedUser(t, known);
  const unknown = uniqueEmail('unknown-signin');
  await expectAlike(
    (name) => signIn(t, name, 'Wr0ng-Passw0rd!'),
    known,
    unknown,
    'NOT_AUTHORIZED: Incorrect username or password.',
    'NOT_AUTHORIZED: Password attempts exceeded',
  );
});

test('confirmSignUp: wrong codes, then the attempt budget, alike for a pending registration and none', async () => {
  const known = uniqueEmail('known-confirm');
  await signUpUser(t, known);
  const code = t.codeFor(known);
  const unknown = uniqueEmail('unknown-confirm');
  const confirm = (username: string) => t.gql(ConfirmSignUpDocument, { input: { username, code: wrongCode(code) } }, key);
  await expectAlike(confirm, known, unknown, WRONG_CODE, OVER_BUDGET);
});

test('confirmResetPassword: wrong codes, then the attempt budget, alike for a real reset and a made-up one', async () => {
  const known = uniqueEmail('known-reset');
  await confirmedUser(t, known);
  const unknown = uniqueEmail('unknown-reset');
  for (const username of [known, unknown]) expect(answer(await t.gql(ResetPasswordDocument, { input: { username } }, key))).toBe('ok');
  const code = t.codeFor(known);
  const confirm = (username: string) => t.gql(ConfirmResetPasswordDocument, { input: { username, code: wrongCode(code), newPassword: NEW_PASSWORD } }, key);
  await expectAlike(confirm, known, unknown, WRONG_CODE, OVER_BUDGET);
});

test('the reset-code budget holds across reissued codes: a new code brings no new guesses', async () => {
  const email = uniqueEmail('reissued');
  await confirmedUser(t, email);
  const reset = () => t.gql(ResetPasswordDocument, { input: { username: email } }, key);
  const confirm = (code: string) => t.gql(ConfirmResetPasswordDocument, { input: { username: email, code, newPassword: NEW_PASSWORD } }, key);
  await reset();
  for (let i = 0; i < 5; i++) expect(answer(await confirm(wrongCode(t.codeFor(email))))).toMatch(/^CODE_MISMATCH/);
  expect(answer(await reset())).toBe('ok');
  // Even the fresh, right code is refused until the budget's window has passed.
  expect(answer(await confirm(t.codeFor(email)))).toMatch(/^LIMIT_EXCEEDED/);
  clock.advance(3600_000);
  expect(answer(await reset())).toBe('ok');
  expect(answer(await confirm(t.codeFor(email)))).toBe('ok');
});
