/**
 * The embedded world that `npm start` boots: started twice on the same data directory, it
 * finds what the first start created (pool and client by name, groups, API key, admin).
 */
import {
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_COST } from '../../src/local/cognito/domain/passwords';
import { DEFAULT_POOL_FILE, startEmbeddedWorld } from '../../src/local/embedded';
import { readPoolDefinition } from '../../src/local/poolDefinition';

const dataDir = mkdtempSync(join(tmpdir(), 'embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = () => startEmbeddedWorld({ dataDir, region: 'us-east-1', metadataTable: 'identity-metadata', hashCost: TEST_COST });

test('a second start reuses the pool, client, groups, API key and admin of the first', async () => {
  const first = await start();
  const firstIds = { pool: first.pool, apiKeys: first.apiKeys };
  expect(first.admin.generatedPassword).toMatch(/.{20,}/);
  const stored = JSON.parse(readFileSync(join(dataDir, 'admin.json'), 'utf8'));
  expect(stored).toEqual({ email: 'admin@example.com', password: first.admin.generatedPassword });
  expect(statSync(join(dataDir, 'admin.json')).mode & 0o777).toBe(0o600);
  await first.close();

  const second = await start();
  try {
    expect({ pool: second.pool, apiKeys: second.apiKeys }).toEqual(firstIds);
    expect(second.admin.generatedPassword).toBeUndefined();
    const sdk = new CognitoIdentityProviderClient({ endpoint: second.engine.endpoint, region: 'us-east-1', credentials: second.engine.credentials });
    const pools = await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(pools.UserPools!.map((p) => p.Name)).toEqual(['identity-api-local']);
    const groups = await sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: second.pool.userPoolId, Username: 'admin@example.com' }));
    expect(groups.Groups!.map((g) => g.GroupName)).toEqual(['Admins']);
    sdk.destroy();
  } finally {
    await second.close();
  }
}, 60_000);

test('a pool from an older data directory gets the definition\'s MFA, device, first-factor and auth-flow settings; the TOTP sealing key is kept beside the data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-old-'));
  try {
    const current = readPoolDefinition(DEFAULT_POOL_FILE);
    const older = {
      ...current,
      mfa: undefined,
      pool: { ...current.pool, MfaConfiguration: 'OFF', DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: true }, Policies: { PasswordPolicy: current.pool.Policies!.PasswordPolicy } },
      client: { ...current.client, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
    };
    const olderFile = join(dir, 'older-pool.json');
    writeFileSync(olderFile, JSON.stringify(older));
    const options = { dataDir: dir, region: 'us-east-1', metadataTable: 'identity-metadata', hashCost: TEST_COST };
    await (await startEmbeddedWorld({ ...options, poolFile: olderFile })).close();
    const key = readFileSync(join(dir, 'engine-secret.key'), 'utf8');
    expect(statSync(join(dir, 'engine-secret.key')).mode & 0o777).toBe(0o600);

    const world = await startEmbeddedWorld(options);
    try {
      const sdk = new CognitoIdentityProviderClient({ endpoint: world.engine.endpoint, region: 'us-east-1', credentials: world.engine.credentials });
      const UserPoolId = world.pool.userPoolId;
      const { UserPool } = await sdk.send(new DescribeUserPoolCommand({ UserPoolId }));
      expect(UserPool).toMatchObject({
        MfaConfiguration: 'OPTIONAL',
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
      });
      expect(await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId }))).toMatchObject({
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Message: expect.stringContaining('{####}') },
      });
      const { UserPoolClient } = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: world.pool.clientId }));
      expect([...UserPoolClient!.ExplicitAuthFlows!].sort()).toEqual([...current.client.ExplicitAuthFlows!].sort());
      expect(readFileSync(join(dir, 'engine-secret.key'), 'utf8')).toBe(key);
      sdk.destroy();
    } finally {
      await world.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
