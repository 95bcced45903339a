/**
 * The triggers' settings: defaults in config/triggers.json (or the file TRIGGERS_CONFIG names),
 * each overridable by an environment variable, validated at load with messages naming the
 * setting, as the API's own configuration is. The same settings serve a deployed Lambda (its
 * environment) and the embedded engine (the process's).
 *
 * | Variable                     | Setting                          |
 * | ALLOWED_EMAIL_DOMAINS        | signUp.allowedEmailDomains       |
 * | AUTO_CONFIRM_EMAIL_DOMAINS   | signUp.autoConfirm (one rule: confirm and verify the email) |
 * | INDEXED_ATTRIBUTES           | directory.indexedAttributes      |
 * | EVENT_RETENTION_DAYS         | directory.eventRetentionDays     |
 * | BLOCKING_FLAGS               | signIn.blockingFlags             |
 * | TOKEN_CLAIMS                 | tokenClaims (`claim=source,...`) |
 * | MESSAGE_TEMPLATES_DIR        | messages.templatesDir            |
 * | APP_NAME                     | messages.appName                 |
 * | LEGACY_USERS_FILE            | migration.legacyUsersFile        |
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '../config';
import { ATTRIBUTE_SLOTS } from '../datasources/metadata/directory.keys';
import { ClaimSource, parseClaimSource, reservedClaimProblem } from './claims';

export type SignUpSource = 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider';
const SIGN_UP_SOURCES: SignUpSource[] = ['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'];

/** A sign-up matching every condition given is confirmed without a code (and its email / phone verified if asked). */
export interface AutoConfirmRule {
  emailDomains?: string[];
  triggerSources?: SignUpSource[];
  verifyEmail?: boolean;
  verifyPhone?: boolean;
}

export interface TriggerSettings {
  /** Self sign-ups (and external providers) only from these email domains; empty allows any. */
  allowedEmailDomains: string[];
  autoConfirm: AutoConfirmRule[];
  indexedAttributes: string[];
  eventRetentionDays: number;
  /** Directory flags that refuse sign-in (PreAuthentication) and token refresh (PreTokenGeneration). */
  blockingFlags: string[];
  /** Claim name → where its value comes from. */
  tokenClaims: Record<string, ClaimSource>;
  /** Absolute path of the message templates. */
  templatesDir: string;
  appName: string;
  /** Absolute path of the legacy users export (JSON or CSV), if migration is on. */
  legacyUsersFile?: string;
}

const DAY_MS = 24 * 3600_000;

/** The directory store's options these settings give (the same for the triggers, the API and reconcile). */
export const directoryOptions = (settings: TriggerSettings) => ({
  indexedAttributes: settings.indexedAttributes,
  eventRetentionMs: settings.eventRetentionDays * DAY_MS,
});

export const DEFAULT_TRIGGERS_CONFIG = join(process.cwd(), 'config', 'triggers.json');

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const list = (raw: string): string[] => raw.split(',').map((item) => item.trim()).filter(Boolean);

interface FileSettings {
  signUp?: { allowedEmailDomains?: unknown; autoConfirm?: unknown };
  directory?: { indexedAttributes?: unknown; eventRetentionDays?: unknown };
  signIn?: { blockingFlags?: unknown };
  tokenClaims?: unknown;
  messages?: { templatesDir?: unknown; appName?: unknown };
  migration?: { legacyUsersFile?: unknown };
}

function readFile(path: string): FileSettings {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as FileSettings;
  } catch (error) {
    throw new ConfigError([`${path}: ${(error as Error).message}`]);
  }
}

export function loadTriggerSettings(env: NodeJS.ProcessEnv = process.env, configFile = env.TRIGGERS_CONFIG?.trim() || DEFAULT_TRIGGERS_CONFIG): TriggerSettings {
  const file = readFile(configFile);
  const base = dirname(resolve(configFile));
  const problems: string[] = [];
  const fromEnv = (name: string): string | undefined => (env[name] === undefined ? undefined : env[name]!.trim());

  const strings = (value: unknown, where: string): string[] => {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v) => v.trim()).filter(Boolean);
    problems.push(`${where} must be a list of strings`);
    return [];
  };
  const domains = (values: string[], where: string): string[] => {
    const lower = values.map((d) => d.toLowerCase());
    for (const domain of lower) if (!DOMAIN.test(domain)) problems.push(`${where}: "${domain}" is not a domain name`);
    return lower;
  };

  const allowedRaw = fromEnv('ALLOWED_EMAIL_DOMAINS');
  const allowedEmailDomains = domains(allowedRaw !== undefined ? list(allowedRaw) : strings(file.signUp?.allowedEmailDomains ?? [], 'signUp.allowedEmailDomains'), 'ALLOWED_EMAIL_DOMAINS / signUp.allowedEmailDomains');

  const autoRaw = fromEnv('AUTO_CONFIRM_EMAIL_DOMAINS');
  const autoConfirm: AutoConfirmRule[] =
    autoRaw !== undefined
      ? autoRaw === ''
        ? []
        : [{ emailDomains: domains(list(autoRaw), 'AUTO_CONFIRM_EMAIL_DOMAINS'), verifyEmail: true }]
      : autoConfirmRules(file.signUp?.autoConfirm ?? [], problems, domains);

  const indexedRaw = fromEnv('INDEXED_ATTRIBUTES');
  const indexedAttributes = indexedRaw !== undefined ? list(indexedRaw) : strings(file.directory?.indexedAttributes ?? [], 'directory.indexedAttributes');
  if (indexedAttributes.length > ATTRIBUTE_SLOTS) problems.push(`INDEXED_ATTRIBUTES / directory.indexedAttributes: at most ${ATTRIBUTE_SLOTS} (one index of the metadata table each)`);
  if (new Set(indexedAttributes).size !== indexedAttributes.length) problems.push('INDEXED_ATTRIBUTES / directory.indexedAttributes: a name is listed twice');

  const retentionRaw = fromEnv('EVENT_RETENTION_DAYS') || file.directory?.eventRetentionDays;
  const eventRetentionDays = Number(retentionRaw ?? 90);
  if (!Number.isInteger(eventRetentionDays) || eventRetentionDays < 1 || eventRetentionDays > 3650) {
    problems.push(`EVENT_RETENTION_DAYS / directory.eventRetentionDays must be a whole number of days from 1 to 3650 (got "${retentionRaw}")`);
  }

  const flagsRaw = fromEnv('BLOCKING_FLAGS');
  const blockingFlags = flagsRaw !== undefined ? list(flagsRaw) : strings(file.signIn?.blockingFlags ?? [], 'signIn.blockingFlags');

  const claimsRaw = fromEnv('TOKEN_CLAIMS');
  const claimEntries: [string, unknown][] =
    claimsRaw !== undefined ? list(claimsRaw).map((pair) => [pair.split('=')[0].trim(), pair.split('=').slice(1).join('=').trim()]) : Object.entries((file.tokenClaims as Record<string, unknown> | undefined) ?? {});
  const tokenClaims: Record<string, ClaimSource> = {};
  for (const [claim, raw] of claimEntries) {
    const problem = reservedClaimProblem(claim);
    const source = typeof raw === 'string' ? parseClaimSource(raw) : undefined;
    if (problem) problems.push(`TOKEN_CLAIMS / tokenClaims: ${problem}`);
    else if (!source) problems.push(`TOKEN_CLAIMS / tokenClaims: "${claim}" needs a source "attribute:<name>" or "directory:<plan|locale|displayName|signUpSource>" (got "${String(raw)}")`);
    else tokenClaims[claim] = source;
  }

  const path = (value: unknown, where: string): string | undefined => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') {
      problems.push(`${where} must be a path`);
      return undefined;
    }
    return isAbsolute(value) ? value : join(base, value);
  };
  // Relative paths from the environment are from the working directory, in the file from the file's own.
  const envPath = (name: string) => (fromEnv(name) ? resolve(fromEnv(name)!) : undefined);
  const templatesDir = envPath('MESSAGE_TEMPLATES_DIR') ?? path(file.messages?.templatesDir ?? 'messages', 'messages.templatesDir') ?? join(base, 'messages');
  const appName = fromEnv('APP_NAME') || (typeof file.messages?.appName === 'string' ? file.messages.appName : 'Identity API');
  const legacyUsersFile = fromEnv('LEGACY_USERS_FILE') !== undefined ? envPath('LEGACY_USERS_FILE') : path(file.migration?.legacyUsersFile, 'migration.legacyUsersFile');
  // The sample's passwords are printed in the README: never let them sign in to a real pool.
  if (legacyUsersFile && env.NODE_ENV === 'production' && /\.sample\.[a-z]+$/i.test(legacyUsersFile)) {
    problems.push('LEGACY_USERS_FILE: the sample legacy users (published passwords) are refused with NODE_ENV=production');
  }

  if (problems.length) throw new ConfigError(problems);
  return { allowedEmailDomains, autoConfirm, indexedAttributes, eventRetentionDays, blockingFlags, tokenClaims, templatesDir, appName, legacyUsersFile };
}

function autoConfirmRules(value: unknown, problems: string[], domains: (values: string[], where: string) => string[]): AutoConfirmRule[] {
  if (!Array.isArray(value)) {
    problems.push('signUp.autoConfirm must be a list of rules');
    return [];
  }
  return value.map((rule: AutoConfirmRule, n): AutoConfirmRule => {
    const where = `signUp.autoConfirm[${n}]`;
    const sources = rule.triggerSources ?? undefined;
    if (sources && !sources.every((s) => SIGN_UP_SOURCES.includes(s))) problems.push(`${where}.triggerSources must be among ${SIGN_UP_SOURCES.join(', ')}`);
    return {
      emailDomains: rule.emailDomains ? domains(rule.emailDomains, `${where}.emailDomains`) : undefined,
      triggerSources: sources,
      verifyEmail: rule.verifyEmail === true,
      verifyPhone: rule.verifyPhone === true,
    };
  });
}
