/**
 * The API's error catalogue: every error a client can see has a stable `code` (in
 * `extensions.code`) and an AppSync-style `errorType`, with a message safe to show an end user.
 */
import { GraphQLError } from 'graphql';

export const ErrorCodes = {
  BAD_USER_INPUT: 'BadRequest',
  UNAUTHENTICATED: 'UnauthorizedException',
  UNAUTHORIZED: 'Unauthorized',
  NOT_AUTHORIZED: 'NotAuthorizedException',
  USERNAME_EXISTS: 'UsernameExistsException',
  ALIAS_EXISTS: 'AliasExistsException',
  INVALID_PASSWORD: 'InvalidPasswordException',
  CODE_MISMATCH: 'CodeMismatchException',
  CODE_EXPIRED: 'ExpiredCodeException',
  LIMIT_EXCEEDED: 'LimitExceededException',
  TOO_MANY_REQUESTS: 'TooManyRequestsException',
  /** Over a rate limit of the API's own (per account or per client IP); `retryAfter` says when to retry, in seconds. */
  RATE_LIMITED: 'RateLimitedException',
  /** A request that runs more than one operation checking or sending a secret (see src/auth/secrets.ts). */
  TOO_MANY_SENSITIVE_OPERATIONS: 'TooManySensitiveOperationsException',
  /** A document over one of the edge's limits (depth, aliases, fields, directives, tokens, cost). */
  QUERY_TOO_COMPLEX: 'QueryTooComplexException',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PersistedQueryNotSupportedException',
  USER_NOT_FOUND: 'UserNotFoundException',
  NOT_FOUND: 'ResourceNotFoundException',
  GROUP_EXISTS: 'GroupExistsException',
  INVALID_STATE: 'InvalidStateException',
  SAFETY_RAIL: 'SafetyRailException',
  /** A trigger refused the request (e.g. a sign-up from a domain not allowed); the message is the trigger's. */
  REFUSED_BY_TRIGGER: 'UserLambdaValidationException',
  SESSION_EXPIRED: 'SessionExpiredException',
  /** A remembered device the account does not have (forgotten, or another user's), or whose secret does not match. */
  DEVICE_NOT_RECOGNIZED: 'DeviceNotRecognizedException',
  /** A change to the account's factors needs a recent sign-in or the current password. */
  REAUTHENTICATION_REQUIRED: 'ReauthenticationRequiredException',
  SERVICE_UNAVAILABLE: 'ServiceUnavailableException',
  INTERNAL_SERVER_ERROR: 'InternalFailure',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class ApiError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, errorType: ErrorCodes[code], ...extra } });
  }
}

export const badInput = (message: string, field?: string): ApiError =>
  new ApiError('BAD_USER_INPUT', message, field ? { field } : {});
