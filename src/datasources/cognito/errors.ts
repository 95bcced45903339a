/**
 * The one mapping from Cognito exceptions to API errors. Messages are rewritten where
 * Cognito's own would reveal internals; anything unmapped becomes a generic internal error
 * (its detail goes to the log, never to the client).
 */
import { ApiError, ErrorCode } from '../../errors';
import { TRIGGER_INTERNAL_FAILURE } from '../../lib/triggerFailure';

const MAPPING: Record<string, { code: ErrorCode; message?: string }> = {
  NotAuthorizedException: { code: 'NOT_AUTHORIZED' },
  UserNotFoundException: { code: 'NOT_AUTHORIZED', message: 'Incorrect username or password.' },
  UsernameExistsException: { code: 'USERNAME_EXISTS' },
  AliasExistsException: { code: 'ALIAS_EXISTS' },
  InvalidPasswordException: { code: 'INVALID_PASSWORD' },
  CodeMismatchException: { code: 'CODE_MISMATCH', message: 'Invalid verification code provided, please try again.' },
  ExpiredCodeException: { code: 'CODE_EXPIRED', message: 'Invalid code provided, please request a code again.' },
  LimitExceededException: { code: 'LIMIT_EXCEEDED', message: 'Attempt limit exceeded, please try after some time.' },
  TooManyFailedAttemptsException: { code: 'LIMIT_EXCEEDED', message: 'Attempt limit exceeded, please try after some time.' },
  TooManyRequestsException: { code: 'TOO_MANY_REQUESTS', message: 'Too many requests, please try again later.' },
  InvalidParameterException: { code: 'BAD_USER_INPUT' },
  ResourceNotFoundException: { code: 'NOT_FOUND', message: 'The requested resource was not found.' },
  GroupExistsException: { code: 'GROUP_EXISTS', message: 'A group with that name already exists.' },
  UnsupportedUserStateException: { code: 'INVALID_STATE' },
  CodeDeliveryFailureException: { code: 'SERVICE_UNAVAILABLE', message: 'The code could not be delivered, please try again.' },
  UserLambdaValidationException: { code: 'REFUSED_BY_TRIGGER' },
  EnableSoftwareTokenMFAException: { code: 'CODE_MISMATCH', message: 'Invalid code received for user' },
  SoftwareTokenMFANotFoundException: { code: 'INVALID_STATE', message: 'An authenticator app is not set up for this user, or this pool does not offer it.' },
  InvalidLambdaResponseException: { code: 'SERVICE_UNAVAILABLE', message: 'The request could not be completed, please try again.' },
  UnexpectedLambdaException: { code: 'SERVICE_UNAVAILABLE', message: 'The request could not be completed, please try again.' },
};

/** Options that say how a particular call wants an exception presented. */
export interface MapOptions {
  /** Admin operations may say a user does not exist; public ones must not. */
  revealMissingUser?: boolean;
  /** What a ResourceNotFoundException means for this call (e.g. "Group not found."). */
  notFound?: string;
}

export function isCognitoException(error: unknown, name: string): boolean {
  return (error as { name?: string } | undefined)?.name === name;
}

export function mapCognitoError(error: unknown, options: MapOptions = {}): ApiError | undefined {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  if (options.revealMissingUser && name === 'UserNotFoundException') return new ApiError('USER_NOT_FOUND', 'User does not exist.');
  if (options.notFound && name === 'ResourceNotFoundException') return new ApiError('NOT_FOUND', options.notFound);
  const rule = MAPPING[name];
  if (!rule) return undefined;
  // A trigger that failed on its own side (not a refusal): a transient failure, worth a retry.
  if (name === 'UserLambdaValidationException' && (error as Error).message?.includes(TRIGGER_INTERNAL_FAILURE)) {
    return new ApiError('SERVICE_UNAVAILABLE', 'The request could not be completed, please try again.');
  }
  const message = rule.message ?? userFacing((error as Error).message);
  return new ApiError(rule.code, message);
}

/**
 * Cognito's own messages for the passed-through exceptions read well ("Incorrect username or
 * password.", "Username should be an email."), except its request-validation ones, which quote
 * its regular expressions: those are reduced to the name of the field.
 */
function userFacing(message: string | undefined): string {
  if (!message) return 'Request failed.';
  // A trigger's refusal is meant for the user; Cognito wraps it as "<Trigger> failed with error <message>.".
  const refusal = /^\w+ failed with error ([\s\S]+?)\.?$/.exec(message)?.[1];
  if (refusal) return /[.!?]$/.test(refusal) ? refusal : `${refusal}.`;
  const field = /Value at '([^']+)' failed to satisfy constraint/.exec(message)?.[1];
  if (field) return `${field.replace(/^.*\./, '')} is not valid.`;
  if (/validation errors? detected/i.test(message)) return 'The request has an invalid value.';
  return message;
}
