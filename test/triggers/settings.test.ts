/** loadTriggerSettings: the shipped defaults, the environment's overrides, and clear refusals. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import { loadTriggerSettings } from '../../src/triggers/settings';

const problems = (env: NodeJS.ProcessEnv, file?: string): string[] => {
  try {
    loadTriggerSettings(env, file);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

test('the shipped config/triggers.json: open sign-up, tenant indexed, 90 days of events, tenant and plan claims', () => {
  const settings = loadTriggerSettings({});
  expect(settings).toMatchObject({
    allowedEmailDomains: [],
    autoConfirm: [],
    indexedAttributes: ['custom:tenant'],
    eventRetentionDays: 90,
    blockingFlags: ['suspended'],
    tokenClaims: { tenant: { kind: 'attribute', name: 'custom:tenant' }, plan: { kind: 'directory', field: 'plan' } },
    appName: 'Identity API',
    legacyUsersFile: undefined,
  });
  expect(settings.templatesDir).toBe(join(process.cwd(), 'config', 'messages'));
});

test('environment variables override the file', () => {
  const settings = loadTriggerSettings({
    ALLOWED_EMAIL_DOMAINS: 'Example.com, acme.io',
    AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.io',
    INDEXED_ATTRIBUTES: 'custom:tenant,custom:region',
    EVENT_RETENTION_DAYS: '30',
    BLOCKING_FLAGS: 'suspended,locked',
    TOKEN_CLAIMS: 'tenant=attribute:custom:tenant,locale=directory:locale',
    APP_NAME: 'Acme',
    LEGACY_USERS_FILE: 'config/legacy-users.sample.json',
  });
  expect(settings).toMatchObject({
    allowedEmailDomains: ['example.com', 'acme.io'],
    autoConfirm: [{ emailDomains: ['acme.io'], verifyEmail: true }],
    indexedAttributes: ['custom:tenant', 'custom:region'],
    eventRetentionDays: 30,
    blockingFlags: ['suspended', 'locked'],
    tokenClaims: { tenant: { kind: 'attribute', name: 'custom:tenant' }, locale: { kind: 'directory', field: 'locale' } },
    appName: 'Acme',
    legacyUsersFile: join(process.cwd(), 'config', 'legacy-users.sample.json'),
  });
  expect(loadTriggerSettings({ INDEXED_ATTRIBUTES: '' }).indexedAttributes).toEqual([]);
});

test('bad values are refused, each named', () => {
  expect(
    problems({
      ALLOWED_EMAIL_DOMAINS: 'not a domain',
      INDEXED_ATTRIBUTES: 'a,b,c,d',
      EVENT_RETENTION_DAYS: '0',
      TOKEN_CLAIMS: 'sub=attribute:email,cognito:groups=attribute:x,plan=directory:password',
    }),
  ).toEqual([
    'ALLOWED_EMAIL_DOMAINS / signUp.allowedEmailDomains: "not a domain" is not a domain name',
    'INDEXED_ATTRIBUTES / directory.indexedAttributes: at most 3 (one index of the metadata table each)',
    'EVENT_RETENTION_DAYS / directory.eventRetentionDays must be a whole number of days from 1 to 3650 (got "0")',
    'TOKEN_CLAIMS / tokenClaims: "sub" is a reserved claim',
    'TOKEN_CLAIMS / tokenClaims: "cognito:groups" is a reserved claim',
    'TOKEN_CLAIMS / tokenClaims: "plan" needs a source "attribute:<name>" or "directory:<plan|locale|displayName|signUpSource>" (got "directory:password")',
  ]);
});

test('the sample legacy users, whose passwords are published, are refused in production', () => {
  expect(problems({ NODE_ENV: 'production', LEGACY_USERS_FILE: 'config/legacy-users.sample.json' })).toEqual([
    'LEGACY_USERS_FILE: the sample legacy users (published passwords) are refused with NODE_ENV=production',
  ]);
});

test('another file, with paths relative to it, and auto-confirm rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triggers-'));
  const file = join(dir, 'triggers.json');
  writeFileSync(
    file,
    JSON.stringify({
      signUp: { allowedEmailDomains: ['corp.example'], autoConfirm: [{ triggerSources: ['PreSignUp_ExternalProvider'], verifyEmail: true }, { triggerSources: ['Nope'] }] },
      messages: { templatesDir: 'my-messages' },
      migration: { legacyUsersFile: 'users.csv' },
    }),
  );
  expect(problems({}, file)).toEqual(['signUp.autoConfirm[1].triggerSources must be among PreSignUp_SignUp, PreSignUp_AdminCreateUser, PreSignUp_ExternalProvider']);
  writeFileSync(file, JSON.stringify({ messages: { templatesDir: 'my-messages' }, migration: { legacyUsersFile: 'users.csv' } }));
  expect(loadTriggerSettings({ TRIGGERS_CONFIG: file })).toMatchObject({ templatesDir: join(dir, 'my-messages'), legacyUsersFile: join(dir, 'users.csv') });
  expect(problems({}, join(dir, 'missing.json'))[0]).toMatch(/missing\.json/);
});
