/**
 * Child process for bench:api: the embedded world (engine + dynalite, standing in for Cognito
 * and DynamoDB) with BENCH_USERS confirmed, signed-in users. Prints its endpoints and the users'
 * access tokens (and the seeded admin's) as one JSON line, then serves until killed.
 */
import '../../src/quietSdk';
import { CognitoIdentityProviderClient, AdminConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mapWithConcurrency } from '../../src/datasources/concurrency';
import { TEST_COST } from '../../src/local/cognito/domain/passwords';
import { startEmbeddedWorld } from '../../src/local/embedded';
import { envInt } from '../measure';

async function main(): Promise<void> {
  const world = await startEmbeddedWorld({
    region: 'us-east-1',
    metadataTable: 'identity-metadata',
    apiKeys: ['bench-api-key-0123456789'],
    adminPassword: 'Bench-Admin-1!',
    hashCost: TEST_COST,
  });
  const sdk = new CognitoIdentityProviderClient({ endpoint: world.engine.endpoint, region: 'us-east-1', credentials: world.engine.credentials });
  const password = 'Bench-Passw0rd!';
  const signedIn = async (i: number): Promise<string> => {
    const email = `bench-${i}@example.com`;
    await sdk.send(new SignUpCommand({ ClientId: world.pool.clientId, Username: email, Password: password }));
    await sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: world.pool.userPoolId, Username: email }));
    const auth = await sdk.send(
      new InitiateAuthCommand({ ClientId: world.pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
    return auth.AuthenticationResult!.AccessToken!;
  };
  const users = Array.from({ length: envInt('BENCH_USERS', 200) }, (_, i) => i);
  const accessTokens = await mapWithConcurrency(users, 8, signedIn);
  const admin = await sdk.send(
    new InitiateAuthCommand({ ClientId: world.pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: world.admin.email, PASSWORD: 'Bench-Admin-1!' } }),
  );
  console.log(
    JSON.stringify({
      engineEndpoint: world.engine.endpoint,
      dynamoEndpoint: world.dynamo.endpoint,
      credentials: world.engine.credentials,
      userPoolId: world.pool.userPoolId,
      clientId: world.pool.clientId,
      apiKeys: world.apiKeys,
      accessTokens,
      adminToken: admin.AuthenticationResult!.AccessToken!,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
