/**
 * UserMigration from the shipped sample (a bcrypt and an argon2id user) and from a CSV export:
 * the right password migrates without a reset, a wrong one and an unknown name are refused the
 * same way in about the same time, ForgotPassword migrates for a reset, and the password is
 * neither logged nor handed back.
 */
import { SignInRecords } from '../../src/triggers/signInRecords';
import type { UserMigrationTriggerEvent } from 'aws-lambda';
import bcrypt from 'bcryptjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Directory } from '../../src/datasources/metadata/directory.types';
import { createTriggerHandlers, TRIGGER_FUNCTIONS } from '../../src/triggers';
import { loadLegacyDirectory } from '../../src/triggers/legacy/legacyDirectory';
import { NOT_MIGRATED, userMigration } from '../../src/triggers/userMigration';
import { cognitoEvent, shippedSettings } from './fixtures';

const SAMPLE = join(process.cwd(), 'config', 'legacy-users.sample.json');
const GRACE = { name: 'grace@legacy.example', password: 'Legacy-Passw0rd!' };
const LINUS = { name: 'linus@legacy.example', password: 'Migrate-Me-2024!' };

const migrate = userMigration({ directory: {} as Directory, settings: shippedSettings(), now: Date.now, signInRecords: new SignInRecords(Date.now), legacy: loadLegacyDirectory(SAMPLE) });

function migration(source: UserMigrationTriggerEvent['triggerSource'], userName: string, password = ''): UserMigrationTriggerEvent {
  return cognitoEvent(source, userName, { password, validationData: undefined, clientMetadata: undefined }, { userAttributes: {}, finalUserStatus: undefined, messageAction: undefined, desiredDeliveryMediums: ['EMAIL'] });
}

const signIn = (name: string, password: string) => migrate(migration('UserMigration_Authentication', name, password));

test('the right password (bcrypt or argon2id) migrates the user confirmed, email verified, no message, password not handed back', async () => {
  const grace = await signIn('Grace@Legacy.example', GRACE.password);
  expect(grace.response).toEqual({
    userAttributes: { name: 'Grace Hopper', 'custom:tenant': 'acme', 'custom:plan': 'pro', email: 'grace@legacy.example', email_verified: 'true' },
    finalUserStatus: 'CONFIRMED',
    messageAction: 'SUPPRESS',
    desiredDeliveryMediums: ['EMAIL'],
  });
  expect(grace.request.password).toBe('');
  expect((await signIn(LINUS.name, LINUS.password)).response).toMatchObject({ finalUserStatus: 'CONFIRMED', userAttributes: { name: 'Linus Example' } });
});

test('a wrong password and an unknown name are refused alike', async () => {
  await expect(signIn(GRACE.name, 'Wrong-Passw0rd!')).rejects.toThrow(NOT_MIGRATED);
  await expect(signIn(LINUS.name, 'Wrong-Passw0rd!')).rejects.toThrow(NOT_MIGRATED);
  await expect(signIn('nobody@legacy.example', GRACE.password)).rejects.toThrow(NOT_MIGRATED);
  await expect(migrate(migration('UserMigration_ForgotPassword', 'nobody@legacy.example'))).rejects.toThrow(NOT_MIGRATED);
});

test('an unknown name costs about what a wrong password does (a decoy hash is checked)', async () => {
  const time = async (name: string) => {
    const started = process.hrtime.bigint();
    await signIn(name, 'Wrong-Passw0rd!').catch(() => undefined);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  await time('warm-up@legacy.example');
  const median = async (name: string) => (await [1, 2, 3, 4, 5].reduce<Promise<number[]>>(async (all) => [...(await all), await time(name)], Promise.resolve([]))).sort((a, b) => a - b)[2];
  const [known, unknown] = [await median(GRACE.name), await median('nobody@legacy.example')];
  expect(unknown).toBeGreaterThan(known * 0.4);
  expect(unknown).toBeLessThan(known * 2.5);
});

test('ForgotPassword migrates the user for a reset, without checking any password', async () => {
  const answer = await migrate(migration('UserMigration_ForgotPassword', GRACE.name));
  expect(answer.response).toMatchObject({ finalUserStatus: 'RESET_REQUIRED', messageAction: 'SUPPRESS', userAttributes: { email: 'grace@legacy.example', email_verified: 'true' } });
});

test('a CSV export works the same, and attributes Cognito sets itself are never passed on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'legacy-'));
  const file = join(dir, 'users.csv');
  const hash = await bcrypt.hash('Csv-Passw0rd!', 4);
  writeFileSync(file, `username,email,password_hash,name,custom:tenant,sub\r\nhal,hal@old.example,${hash},"Hal, the ""First""",initech,forged-sub\r\n`);
  const handlers = createTriggerHandlers({ directory: {} as Directory, settings: shippedSettings({ legacyUsersFile: file }) });
  const answer = await handlers[TRIGGER_FUNCTIONS.UserMigration](migration('UserMigration_Authentication', 'HAL@old.example', 'Csv-Passw0rd!'));
  expect(answer.response.userAttributes).toEqual({ name: 'Hal, the "First"', 'custom:tenant': 'initech', email: 'hal@old.example', email_verified: 'true' });
});

test('without a legacy directory nobody is migrated', async () => {
  const handlers = createTriggerHandlers({ directory: {} as Directory, settings: shippedSettings() });
  await expect(handlers[TRIGGER_FUNCTIONS.UserMigration](migration('UserMigration_Authentication', GRACE.name, GRACE.password))).rejects.toThrow(NOT_MIGRATED);
});

test('nothing is logged, and so no password', async () => {
  const lines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.join(' '))));
  const handlers = createTriggerHandlers({ directory: {} as Directory, settings: shippedSettings({ legacyUsersFile: SAMPLE }) });
  await handlers[TRIGGER_FUNCTIONS.UserMigration](migration('UserMigration_Authentication', GRACE.name, GRACE.password));
  await handlers[TRIGGER_FUNCTIONS.UserMigration](migration('UserMigration_Authentication', GRACE.name, 'Typo-Passw0rd!')).catch(() => undefined);
  for (const spy of spies) spy.mockRestore();
  expect(lines).toEqual([]);
});
