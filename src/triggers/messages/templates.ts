/**
 * The branded messages CustomMessage answers with: one JSON file per kind of message in the
 * templates directory (`<Kind>.json`: emailSubject, emailBody, smsMessage), each email body set
 * in `layout.html`. Read and checked once, when the handlers are built, so a broken template
 * stops the start instead of a sign-up.
 *
 * `{{appName}}`, `{{name}}` and `{{email}}` are ours, filled in here (escaped for HTML in email;
 * SMS may use only `{{appName}}`, to stay within 140 characters). `{####}` (the code, or an
 * invitation's temporary password) and `{username}` are Cognito's: left for Cognito to fill, as
 * the event's codeParameter / usernameParameter say. A value of ours can never become one of
 * Cognito's placeholders: braces in it are escaped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../config';

export const MESSAGE_KINDS = ['SignUp', 'AdminCreateUser', 'ResendCode', 'ForgotPassword', 'UpdateUserAttribute', 'VerifyUserAttribute', 'Authentication'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const CODE = '{####}';
export const USERNAME = '{username}';
/** Cognito's limits on what CustomMessage may answer. */
const LIMITS = { subject: 140, email: 20_000, sms: 140 };

export interface Template {
  emailSubject: string;
  emailMessage: string;
  smsMessage: string;
}

export interface Variables {
  appName: string;
  name: string;
  email: string;
}

const VARIABLE = /\{\{(\w+)\}\}/g;

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"'{}]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '{': '&#123;', '}': '&#125;' })[c]!);
const plain = (value: string): string => value.replace(/[{}\r\n]/g, '');

function fill(text: string, variables: Record<string, string>, escape: (value: string) => string): string {
  return text.replace(VARIABLE, (whole, name: string) => (name in variables ? escape(variables[name]) : whole));
}

/** Reads and checks every template; throws a ConfigError listing every problem. */
export function loadTemplates(dir: string, appName: string): Record<MessageKind, Template> {
  const problems: string[] = [];
  let layout = '{{body}}';
  try {
    layout = readFileSync(join(dir, 'layout.html'), 'utf8');
  } catch {
    problems.push(`${join(dir, 'layout.html')}: missing`);
  }
  const templates = {} as Record<MessageKind, Template>;
  for (const kind of MESSAGE_KINDS) {
    const file = join(dir, `${kind}.json`);
    let raw: { emailSubject?: unknown; emailBody?: unknown; smsMessage?: unknown };
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    const { emailSubject, emailBody, smsMessage } = raw;
    if (typeof emailSubject !== 'string' || typeof emailBody !== 'string' || typeof smsMessage !== 'string') {
      problems.push(`${file}: needs emailSubject, emailBody and smsMessage as text`);
      continue;
    }
    // The layout's own variables are filled now; the body's stay for each message.
    const emailMessage = layout.replace('{{body}}', () => emailBody);
    const wanted = kind === 'AdminCreateUser' ? [CODE, USERNAME] : [CODE];
    for (const placeholder of wanted) {
      if (!emailMessage.includes(placeholder) || !smsMessage.includes(placeholder)) problems.push(`${file}: the email and the SMS must both contain ${placeholder}`);
    }
    if ([...smsMessage.matchAll(VARIABLE)].some((m) => m[1] !== 'appName')) problems.push(`${file}: smsMessage may use only {{appName}}`);
    if (fill(smsMessage, { appName }, plain).length > LIMITS.sms) problems.push(`${file}: smsMessage is over ${LIMITS.sms} characters`);
    if (fill(emailSubject, { appName }, plain).length > LIMITS.subject) problems.push(`${file}: emailSubject is over ${LIMITS.subject} characters`);
    if (emailMessage.length > LIMITS.email / 2) problems.push(`${file}: the email is over ${LIMITS.email / 2} characters (Cognito allows ${LIMITS.email} once filled in)`);
    templates[kind] = { emailSubject, emailMessage, smsMessage };
  }
  if (problems.length) throw new ConfigError(problems);
  return templates;
}

/** The message for one user, with Cognito's placeholders spelled as the event asks. */
export function render(template: Template, variables: Variables, codeParameter: string, usernameParameter: string | null): Template {
  const cognito = (text: string) => text.split(CODE).join(codeParameter).split(USERNAME).join(usernameParameter ?? USERNAME);
  const values = { ...variables };
  return {
    emailSubject: cognito(fill(template.emailSubject, values, plain)).slice(0, LIMITS.subject),
    emailMessage: cognito(fill(template.emailMessage, values, escapeHtml)),
    smsMessage: cognito(fill(template.smsMessage, { appName: variables.appName }, plain)),
  };
}
