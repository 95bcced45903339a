/**
 * Crashes: `npm start` on a data directory, under a load of sign-ups and confirmations, killed
 * with SIGKILL at several points, then restarted on the same directory. After each restart:
 *
 * - every sign-up that was answered with success is there, and every confirmation answered with
 *   success left the user CONFIRMED, able to sign in;
 * - nothing is half-written: every user that exists is found by email and by sub through ListUsers
 *   (its index entries), as through AdminGetUser;
 * - no code works twice: a confirmed user's code is refused, and a code whose confirmation was cut
 *   off works at most once.
 *
 * Every user that exists counts, answered or not: a sign-up cut off after its user was written
 * must have left the user indexed too (users.store.ts writes the entries first).
 */
import { AdminGetUserCommand, AdminGetUserCommandOutput, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PASSWORD, uniqueEmail } from '../support/users';
import { graphql, latestCode, Service, serviceFixture } from './support/service';

const SIGN_UP = 'mutation ($u: String!, $p: String!) { signUp(input: { username: $u, password: $p }) { userId } }';
const CONFIRM = 'mutation ($u: String!, $c: String!) { confirmSignUp(input: { username: $u, code: $c }) { isSignUpComplete } }';
const SIGN_IN = 'mutation ($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { isSignedIn } }';

/**
 * When each round's kill comes: after this many answers (sign-ups and confirmations) in the round.
 * Counted in answers, not milliseconds, so a slow or busy machine kills at the same points of the
 * work; with several workers, requests are always in flight when it comes.
 */
const KILL_AFTER_ANSWERS = [1, 4, 9, 15];
const CONCURRENCY = 6;

type Outcome = 'none' | 'acked' | 'cut';

interface Attempt {
  email: string;
  signUp: Outcome;
  code?: string;
  confirm: Outcome;
  signedIn?: boolean;
}

const services = serviceFixture('crash');

/** Signs up and confirms fresh users until the service dies; records what each request was answered. */
async function load(s: Service, attempts: Attempt[], answered: () => void): Promise<void> {
  const key = { 'x-api-key': s.apiKey };
  const worker = async (): Promise<void> => {
    for (;;) {
      const attempt: Attempt = { email: uniqueEmail('crash'), signUp: 'cut', confirm: 'none' };
      attempts.push(attempt);
      try {
        const signedUp = await graphql(s.url, SIGN_UP, { u: attempt.email, p: PASSWORD }, key);
        if (!(signedUp.data?.signUp as { userId?: string } | null)?.userId) throw new Error(`sign-up refused: ${JSON.stringify(signedUp.errors)}`);
        attempt.signUp = 'acked';
        answered();
        attempt.code = await latestCode(s.engine, attempt.email);
        attempt.confirm = 'cut';
        const confirmed = await graphql(s.url, CONFIRM, { u: attempt.email, c: attempt.code }, key);
        if (!(confirmed.data?.confirmSignUp as { isSignUpComplete?: boolean } | null)?.isSignUpComplete) throw new Error(`confirmation refused: ${JSON.stringify(confirmed.errors)}`);
        attempt.confirm = 'acked';
        answered();
      } catch (error) {
        // Killed: the request's fate is unknown. Anything else is a failure of the load itself.
        if (!s.stopping) throw error;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function findUser(s: Service, email: string): Promise<AdminGetUserCommandOutput | undefined> {
  try {
    return await s.admin().send(new AdminGetUserCommand({ UserPoolId: s.poolId, Username: email }));
  } catch (error) {
    if ((error as Error).name === 'UserNotFoundException') return undefined;
    throw error;
  }
}

async function listedBy(s: Service, attribute: 'email' | 'sub', value: string): Promise<string[]> {
  const page = await s.admin().send(new ListUsersCommand({ UserPoolId: s.poolId, Filter: `${attribute} = "${value}"` }));
  return (page.Users ?? []).map((u) => u.Username!);
}

/** What is wrong with one attempt's user after a restart; no problems when all is well. */
async function check(s: Service, attempt: Attempt): Promise<string[]> {
  const problems: string[] = [];
  const key = { 'x-api-key': s.apiKey };
  const user = await findUser(s, attempt.email);
  if (!user) return attempt.signUp === 'acked' ? [`${attempt.email}: sign-up was answered with success, but the user is gone`] : [];
  const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value ?? '';
  const indexed = (await listedBy(s, 'email', attempt.email)).join() === user.Username && (await listedBy(s, 'sub', sub)).join() === user.Username;
  if (!indexed) problems.push(`${attempt.email}: not found by email and sub through ListUsers (${user.UserStatus})`);
  if (attempt.confirm === 'acked' && user.UserStatus !== 'CONFIRMED') problems.push(`${attempt.email}: confirmation was answered with success, but the user is ${user.UserStatus}`);
  if (attempt.code && attempt.confirm === 'cut' && user.UserStatus === 'UNCONFIRMED') {
    // The confirmation was cut off before it took effect: its code may work now, but only once.
    const first = await graphql(s.url, CONFIRM, { u: attempt.email, c: attempt.code }, key);
    if (first.data?.confirmSignUp) attempt.confirm = 'acked';
  }
  if (attempt.code && (await findUser(s, attempt.email))?.UserStatus === 'CONFIRMED') {
    const again = await graphql(s.url, CONFIRM, { u: attempt.email, c: attempt.code }, key);
    if (again.data?.confirmSignUp) problems.push(`${attempt.email}: its confirmation code worked twice`);
    if (!attempt.signedIn) {
      const signedIn = await graphql(s.url, SIGN_IN, { u: attempt.email, p: PASSWORD }, key);
      if (!(signedIn.data?.signIn as { isSignedIn?: boolean } | null)?.isSignedIn) problems.push(`${attempt.email}: confirmed, but cannot sign in: ${JSON.stringify(signedIn.errors)}`);
      attempt.signedIn = true;
    }
  }
  return problems;
}

test(
  'SIGKILL under a sign-up and confirm load, at several points: every success survives, nothing is half-written, no code works twice',
  async () => {
    const attempts: Attempt[] = [];
    const rounds: string[] = [];
    for (const killAfter of KILL_AFTER_ANSWERS) {
      let service = await services.start();
      let answers = 0;
      let reached!: () => void;
      const killPoint = new Promise<void>((resolve) => (reached = resolve));
      const running = load(service, attempts, () => ++answers >= killAfter && reached());
      // A load that fails on its own ends the round too (and fails the test below).
      await Promise.race([killPoint, running]);
      await service.stop('SIGKILL');
      await running;
      rounds.push(`killed after ${killAfter} answer${killAfter === 1 ? '' : 's'}: ${attempts.length} attempts so far`);

      service = await services.start();
      const problems = (await Promise.all(attempts.map((attempt) => check(service, attempt)))).flat();
      expect({ rounds, problems }).toEqual({ rounds, problems: [] });
      await service.stop('SIGTERM');
    }
    const acked = attempts.filter((a) => a.confirm === 'acked').length;
    // Not vacuous: the kills fell in the middle of real work.
    expect(acked).toBeGreaterThan(KILL_AFTER_ANSWERS.length);
    expect(attempts.some((a) => a.signUp === 'cut' || a.confirm === 'cut')).toBe(true);
    if (process.env.CRASH_REPORT) {
      const count = (test: (a: Attempt) => boolean) => attempts.filter(test).length;
      console.log(JSON.stringify({ rounds, attempts: attempts.length, signUpsAnswered: count((a) => a.signUp === 'acked'), signUpsCut: count((a) => a.signUp === 'cut'), confirmationsAnswered: count((a) => a.confirm === 'acked'), confirmationsCut: count((a) => a.confirm === 'cut') }));
    }
  },
  180_000,
);
