/**
 * The exception catalogue: one class per Cognito exception, named exactly as Cognito names it.
 * The class name travels on the wire as `__type`, so SDK clients raise the matching error.
 */
export class CognitoError extends Error {
  /** HTTP status on the wire: 400 for modelled exceptions, 500 only for internal errors. */
  readonly status: number = 400;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotAuthorizedException extends CognitoError {}
export class UserNotFoundException extends CognitoError {}
export class UserNotConfirmedException extends CognitoError {}
export class PasswordResetRequiredException extends CognitoError {}
export class UsernameExistsException extends CognitoError {}
export class AliasExistsException extends CognitoError {}
export class InvalidPasswordException extends CognitoError {}
export class CodeMismatchException extends CognitoError {}
export class ExpiredCodeException extends CognitoError {}
export class LimitExceededException extends CognitoError {}
export class TooManyRequestsException extends CognitoError {}
export class TooManyFailedAttemptsException extends CognitoError {}
export class InvalidParameterException extends CognitoError {}
export class ResourceNotFoundException extends CognitoError {}
export class UnsupportedOperationException extends CognitoError {}
export class UnrecognizedClientException extends CognitoError {}
export class UnknownOperationException extends CognitoError {}
export class SerializationException extends CognitoError {}
export class AccessDeniedException extends CognitoError {}
export class InvalidSignatureException extends CognitoError {}
export class MissingAuthenticationTokenException extends CognitoError {}
export class CodeDeliveryFailureException extends CognitoError {}
export class GroupExistsException extends CognitoError {}
export class UnsupportedUserStateException extends CognitoError {}
export class UnsupportedTokenTypeException extends CognitoError {}
export class ConcurrentModificationException extends CognitoError {}
/** A rotated-out refresh token came back after its grace period: the session it belonged to is ended. */
export class RefreshTokenReuseException extends CognitoError {}
export class SoftwareTokenMFANotFoundException extends CognitoError {}
/** VerifySoftwareToken: the code does not fit the secret being set up. */
export class EnableSoftwareTokenMFAException extends CognitoError {}
export class InvalidUserPoolConfigurationException extends CognitoError {}
export class DeviceKeyExistsException extends CognitoError {}
/** A trigger's handler threw: its message, as `<Trigger> failed with error <message>.` */
export class UserLambdaValidationException extends CognitoError {}
/** A trigger answered, but not with something Cognito can use. */
export class InvalidLambdaResponseException extends CognitoError {}
/** A trigger could not be invoked at all (no function, a timeout, Lambda itself failing). */
export class UnexpectedLambdaException extends CognitoError {}
export class InternalErrorException extends CognitoError {
  override readonly status = 500;
}

/** Messages Cognito uses verbatim; kept together so every operation says them the same way. */
export const messages = {
  badCredentials: 'Incorrect username or password.',
  userDisabled: 'User is disabled.',
  attemptsExceeded: 'Password attempts exceeded',
  accessTokenExpired: 'Access Token has expired',
  accessTokenRevoked: 'Access Token has been revoked',
  invalidAccessToken: 'Invalid Access Token',
  invalidRefreshToken: 'Invalid Refresh Token',
  refreshTokenRevoked: 'Refresh Token has been revoked',
  sessionExpired: 'Invalid session for the user, session is expired.',
  tempPasswordExpired: 'Temporary password has expired and must be reset by an administrator.',
  userNotFound: 'User does not exist.',
  userNotConfirmed: 'User is not confirmed.',
  resetRequired: 'Password reset required for the user',
  codeMismatch: 'Invalid verification code provided, please try again.',
  codeExpired: 'Invalid code provided, please request a code again.',
  limitExceeded: 'Attempt limit exceeded, please try after some time.',
  secretHashMismatch: 'Client {clientId} is configured with secret but SECRET_HASH was not received',
  invalidLambdaJson: 'Invalid lambda function output : Invalid JSON',
  unrecognizableLambdaOutput: 'Unrecognizable lambda output',
  lambdaTimeout: 'Socket timeout while invoking Lambda function',
  accessTokenScope: 'Access Token does not have required scopes',
  refreshTokenReused: 'Refresh Token has been reused.',
  mfaCodeMismatch: 'Invalid code or auth state for the user.',
  totpCodeMismatch: 'Code mismatch',
  deviceNotFound: 'Device does not exist.',
  timestampFormat: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.',
} as const;
