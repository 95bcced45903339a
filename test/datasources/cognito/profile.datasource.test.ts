/**
 * The `me` record a replica reuses belongs to one account: when another account has taken the
 * username (the old one deleted and the name reused, through another replica), it is read
 * again. In pools that sign in with email the username is the sub, so this only shows in pools
 * with free usernames; a stand-in SDK client plays Cognito here.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoGateway } from '../../../src/datasources/cognito/gateway';
import { ProfileDataSource } from '../../../src/datasources/cognito/profile.datasource';
import { RecentProfiles } from '../../../src/datasources/cognito/recentProfiles';
import { createLogger } from '../../../src/logger';

function profileSource(subs: string[]) {
  let reads = 0;
  const sdk = {
    send: async () => ({ Username: 'ada', UserAttributes: [{ Name: 'sub', Value: subs[Math.min(reads++, subs.length - 1)] }], UserStatus: 'CONFIRMED' }),
  } as unknown as CognitoIdentityProviderClient;
  const gateway = new CognitoGateway(sdk, { userPoolId: 'us-east-1_Test', clientId: 'client' }, createLogger('silent'));
  return { profile: new ProfileDataSource(gateway, new RecentProfiles(60_000)), reads: () => reads };
}

test("within the window the same account's record is reused", async () => {
  const { profile, reads } = profileSource(['sub-old']);
  await profile.signedInUser({ username: 'ada', sub: 'sub-old' });
  expect((await profile.signedInUser({ username: 'ada', sub: 'sub-old' })).sub).toBe('sub-old');
  expect(reads()).toBe(1);
});

test('a record kept for another account of the same username is read again, not shown', async () => {
  const { profile, reads } = profileSource(['sub-old', 'sub-new']);
  await profile.signedInUser({ username: 'ada', sub: 'sub-old' });
  expect((await profile.signedInUser({ username: 'ada', sub: 'sub-new' })).sub).toBe('sub-new');
  expect(reads()).toBe(2);
  expect((await profile.signedInUser({ username: 'ada', sub: 'sub-new' })).sub).toBe('sub-new');
  expect(reads()).toBe(2);
});
