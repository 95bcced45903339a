/**
 * CustomMessage: every source answered from config/messages with Cognito's placeholders kept,
 * user values escaped, and broken templates refused when the handler is made.
 */
import { SignInRecords } from '../../src/triggers/signInRecords';
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import type { Directory } from '../../src/datasources/metadata/directory.types';
import { customMessage } from '../../src/triggers/customMessage';
import { MESSAGE_KINDS } from '../../src/triggers/messages/templates';
import type { TriggerSettings } from '../../src/triggers/settings';
import { cognitoEvent, shippedSettings } from './fixtures';

const deps = (changes: Partial<TriggerSettings> = {}) => ({
  directory: {} as Directory,
  settings: shippedSettings({ appName: 'Acme', ...changes }),
  now: Date.now,
  signInRecords: new SignInRecords(Date.now),
});

function messageEvent(source: CustomMessageTriggerEvent['triggerSource'], userAttributes: Record<string, string>): CustomMessageTriggerEvent {
  return cognitoEvent(
    source,
    'ada@example.com',
    { userAttributes, codeParameter: '{####}', linkParameter: '{##Click Here##}', usernameParameter: source === 'CustomMessage_AdminCreateUser' ? '{username}' : null },
    { smsMessage: null, emailMessage: null, emailSubject: null },
  ) as CustomMessageTriggerEvent;
}

test.each(MESSAGE_KINDS.map((kind) => [kind]))('%s: branded email and SMS that keep the code placeholder', async (kind) => {
  const source = `CustomMessage_${kind}` as CustomMessageTriggerEvent['triggerSource'];
  const { response } = await customMessage(deps())(messageEvent(source, { email: 'ada@example.com', name: 'Ada' }));
  expect(response.emailSubject).toContain('Acme');
  expect(response.emailMessage).toContain('{####}');
  expect(response.emailMessage).toContain('Hello Ada,');
  expect(response.smsMessage).toContain('{####}');
  expect(response.smsMessage!.length).toBeLessThanOrEqual(140);
  expect(response.emailSubject!.length).toBeLessThanOrEqual(140);
  if (kind === 'AdminCreateUser') {
    expect(response.emailMessage).toContain('{username}');
    expect(response.smsMessage).toContain('{username}');
  }
});

test("a user's own values are escaped and can never become one of Cognito's placeholders", async () => {
  const { response } = await customMessage(deps())(messageEvent('CustomMessage_SignUp', { email: 'x@example.com', name: '<b>{####}</b>' }));
  expect(response.emailMessage).toContain('Hello &lt;b&gt;&#123;####&#125;&lt;/b&gt;,');
  expect(response.emailMessage!.split('{####}')).toHaveLength(2);
});

test('broken templates stop the handler from being made, each problem named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'messages-'));
  cpSync(join(process.cwd(), 'config', 'messages'), dir, { recursive: true });
  writeFileSync(join(dir, 'SignUp.json'), JSON.stringify({ emailSubject: 'Hi', emailBody: '<p>no code</p>', smsMessage: 'Hi {{name}} {####}' }));
  writeFileSync(join(dir, 'AdminCreateUser.json'), JSON.stringify({ emailSubject: 'Hi', emailBody: '<p>{####}</p>', smsMessage: '{####}' }));
  let problems: string[] = [];
  try {
    customMessage(deps({ templatesDir: dir }));
  } catch (error) {
    problems = (error as ConfigError).problems;
  }
  expect(problems).toEqual([
    `${join(dir, 'SignUp.json')}: the email and the SMS must both contain {####}`,
    `${join(dir, 'SignUp.json')}: smsMessage may use only {{appName}}`,
    `${join(dir, 'AdminCreateUser.json')}: the email and the SMS must both contain {username}`,
  ]);
});
