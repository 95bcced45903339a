/**
 * The edge's limits on one GraphQL document, in one place (the README lists them). A request
 * over any of them is refused whole, before anything runs, with QUERY_TOO_COMPLEX (or
 * TOO_MANY_SENSITIVE_OPERATIONS for secrets) naming the limit and its number. Counts are taken
 * as the document would expand: a fragment counts again wherever it is spread.
 */

export interface DocumentLimits {
  /** Lexical tokens in the whole document (names, punctuation, values; comments aside). */
  tokens: number;
  /** Levels of nested fields in one operation; introspection (__schema, __type) aside. */
  depth: number;
  /** Aliased fields in one operation. */
  aliases: number;
  /** Fields in one operation. */
  fields: number;
  /** Directives in one operation (@include, @skip, …). */
  directives: number;
  /** Estimated backend calls (Cognito, DynamoDB) of one operation; see cost.ts. */
  cost: number;
  /** Root fields of one operation that check or send a secret (src/auth/secrets.ts). */
  secretOperations: number;
}

export const LIMITS: Readonly<DocumentLimits> = {
  // The whole test suite's admin document, every operation in one, is about 510 tokens and
  // the playground's introspection query under 200.
  tokens: 1000,
  // The schema has cycles (Group.members → User.groups → Group …).
  depth: 10,
  aliases: 20,
  fields: 300,
  directives: 20,
  // An admin page of 60 users with their groups is 61 calls; the same page asked twice
  // through an alias, with its size in a variable, is 121.
  cost: 200,
  // One password, code or token guess (or one message sent) per request: aliases and
  // batches cannot multiply attempts.
  secretOperations: 1,
};

/**
 * How many groups a user's `groups` (and `myGroups`) is taken to hold when sizing what is
 * selected below it. Cognito allows up to 100 per user; most users are in a few.
 */
export const GROUPS_PER_USER_ESTIMATE = 10;
