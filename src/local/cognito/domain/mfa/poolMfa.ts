/**
 * A pool's MFA: whether it is OFF, OPTIONAL or ON (MfaConfiguration), and which factors it offers
 * (SetUserPoolMfaConfig): TOTP (SOFTWARE_TOKEN_MFA), SMS_MFA and EMAIL_OTP, with the text of the
 * codes it sends. Codes go to the outbox; no SMS or email leaves the machine.
 *
 * A pool created with MFA OPTIONAL or ON and never given SetUserPoolMfaConfig offers TOTP, and
 * SMS when CreateUserPool had an SmsConfiguration, so that a pool turned on at creation can be
 * used at once (Cognito's console does the same by asking for the factors on the same page).
 */
import { InvalidParameterException } from '../../errors';
import { oneOf, optionalBoolean, optionalString } from '../../params';
import type { MfaFactors, MfaType, PoolRecord, PoolSettings } from '../model';

export type MfaMode = 'OFF' | 'ON' | 'OPTIONAL';
export const MFA_MODES: readonly MfaMode[] = ['OFF', 'ON', 'OPTIONAL'];

type Input = Record<string, unknown>;
const section = (input: Input, name: string): Input | undefined => {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidParameterException(`${name} must be an object.`);
  return value as Input;
};

/** The factors a pool gets at CreateUserPool (and keeps through UpdateUserPool), before any SetUserPoolMfaConfig. */
export function initialFactors(input: Input, mode: string): MfaFactors {
  const sms = section(input, 'SmsConfiguration');
  return {
    softwareToken: mode !== 'OFF',
    ...(sms ? { sms: { message: optionalString(input, 'SmsAuthenticationMessage', { max: 140 }), configuration: sms } } : {}),
  };
}

export const poolFactors = (pool: PoolRecord): MfaFactors => pool.settings.MfaFactors ?? initialFactors(pool.settings.Extra, pool.settings.MfaConfiguration);

export const mfaMode = (pool: PoolRecord): MfaMode => (MFA_MODES.includes(pool.settings.MfaConfiguration as MfaMode) ? (pool.settings.MfaConfiguration as MfaMode) : 'OFF');

/** The factors a pool offers, in Cognito's order of preference when it picks for a user. */
export function offeredFactors(pool: PoolRecord): MfaType[] {
  const factors = poolFactors(pool);
  return [
    ...(factors.softwareToken ? (['SOFTWARE_TOKEN_MFA'] as const) : []),
    ...(factors.sms ? (['SMS_MFA'] as const) : []),
    ...(factors.email ? (['EMAIL_OTP'] as const) : []),
  ];
}

const CODE = '{####}';

function checkedMessage(value: string | undefined, field: string): string | undefined {
  if (value !== undefined && !value.includes(CODE)) throw new InvalidParameterException(`${field} must contain ${CODE}.`);
  return value;
}

/**
 * SetUserPoolMfaConfig's new settings: each factor section given replaces the pool's, one left
 * out stays as it is; MfaConfiguration, when given, must leave at least one factor to use.
 */
export function mfaConfigFrom(pool: PoolRecord, input: Input): Pick<PoolSettings, 'MfaConfiguration' | 'MfaFactors'> {
  const factors: MfaFactors = { ...poolFactors(pool) };
  const totp = section(input, 'SoftwareTokenMfaConfiguration');
  if (totp) factors.softwareToken = optionalBoolean(totp, 'Enabled') ?? false;
  const sms = section(input, 'SmsMfaConfiguration');
  if (sms) {
    factors.sms = {
      message: checkedMessage(optionalString(sms, 'SmsAuthenticationMessage', { max: 140 }), 'SmsAuthenticationMessage'),
      configuration: section(sms, 'SmsConfiguration'),
    };
  }
  const email = section(input, 'EmailMfaConfiguration');
  if (email) {
    factors.email = {
      message: checkedMessage(optionalString(email, 'Message', { max: 20000 }), 'Message'),
      subject: optionalString(email, 'Subject', { max: 140 }),
    };
  }
  const given = optionalString(input, 'MfaConfiguration');
  const mode = given === undefined ? mfaMode(pool) : oneOf('MfaConfiguration', given, MFA_MODES);
  const next = { ...pool, settings: { ...pool.settings, MfaFactors: factors } };
  if (mode !== 'OFF' && offeredFactors(next).length === 0) {
    throw new InvalidParameterException('MfaConfiguration ON or OPTIONAL needs at least one MFA factor enabled.');
  }
  return { MfaConfiguration: mode, MfaFactors: factors };
}

/** GetUserPoolMfaConfig's (and SetUserPoolMfaConfig's) answer. */
export function describeMfaConfig(pool: PoolRecord): Record<string, unknown> {
  const factors = poolFactors(pool);
  return {
    MfaConfiguration: mfaMode(pool),
    SoftwareTokenMfaConfiguration: { Enabled: factors.softwareToken },
    ...(factors.sms ? { SmsMfaConfiguration: { SmsAuthenticationMessage: factors.sms.message, SmsConfiguration: factors.sms.configuration } } : {}),
    ...(factors.email ? { EmailMfaConfiguration: { Message: factors.email.message, Subject: factors.email.subject } } : {}),
  };
}
