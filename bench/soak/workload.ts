/**
 * The soak's mix of operations, on users it makes as it goes: sign-ups, confirmations with the
 * code from the engine's outbox, sign-ins, `me`, refreshes, admin pages, sign-outs, and wrong
 * passwords for names nobody has (the one error the workload expects: NOT_AUTHORIZED). Each step picks an operation
 * by weight among those the current users allow; a user is busy while one of its operations runs,
 * so no two operations race on one user.
 */
import { graphql, GraphQLAnswer, latestCode, Service } from './service';
import * as ops from './operations';
import type { SoakStats } from './stats';

const PASSWORD = 'Soak-Passw0rd!';

/** A failure already counted in the stats (the request never got an answer). */
export class CountedFailure extends Error {
  override readonly name = 'CountedFailure';
}

interface User {
  email: string;
  access?: string;
  refresh?: string;
}

type Step = (s: Service) => Promise<void>;

export class Workload {
  private readonly unconfirmed: User[] = [];
  private readonly signedOut: User[] = [];
  private readonly signedIn: User[] = [];
  private adminToken?: string;
  private next = 0;

  constructor(
    private readonly stats: SoakStats,
    private readonly adminEmail: string,
    private readonly adminPassword: string,
    private readonly random: () => number,
  ) {}

  /** Weights per operation; an operation with no user to act on is skipped for another. */
  private readonly mix: [string, number, () => boolean, Step][] = [
    ['signUp', 10, () => true, (s) => this.signUp(s)],
    ['confirmSignUp', 10, () => this.unconfirmed.length > 0, (s) => this.confirm(s)],
    ['signIn', 10, () => this.signedOut.length > 0, (s) => this.signIn(s)],
    ['me', 40, () => this.signedIn.length > 0, (s) => this.me(s)],
    ['refreshSession', 10, () => this.signedIn.length > 0, (s) => this.refresh(s)],
    ['users', 5, () => true, (s) => this.adminPage(s)],
    ['signOut', 5, () => this.signedIn.length > 0, (s) => this.signOut(s)],
    ['wrongPassword', 2, () => true, (s) => this.wrongPassword(s)],
  ];

  /** Runs one operation, chosen by weight among those possible now. */
  step(s: Service): Promise<void> {
    const possible = this.mix.filter(([, , can]) => can());
    let pick = this.random() * possible.reduce((n, [, w]) => n + w, 0);
    for (const [, weight, , run] of possible) {
      pick -= weight;
      if (pick <= 0) return run(s);
    }
    return possible[0][3](s);
  }

  /**
   * Runs `concurrent` wrong-password sign-ins at once, `rounds` times: every password hash the
   * engine may run in parallel is then running (its gate allows twice the cores), so the memory
   * they take is part of the warm-up's figure, not mistaken later for growth.
   */
  async saturateHashing(s: Service, concurrent: number, rounds: number): Promise<void> {
    for (let round = 0; round < rounds; round++) await Promise.all(Array.from({ length: concurrent }, () => this.wrongPassword(s)));
  }

  /** Sends one request, timing it and counting its errors (`expected` codes apart). */
  private async send(s: Service, operation: string, query: string, variables: Record<string, unknown>, auth: Record<string, string>, expected: string[] = []): Promise<GraphQLAnswer> {
    const started = performance.now();
    let answer: GraphQLAnswer;
    try {
      answer = await graphql(s.url, query, variables, auth);
    } catch (error) {
      this.stats.record(operation, performance.now() - started);
      this.stats.error(`NETWORK:${(error as Error).name}`, false);
      throw new CountedFailure((error as Error).message);
    }
    this.stats.record(operation, performance.now() - started);
    const codes = answer.errors?.map((e) => e.extensions?.code ?? 'UNKNOWN') ?? (answer.status === 200 ? [] : [`HTTP_${answer.status}`]);
    for (const code of codes) this.stats.error(code, expected.includes(code));
    return answer;
  }

  /** Takes a random user out of `from` while it is used; `put` returns it where it now belongs. */
  private take(from: User[]): User {
    return from.splice(Math.floor(this.random() * from.length), 1)[0];
  }

  private async signUp(s: Service): Promise<void> {
    const user = { email: `soak-${process.pid}-${++this.next}@example.com` };
    const answer = await this.send(s, 'signUp', ops.SIGN_UP, { u: user.email, p: PASSWORD }, { 'x-api-key': s.apiKey });
    if (answer.data?.signUp) this.unconfirmed.push(user);
  }

  private async confirm(s: Service): Promise<void> {
    const user = this.take(this.unconfirmed);
    const code = await latestCode(s.engine, user.email).catch((error: unknown) => {
      this.unconfirmed.push(user);
      this.stats.error(`NETWORK:outbox`, false);
      throw new CountedFailure((error as Error).message);
    });
    const answer = await this.send(s, 'confirmSignUp', ops.CONFIRM, { u: user.email, c: code }, { 'x-api-key': s.apiKey });
    (answer.data?.confirmSignUp ? this.signedOut : this.unconfirmed).push(user);
  }

  private async signIn(s: Service): Promise<void> {
    const user = this.take(this.signedOut);
    const answer = await this.send(s, 'signIn', ops.SIGN_IN, { u: user.email, p: PASSWORD }, { 'x-api-key': s.apiKey });
    const tokens = (answer.data?.signIn as { tokens?: { accessToken: string; refreshToken: string } } | undefined)?.tokens;
    if (tokens) this.signedIn.push({ ...user, access: tokens.accessToken, refresh: tokens.refreshToken });
    else this.signedOut.push(user);
  }

  private async me(s: Service): Promise<void> {
    const user = this.take(this.signedIn);
    try {
      await this.send(s, 'me', ops.ME, {}, { authorization: user.access! });
    } finally {
      this.signedIn.push(user);
    }
  }

  private async refresh(s: Service): Promise<void> {
    const user = this.take(this.signedIn);
    try {
      const answer = await this.send(s, 'refreshSession', ops.REFRESH, { r: user.refresh }, { 'x-api-key': s.apiKey });
      const access = (answer.data?.refreshSession as { tokens?: { accessToken: string } } | undefined)?.tokens?.accessToken;
      if (access) user.access = access;
    } finally {
      this.signedIn.push(user);
    }
  }

  private async signOut(s: Service): Promise<void> {
    const user = this.take(this.signedIn);
    const answer = await this.send(s, 'signOut', ops.SIGN_OUT, { r: user.refresh }, { authorization: user.access! });
    if (answer.data?.signOut) this.signedOut.push({ email: user.email });
    else this.signedIn.push(user);
  }

  private async wrongPassword(s: Service): Promise<void> {
    // A name nobody has: the answer is the same NOT_AUTHORIZED, and no real user is ever locked out.
    const stranger = `soak-stranger-${process.pid}-${++this.next}@example.com`;
    await this.send(s, 'wrongPassword', ops.SIGN_IN, { u: stranger, p: 'Wrong-Passw0rd!' }, { 'x-api-key': s.apiKey }, ['NOT_AUTHORIZED']);
  }

  private async adminPage(s: Service): Promise<void> {
    if (!this.adminToken) {
      const answer = await this.send(s, 'signIn', ops.SIGN_IN, { u: this.adminEmail, p: this.adminPassword }, { 'x-api-key': s.apiKey });
      this.adminToken = (answer.data?.signIn as { tokens?: { accessToken: string } } | undefined)?.tokens?.accessToken;
      return;
    }
    await this.send(s, 'users', ops.ADMIN_PAGE, {}, { authorization: this.adminToken });
  }
}
