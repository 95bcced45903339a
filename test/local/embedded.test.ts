/**
 * The embedded world that `npm start` boots: started twice on the same data directory, it
 * finds what the first start created (pool and client by name, groups, API key, admin).
 */
import { AdminListGroupsForUserCommand, CognitoIdentityProviderClient, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_COST } from '../../src/local/cognito/domain/passwords';
import { startEmbeddedWorld } from '../../src/local/embedded';

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
