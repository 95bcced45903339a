/**
 * Operations that check or send a secret: a password, a one-time code, a refresh token, or a
 * message carrying a code. Each is marked where it is declared, with `@SecretOperation`, and the
 * mark travels in the built schema as a field extension (never printed in the SDL). The edge
 * reads it in two places: a request may run at most one such field (src/limits), and every run
 * draws from the rate limits (rateLimits.ts).
 */
import type { GraphQLField } from 'graphql';
import { Extensions } from 'type-graphql';
import type { ApiContext } from '../context';
import type { SecretKind } from './rateLimitPolicy';

export interface SecretUse {
  /** Which budget it draws from (rateLimitPolicy.ts). */
  kind: SecretKind;
  /**
   * For an operation whose budget depends on what it is asked (a sign-in that sends a code instead
   * of checking a password): the budget for these arguments; `kind` when absent.
   */
  kindFor?: (args: Record<string, unknown>) => SecretKind;
  /**
   * Whom the attempt is about, for the per-account limit: the name typed, or the signed-in
   * caller. Unknown names are limited exactly like known ones, since nothing here asks which
   * exist.
   */
  subject: (args: Record<string, unknown>, context: ApiContext) => string | undefined;
}

const EXTENSION = 'secretUse';

export function SecretOperation(use: SecretUse): MethodDecorator {
  return Extensions({ [EXTENSION]: use });
}

export function secretUseOf(field: Pick<GraphQLField<unknown, unknown>, 'extensions'>): SecretUse | undefined {
  return (field.extensions as Record<string, unknown> | undefined)?.[EXTENSION] as SecretUse | undefined;
}

/** A name as typed, in the form that counts as one account (case and outer spaces aside). */
const normalName = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim().toLowerCase() : undefined);

/** Subjects the operations use. */
export const subjects = {
  /** `input.username`. */
  typedUsername: (args: Record<string, unknown>) => normalName((args.input as { username?: unknown } | undefined)?.username),
  /** The signed-in caller. */
  caller: (_args: Record<string, unknown>, context: ApiContext) => context.identity?.sub,
  /** One of the input's fields, as given (a sign-in session, a refresh token). */
  inputField:
    (name: string) =>
    (args: Record<string, unknown>): string | undefined => {
      const value = (args.input as Record<string, unknown> | undefined)?.[name];
      return typeof value === 'string' ? value : undefined;
    },
};
