/**
 * What a failed call tells the app: the API's user-safe message and its stable code
 * (`extensions.code`), plus the details some codes carry. Every failure the app shows is one of
 * these, so one presenter (ui/ErrorNotice.tsx) can show them all.
 */

/** Codes the app itself gives to failures that never reached an answer. */
export const NETWORK = 'NETWORK';
export const UNEXPECTED = 'UNEXPECTED';

export class ApiFailure extends Error {
  constructor(
    message: string,
    /** The API's `extensions.code` (e.g. RATE_LIMITED, SAFETY_RAIL), or NETWORK / UNEXPECTED. */
    readonly code: string,
    /** For RATE_LIMITED: seconds until another attempt may succeed. */
    readonly retryAfter?: number,
    /** For BAD_USER_INPUT: the input field at fault, when the API names one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

interface GraphQLErrorBody {
  message?: unknown;
  errorType?: unknown;
  extensions?: { code?: unknown; retryAfter?: unknown; field?: unknown };
}

/** The first error of an answer, as a failure. HTTP 401 answers carry AppSync's body (errorType, no code). */
export function failureOf(error: GraphQLErrorBody | undefined, status: number): ApiFailure {
  const code =
    typeof error?.extensions?.code === 'string' ? error.extensions.code : status === 401 || error?.errorType === 'UnauthorizedException' ? 'UNAUTHENTICATED' : UNEXPECTED;
  const message = typeof error?.message === 'string' && error.message ? error.message : 'Something went wrong. Please try again.';
  const retryAfter = typeof error?.extensions?.retryAfter === 'number' ? error.extensions.retryAfter : undefined;
  const field = typeof error?.extensions?.field === 'string' ? error.extensions.field : undefined;
  return new ApiFailure(message, code, retryAfter, field);
}

export const asFailure = (error: unknown): ApiFailure =>
  error instanceof ApiFailure ? error : new ApiFailure('Something went wrong. Please try again.', UNEXPECTED);
