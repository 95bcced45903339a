/**
 * Assertions on the API's answers, in the shapes a frontend relies on: one error with a stable
 * `extensions.code`, AppSync's 401 body, AppSync's per-field denial. Every error assertion also
 * checks that nothing internal (stack traces, exception text, file paths) leaked.
 */
import type { ConfirmSignUpMutation, RefreshSessionMutation, ResendSignUpCodeMutation, SignInFieldsFragment } from '../generated/graphql';
import type { GraphQLResponse, TestApi } from './api';
import { BAD_CREDENTIALS, claimsOf, messagesTo } from './users';

/**
 * What a leaked exception looks like: "Error: ..." / "TypeError: ...", stack frames, file paths.
 * (graphql-js's standard parse message "Syntax Error: ..." is meant for clients, so a space
 * before "Error:" is allowed.)
 */
const INTERNALS = [/(^|\w)Error:/, /Exception:/, /\bat \S+ \(/, /\/(src|node_modules|dist|test)\//, /\.[jt]s:\d+/];

/** No error carries a stack trace or a message that reads like one. */
export function expectNoInternals(response: GraphQLResponse<unknown>): void {
  for (const error of response.errors ?? []) {
    expect(error.extensions ?? {}).not.toHaveProperty('stacktrace');
    expect(error.extensions ?? {}).not.toHaveProperty('exception');
    for (const pattern of INTERNALS) expect(error.message).not.toMatch(pattern);
  }
}

/**
 * The operation `field` failed with exactly one error: `code` in extensions (and the field is
 * null). A string message must match exactly; a RegExp must match.
 */
export function expectError(response: GraphQLResponse<unknown>, field: string, code: string, message?: string | RegExp): void {
  expectNoInternals(response);
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error.extensions?.code).toBe(code);
  expect(typeof error.extensions?.errorType).toBe('string');
  expect(error.errorType).toBe(error.extensions?.errorType);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  expect(response.status).toBe(200);
  expect(error.path).toEqual([field]);
  expect((response.data as Record<string, unknown> | null | undefined)?.[field] ?? null).toBeNull();
}

/**
 * Refused before execution (bad variables, validation): no data at all, the given code. Apollo
 * answers these with HTTP 400.
 */
export function expectRequestError(response: GraphQLResponse<unknown>, code: 'BAD_USER_INPUT' | 'GRAPHQL_VALIDATION_FAILED', message?: RegExp): void {
  expectNoInternals(response);
  expect(response.status).toBe(400);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.length).toBeGreaterThan(0);
  for (const error of response.errors!) expect(error.extensions?.code).toBe(code);
  if (message) expect(response.errors![0].message).toMatch(message);
}

/** A wrong password's answer (also what an unknown user and a deleted user get). */
export function expectBadCredentials(response: GraphQLResponse<unknown>): void {
  expectError(response, 'signIn', 'NOT_AUTHORIZED', BAD_CREDENTIALS);
}

/** AppSync's answer to a missing or bad credential: HTTP 401 and this exact body. */
export function expectUnauthenticated(response: GraphQLResponse<unknown>, message = 'Valid authorization header not provided.'): void {
  expect(response.status).toBe(401);
  expect(response.data).toBeUndefined();
  expect(response.errors).toEqual([{ errorType: 'UnauthorizedException', message }]);
}

/** AppSync's answer to a caller outside a field's rule: HTTP 200, the field null, this error. */
export function expectDenied(response: GraphQLResponse<unknown>, field: string, type: 'Query' | 'Mutation'): void {
  expectNoInternals(response);
  expect(response.status).toBe(200);
  expect((response.data as Record<string, unknown> | null | undefined)?.[field] ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]).toMatchObject({
    errorType: 'Unauthorized',
    message: `Not Authorized to access ${field} on type ${type}`,
    path: [field],
    extensions: { code: 'UNAUTHORIZED' },
  });
}

/** A masked address in the shape the engine sends for real deliveries, e.g. a***@e***. */
export function expectMaskedEmail(details: { destination: string; deliveryMedium: string; attributeName: string } | null | undefined, email: string): void {
  expect(details).toEqual({ destination: `${email.charAt(0)}***@${email.split('@')[1].charAt(0)}***`, deliveryMedium: 'EMAIL', attributeName: 'email' });
}

/** refreshSession's answer: new ID and access tokens of the caller's session; the refresh token stays. */
export function expectRefreshedSession(
  response: GraphQLResponse<RefreshSessionMutation>,
  user: { sub: string; accessToken: string },
): NonNullable<SignInFieldsFragment['tokens']> {
  expect(response.errors).toBeUndefined();
  const result = response.data!.refreshSession!;
  expect(result).toMatchObject({ isSignedIn: true, session: null, nextStep: { signInStep: 'DONE' } });
  expect(result.tokens).toMatchObject({ refreshToken: null, tokenType: 'Bearer', expiresIn: 3600 });
  expect(result.tokens!.accessToken).not.toBe(user.accessToken);
  expect(claimsOf(result.tokens!.accessToken)).toMatchObject({ sub: user.sub, origin_jti: claimsOf(user.accessToken).origin_jti });
  return result.tokens!;
}

/**
 * resendSignUpCode's answer and effect: a masked delivery, a second message, and only the new
 * code confirms. `confirm` is the caller's confirmSignUp.
 */
export async function expectCodeResent(
  t: TestApi,
  email: string,
  firstCode: string,
  response: GraphQLResponse<ResendSignUpCodeMutation>,
  confirm: (email: string, code: string) => Promise<GraphQLResponse<ConfirmSignUpMutation>>,
): Promise<void> {
  expect(response.errors).toBeUndefined();
  expectMaskedEmail(response.data?.resendSignUpCode?.codeDeliveryDetails, email);
  expect(messagesTo(t, email)).toBe(2);
  const second = t.codeFor(email);
  // Codes are random: in the one-in-a-million case they coincide there is nothing to tell apart.
  if (second !== firstCode) expectError(await confirm(email, firstCode), 'confirmSignUp', 'CODE_MISMATCH');
  expect((await confirm(email, second)).data?.confirmSignUp?.isSignUpComplete).toBe(true);
}
