/**
 * A weak ADMIN_PASSWORD stops the embedded world with a message naming the variable, checked
 * against the pool's own policy before the admin is created.
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_COST } from '../../src/local/cognito/domain/passwords';
import { startEmbeddedWorld } from '../../src/local/embedded';
import { seedAdmin } from '../../src/local/seedAdmin';

const dataDir = mkdtempSync(join(tmpdir(), 'admin-password-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const POLICY_MESSAGE = "ADMIN_PASSWORD does not meet the pool's password policy: ";

test('a weak ADMIN_PASSWORD is named, with what the policy wants; the next start with a good one seeds the admin', async () => {
  await expect(
    startEmbeddedWorld({ dataDir, region: 'us-east-1', metadataTable: 'identity-metadata', hashCost: TEST_COST, adminPassword: 'weakpassword' }),
  ).rejects.toThrow(
    `${POLICY_MESSAGE}Password must have uppercase characters; Password must have numeric characters; Password must have symbol characters`,
  );
  // Fixing the variable is all it takes: the next start seeds the admin with it.
  const world = await startEmbeddedWorld({ dataDir, region: 'us-east-1', metadataTable: 'identity-metadata', hashCost: TEST_COST, adminPassword: 'Str0ng-Passw0rd!' });
  const sdk = new CognitoIdentityProviderClient({ endpoint: world.engine.endpoint, region: 'us-east-1', credentials: world.engine.credentials });
  try {
    const admin = await sdk.send(new AdminGetUserCommand({ UserPoolId: world.pool.userPoolId, Username: world.admin.email }));
    expect(admin.UserStatus).toBe('CONFIRMED');
  } finally {
    sdk.destroy();
    await world.close();
  }
}, 60_000);

test("the pool's own policy is checked before the admin is created", async () => {
  const world = await startEmbeddedWorld({ region: 'us-east-1', metadataTable: 'identity-metadata', hashCost: TEST_COST });
  const sdk = new CognitoIdentityProviderClient({ endpoint: world.engine.endpoint, region: 'us-east-1', credentials: world.engine.credentials });
  try {
    const email = 'second-admin@example.com';
    await expect(seedAdmin(sdk, world.pool, { email, password: 'Sh0rt!' })).rejects.toThrow(`${POLICY_MESSAGE}Password not long enough`);
    await expect(sdk.send(new AdminGetUserCommand({ UserPoolId: world.pool.userPoolId, Username: email }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
  } finally {
    sdk.destroy();
    await world.close();
  }
}, 60_000);
