/**
 * The README's "Walk-through with curl", run as written: the shell block is read from README.md,
 * only its environment (API URL, engine endpoint, dev API key) is pointed at this test world, and
 * bash runs it with curl. Its output must show each step's documented outcome.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ConfirmSignUpDocument, MeDocument, SignInDocument, SignOutDocument, SignUpDocument } from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { messagesTo } from '../support/users';

const run = promisify(execFile);
const README = join(__dirname, '..', '..', 'README.md');
const HEADING = '### Walk-through with curl';
/** The README's address; a world of its own per test file, so it is free here. */
const ADA = 'ada@example.com';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

/** The first ```sh block after the heading, before the next heading (## to ######; shell comments are `# `). */
function walkThroughBlock(markdown: string): string {
  const start = markdown.indexOf(`\n${HEADING}\n`);
  if (start < 0) throw new Error(`README.md has no "${HEADING}" section`);
  const section = markdown.slice(start + HEADING.length + 2).split(/\n#{2,6} /)[0];
  const block = /```(?:sh|bash|shell)\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error(`README.md's "${HEADING}" section has no \`\`\`sh block`);
  return block[1];
}

/** Replaces `from` with `to`, failing when the README no longer contains `from`. */
function rewrite(script: string, from: string, to: string): string {
  if (!script.includes(from)) throw new Error(`the README walk-through no longer contains ${JSON.stringify(from)}: update this test`);
  return script.split(from).join(to);
}

/** Each line the script printed, parsed (every step prints one JSON body). */
function jsonLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`the walk-through printed a line that is not JSON: ${line}\n--- whole output ---\n${stdout}`);
      }
    });
}

test('the README curl walk-through runs as written: sign up, confirm, sign in, me, sign out, then 401', async () => {
  await expect(run('curl', ['--version'], { timeout: 5000 })).resolves.toMatchObject({ stdout: expect.stringMatching(/^curl /) });
  expect(messagesTo(t, ADA)).toBe(0);

  let script = walkThroughBlock(readFileSync(README, 'utf8'));
  script = rewrite(script, 'http://127.0.0.1:4000/graphql', t.url);
  script = rewrite(script, 'http://127.0.0.1:9229', t.world.engine.endpoint);
  script = rewrite(script, '$(cat .data/api-key)', `'${API_KEY}'`);
  // Nothing else may point at the developer's machine.
  expect(script).not.toMatch(/127\.0\.0\.1:(4000|9229)|\.data\//);

  // Async (never execFileSync): the API answering curl runs in this process. A scratch working
  // directory, so nothing depends on (or writes to) the project's .data/.
  const cwd = mkdtempSync(join(tmpdir(), 'walkthrough-'));
  let stdout: string;
  try {
    ({ stdout } = await run('bash', ['-e', '-c', script], { cwd, timeout: 20_000, env: process.env }));
  } catch (error) {
    const { stdout: out, stderr, code, signal } = error as { stdout?: string; stderr?: string; code?: number; signal?: string };
    throw new Error(`the README walk-through failed (exit ${code}, signal ${signal}):\n--- stdout ---\n${out}\n--- stderr ---\n${stderr}`, { cause: error });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }

  const lines = jsonLines(stdout);
  // Sign up, confirm, me, sign out, me again (the sign-in's output goes into variables).
  expect(lines).toHaveLength(5);
  const [signUp, confirm, me, signOut, after] = lines as Record<string, unknown>[];
  expect(signUp).toEqual({
    data: { signUp: { isSignUpComplete: false, userId: expect.stringMatching(/^[0-9a-f-]{36}$/), nextStep: { signUpStep: 'CONFIRM_SIGN_UP', codeDeliveryDetails: { destination: 'a***@e***' } } } },
  });
  expect(confirm).toEqual({ data: { confirmSignUp: { isSignUpComplete: true } } });
  expect(me).toEqual({
    data: { me: { username: expect.any(String), email: ADA, emailVerified: true, status: 'CONFIRMED', createdAt: expect.any(String) } },
  });
  expect(signOut).toEqual({ data: { signOut: true } });
  expect(after).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] });
});

test('the same walk-through through the typed documents', async () => {
  const email = 'walk@example.com';
  const password = 'Walk-through-1';
  const signUp = await t.gql(SignUpDocument, { input: { username: email, password } }, { apiKey: API_KEY });
  expect(signUp.data?.signUp?.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
  const confirmed = await t.gql(ConfirmSignUpDocument, { input: { username: email, code: t.codeFor(email) } }, { apiKey: API_KEY });
  expect(confirmed.data?.confirmSignUp?.isSignUpComplete).toBe(true);
  const signIn = await t.gql(SignInDocument, { input: { username: email, password } }, { apiKey: API_KEY });
  const tokens = signIn.data?.signIn?.tokens;
  expect(signIn.data?.signIn?.nextStep.signInStep).toBe('DONE');
  const me = await t.gql(MeDocument, {}, { token: tokens!.accessToken });
  expect(me.data?.me).toMatchObject({ email, emailVerified: true, status: 'CONFIRMED', sub: signUp.data?.signUp?.userId });
  const signOut = await t.gql(SignOutDocument, { input: { refreshToken: tokens!.refreshToken! } }, { token: tokens!.accessToken });
  expect(signOut.data?.signOut).toBe(true);
  const after = await t.gql(MeDocument, {}, { token: tokens!.accessToken });
  expect(after.status).toBe(401);
  expect(after.errors).toEqual([{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }]);
});
