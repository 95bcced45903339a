/**
 * UserMigration through the API: the shipped pool with its UserMigration trigger turned on and
 * the sample legacy export (config/legacy-users.sample.json). A legacy user signs in with their
 * old password and lands CONFIRMED, with a directory record; a wrong old password and an unknown
 * name get the ordinary wrong-password answer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POOL_FILE } from '../../src/local/embedded';
import { loadTriggerSettings, TRIGGER_FUNCTIONS } from '../../src/triggers';
import * as ops from '../generated/graphql';
import { adminToken } from '../support/admin';
import { startTestApi, TestApi } from '../support/api';
import { expectBadCredentials } from '../support/expect';
import { claimsOf, signIn, uniqueEmail } from '../support/users';

const scratch = mkdtempSync(join(tmpdir(), 'migration-'));
let t: TestApi;
beforeAll(async () => {
  const definition = JSON.parse(readFileSync(DEFAULT_POOL_FILE, 'utf8')) as { pool: { LambdaConfig: Record<string, unknown> } };
  definition.pool.LambdaConfig.UserMigration = `arn:aws:lambda:us-east-1:000000000000:function:${TRIGGER_FUNCTIONS.UserMigration}`;
  const poolFile = join(scratch, 'user-pool.json');
  writeFileSync(poolFile, JSON.stringify(definition));
  t = await startTestApi({ poolFile, triggers: loadTriggerSettings({ LEGACY_USERS_FILE: 'config/legacy-users.sample.json' }) });
});
afterAll(async () => {
  await t.stop();
  rmSync(scratch, { recursive: true, force: true });
});

test('a legacy user signs in with the old password, lands CONFIRMED with the legacy attributes and a record, and signs in normally after', async () => {
  const first = await signIn(t, 'grace@legacy.example', 'Legacy-Passw0rd!');
  expect(first.errors).toBeUndefined();
  expect(first.data?.signIn?.isSignedIn).toBe(true);
  const idToken = first.data!.signIn!.tokens!.idToken;
  expect(claimsOf(idToken)).toMatchObject({ email: 'grace@legacy.example', email_verified: true, name: 'Grace Hopper', tenant: 'acme' });
  const sub = claimsOf(idToken).sub as string;
  const user = await t.gql(ops.UserWithMetadataDocument, { username: 'grace@legacy.example' }, { token: await adminToken(t) });
  expect(user.data?.user?.metadata).toMatchObject({ sub, status: 'CONFIRMED', signUpSource: 'MIGRATION', signInCount: 1 });
  // Now an ordinary user of the pool: the trigger is not asked again.
  expect((await signIn(t, 'grace@legacy.example', 'Legacy-Passw0rd!')).data?.signIn?.isSignedIn).toBe(true);
});

test('a wrong old password and an unknown name both get the ordinary wrong-password answer, and nobody is created', async () => {
  // Linus is in the legacy export but has not migrated yet (the next test migrates him).
  const wrong = await signIn(t, 'linus@legacy.example', 'Wr0ng-Passw0rd!');
  const unknown = await signIn(t, uniqueEmail('never-existed'), 'Wr0ng-Passw0rd!');
  expectBadCredentials(wrong);
  expectBadCredentials(unknown);
  expect(unknown).toEqual(wrong);
  const admin = await adminToken(t);
  expect((await t.gql(ops.UserDocument, { username: 'linus@legacy.example' }, { token: admin })).errors?.[0]?.extensions?.code).toBe('USER_NOT_FOUND');
});

test('argon2id hashes migrate too, after a wrong try', async () => {
  expect((await signIn(t, 'linus@legacy.example', 'Migrate-Me-2024!')).data?.signIn?.isSignedIn).toBe(true);
});
