import {
  ConfirmSignUpCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPoolAndClient, startTestEngine, TestEngine } from '../../support/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

test('sign up, confirm, sign in, get user, refresh, global sign out', async () => {
  const { clientId } = await createPoolAndClient(t.admin);
  const email = 'ada@example.com';
  const signUp = await t.admin.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: 'Correct-horse-1' }));
  expect(signUp.UserConfirmed).toBe(false);
  expect(signUp.CodeDeliveryDetails).toEqual({ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  const code = t.engine.outbox.latest(email)!.code!;
  await t.admin.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }));
  const auth = await t.admin.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: 'Correct-horse-1' } }),
  );
  const tokens = auth.AuthenticationResult!;
  const me = await t.admin.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
  expect(me.Username).toBe(signUp.UserSub);
  expect(me.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }]));
  const refreshed = await t.admin.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }),
  );
  expect(refreshed.AuthenticationResult!.RefreshToken).toBeUndefined();
  await t.admin.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
  await expect(t.admin.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Access Token has been revoked',
  });
});
