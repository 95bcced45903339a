/**
 * Amazon Cognito answers some public calls differently for a known account than for an unknown
 * one, even with user existence errors prevented. The embedded engine is end-to-end tested;
 * these answers come from Amazon's side, so here a stand-in SDK client raises them. The
 * simulated delivery is checked against the engine's own answer for unknown identifiers.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AccountDataSource } from '../../../src/datasources/cognito/account.datasource';
import { simulatedDelivery } from '../../../src/datasources/cognito/existence';
import { simulatedDelivery as enginesSimulatedDelivery } from '../../../src/local/cognito/domain/newUser';
import type { PoolRecord } from '../../../src/local/cognito/domain/model';
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

test.each(['ada@example.com', 'Grace.Hopper@navy.mil', '+15551234567', '+447700900123'])(
  'the simulated delivery for %s is what the engine answers for an unknown identifier',
  (identifier) => {
    const engine = enginesSimulatedDelivery({ pepper: 'any' } as unknown as PoolRecord, identifier);
    expect(simulatedDelivery(identifier)).toEqual({ destination: engine.Destination, deliveryMedium: engine.DeliveryMedium, attributeName: engine.AttributeName });
  },
);

test.each([
  ['InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number'],
  ['NotAuthorizedException', 'User is disabled.'],
])('resetting the password of an account Cognito cannot reset (%s) answers as for an unknown one', async (name, message) => {
  await expect(failingWith(cognitoError(name, message)).forgotPassword('ada@example.com')).resolves.toEqual(simulated);
});

test.each([
  ['InvalidParameterException', 'User is already confirmed.'],
  ['NotAuthorizedException', 'User is disabled.'],
])('resending a code to an account that needs none (%s) answers as for an unknown one', async (name, message) => {
  await expect(failingWith(cognitoError(name, message)).resendSignUpCode('ada@example.com')).resolves.toEqual(simulated);
});

test.each([
  ['NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'],
  ['NotAuthorizedException', 'User is disabled.'],
])('confirming an account that cannot be confirmed (%s: %s) answers as a wrong code does', async (name, message) => {
  await expect(failingWith(cognitoError(name, message)).confirmSignUp('ada@example.com', '123456')).rejects.toMatchObject({
    code: 'CODE_MISMATCH',
    message: 'Invalid verification code provided, please try again.',
  });
});

test('other failures still fail: a throttled reset is not turned into a delivery', async () => {
  await expect(failingWith(cognitoError('TooManyRequestsException', 'Rate exceeded')).forgotPassword('ada@example.com')).rejects.toMatchObject({
    code: 'TOO_MANY_REQUESTS',
  });
});
