/**
 * A walk-through of the standalone engine using nothing but the AWS SDK: create a pool and a
 * client, sign up, confirm with the code printed on the engine's console, sign in, read the
 * user, refresh, sign out everywhere, and see the old access token refused.
 *
 *   npm run cognito:local                      # terminal 1
 *   npm run build && node dist/examples/sdk-walkthrough.js   # terminal 2; type the code when asked
 *
 * COGNITO_ENDPOINT (default http://127.0.0.1:9229) points it elsewhere.
 */
import '../src/quietSdk';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createInterface } from 'node:readline/promises';

export interface WalkthroughResult {
  username: string;
  email: string | undefined;
  refreshedExpiresIn: number | undefined;
  oldTokenError: string;
}

export async function walkthrough(endpoint: string, readCode: (email: string) => Promise<string>, log = console.log): Promise<WalkthroughResult> {
  // The engine accepts admin calls signed with its credentials (local/local unless configured).
  const cognito = new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: `walkthrough-${Date.now()}`, UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] }));
  const client = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: pool.UserPool!.Id!,
      ClientName: 'walkthrough',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  const ClientId = client.UserPoolClient!.ClientId!;
  log(`1. pool ${pool.UserPool!.Id} and client ${ClientId} created`);

  const email = `ada-${Date.now()}@example.com`;
  const password = 'Sup3r-secret!';
  const signUp = await cognito.send(new SignUpCommand({ ClientId, Username: email, Password: password }));
  log(`2. signed up ${email}; code sent to ${signUp.CodeDeliveryDetails?.Destination}`);
  await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await readCode(email) }));
  const auth = await cognito.send(
    new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  const tokens = auth.AuthenticationResult!;
  log('   confirmed and signed in');

  const user = await cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
  const refreshed = await cognito.send(
    new InitiateAuthCommand({ ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }),
  );
  await cognito.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
  log(`3. user ${user.Username}; refreshed (new access token for ${refreshed.AuthenticationResult?.ExpiresIn}s); signed out everywhere`);

  const oldTokenError = await cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken })).then(
    () => 'accepted (unexpected)',
    (error: Error) => `${error.name}: ${error.message}`,
  );
  log(`4. old access token: ${oldTokenError}`);
  cognito.destroy();
  return {
    username: user.Username!,
    email: user.UserAttributes?.find((a) => a.Name === 'email')?.Value,
    refreshedExpiresIn: refreshed.AuthenticationResult?.ExpiresIn,
    oldTokenError,
  };
}

if (require.main === module) {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  walkthrough(process.env.COGNITO_ENDPOINT ?? 'http://127.0.0.1:9229', (email) =>
    prompt.question(`   enter the code the engine printed for ${email}: `),
  )
    .then(() => prompt.close())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
