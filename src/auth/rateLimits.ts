/**
 * Rate limits on the operations that check or send a secret (see secrets.ts), per account and
 * per client IP, counted in DynamoDB so they hold across replicas. Applied to the schema like
 * the auth rules: every marked Mutation field draws from its kind's budget before it runs.
 *
 * An attempt is counted before it runs (atomically, so parallel attempts cannot slip past), and
 * given back when it is refused here, or when it succeeded and its kind counts only failures.
 * So the counters hold the failed guesses (or, for `send`, the messages sent) in the window.
 */
import { defaultFieldResolver, GraphQLSchema } from 'graphql';
import { ApiError } from '../errors';
import { bucketOf, Hit, RateLimitsStore } from '../datasources/metadata/rateLimits.store';
import type { RateLimitPolicy, SecretKind } from './rateLimitPolicy';
import { secretUseOf } from './secrets';

/** Kinds whose successes do not count: only wrong guesses use the budget up. */
const COUNTS_FAILURES_ONLY: ReadonlySet<SecretKind> = new Set(['password', 'code', 'token']);

export interface Attempt {
  /** Reports how the operation ended; a success of a failures-only kind gives its attempt back. */
  settle(succeeded: boolean): Promise<void>;
}

interface Counted {
  bucket: string;
  limit: number;
  hit: Hit;
}

export class RateLimiter {
  constructor(
    private readonly store: RateLimitsStore,
    private readonly policy: RateLimitPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt of `kind`; refuses with RATE_LIMITED (counting nothing) when over a limit. */
  async attempt(kind: SecretKind, account: string | undefined, clientIp: string): Promise<Attempt> {
    const budget = this.policy[kind];
    const scopes = [
      { scope: 'account', subject: account, limit: budget.perAccount },
      { scope: 'ip', subject: clientIp, limit: budget.perIp },
    ].filter((s): s is { scope: string; subject: string; limit: number } => s.limit > 0 && !!s.subject);
    const now = this.now();
    const counted: Counted[] = await Promise.all(
      scopes.map(async ({ scope, subject, limit }) => {
        const bucket = bucketOf(kind, scope, subject);
        return { bucket, limit, hit: await this.store.hit({ bucket, windowMs: budget.windowMs }, now) };
      }),
    );
    const giveBack = () => Promise.all(counted.map((c) => this.store.giveBack(c.bucket, c.hit.windowStart))).then(() => undefined);
    const over = counted.filter((c) => c.hit.count > c.limit);
    if (over.length) {
      await giveBack();
      const retryAfter = Math.max(1, Math.ceil((Math.max(...over.map((c) => c.hit.resetsAt)) - now) / 1000));
      throw new ApiError('RATE_LIMITED', `Too many attempts. Please try again in ${waitText(retryAfter)}.`, { retryAfter });
    }
    return { settle: (succeeded) => (succeeded && COUNTS_FAILURES_ONLY.has(kind) ? giveBack() : Promise.resolve()) };
  }
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export interface RateLimitedContext {
  rateLimiter: RateLimiter;
  clientIp: string;
}

/** Wraps every Mutation field marked @SecretOperation so it runs only within its budget. */
export function applyRateLimits(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const use = secretUseOf(field);
    if (!use) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: RateLimitedContext & Parameters<typeof use.subject>[1], info) => {
      const attempt = await context.rateLimiter.attempt(use.kindFor?.(args) ?? use.kind, use.subject(args, context), context.clientIp);
      let succeeded = false;
      try {
        const result = await resolve(source, args, context, info);
        succeeded = true;
        return result;
      } finally {
        await attempt.settle(succeeded);
      }
    };
  }
  return schema;
}
