/**
 * Amazon Cognito answers some public calls differently for a known account than for an unknown
 * one, even with user existence errors prevented. The embedded engine is end-to-end tested;
 * these answers come from Amazon's side, so here a stand-in SDK client raises them.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AccountDataSource } from '../../../src/datasources/cognito/account.datasource';
import { CognitoGateway } from '../../../src/datasources/cognito/gateway';
import { createLogger } from '../../../src/logger';

function cognitoError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/** An AccountDataSource whose every Cognito call fails with `error`. */
function failingWith(error: Error): AccountDataSource {
  const sdk = { send: async () => Promise.reject(error) } as unknown as CognitoIdentityProviderClient;
  return new AccountDataSource(new CognitoGateway(sdk, { userPoolId: 'us-east-1_Test', clientId: 'client' }, createLogger('silent')));
}

const simulated = { destination: 'a***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' };

test.each([
  ['InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number'],
  ['NotAuthorizedException', 'User is disabled.'],
])('resetting the password of an account Cognito cannot reset (%s) answers as for an unknown one', async (name, message) => {
  await expect(failingWith(cognitoError(name, message)).forgotPassword('ada@example.com')).resolves.toEqual(simulated);
});

test('resending a code to a confirmed account answers as for an unknown one', async () => {
  await expect(failingWith(cognitoError('InvalidParameterException', 'User is already confirmed.')).resendSignUpCode('ada@example.com')).resolves.toEqual(simulated);
});

test('confirming a confirmed account answers as a wrong code does', async () => {
  const account = failingWith(cognitoError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'));
  await expect(account.confirmSignUp('ada@example.com', '123456')).rejects.toMatchObject({
    code: 'CODE_MISMATCH',
    message: 'Invalid verification code provided, please try again.',
  });
});

test('other failures still fail: a throttled reset is not turned into a delivery', async () => {
  await expect(failingWith(cognitoError('TooManyRequestsException', 'Rate exceeded')).forgotPassword('ada@example.com')).rejects.toMatchObject({
    code: 'TOO_MANY_REQUESTS',
  });
});
