/** The one mapping from Cognito exceptions to API errors: codes, and messages fit for end users. */
import { mapCognitoError } from '../../../src/datasources/cognito/errors';

const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name });

test.each([
  ['NotAuthorizedException', 'Incorrect username or password.', 'NOT_AUTHORIZED', 'Incorrect username or password.'],
  ['InvalidParameterException', 'Username should be an email.', 'BAD_USER_INPUT', 'Username should be an email.'],
  [
    'InvalidParameterException',
    "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$",
    'BAD_USER_INPUT',
    'password is not valid.',
  ],
  ['InvalidParameterException', '2 validation errors detected: Value null at ...', 'BAD_USER_INPUT', 'The request has an invalid value.'],
  ['UserNotFoundException', 'User does not exist.', 'NOT_AUTHORIZED', 'Incorrect username or password.'],
  ['CodeMismatchException', 'anything Cognito says', 'CODE_MISMATCH', 'Invalid verification code provided, please try again.'],
])('%s "%s" becomes %s "%s"', (name, message, code, shown) => {
  expect(mapCognitoError(cognitoError(name, message))).toMatchObject({ code, message: shown });
});

test('a missing user is named only where the call may reveal it (admin operations)', () => {
  const missing = cognitoError('UserNotFoundException', 'User does not exist.');
  expect(mapCognitoError(missing, { revealMissingUser: true })).toMatchObject({ code: 'USER_NOT_FOUND', message: 'User does not exist.' });
});

test('an exception outside the catalogue is not mapped, so the caller turns it into a generic internal error', () => {
  expect(mapCognitoError(cognitoError('InternalErrorException', 'stack trace here'))).toBeUndefined();
});
