/**
 * A user's MFA settings: the factors turned on (SetUserMFAPreference, AdminSetUserMFAPreference,
 * or a completed MFA_SETUP) and the preferred one, as GetUser and AdminGetUser show them
 * (UserMFASettingList, PreferredMfaSetting, and the legacy MFAOptions for SMS).
 *
 * A factor can be on only if it can work: TOTP once a secret was verified (VerifySoftwareToken),
 * SMS with a phone number, email with an address; and only if the pool offers it.
 */
import { InvalidParameterException } from '../../errors';
import { optionalBoolean } from '../../params';
import type { EngineServices } from '../../services';
import type { MfaType, PoolRecord, UserRecord } from '../model';
import { offeredFactors } from './poolMfa';

/** The settings objects of SetUserMFAPreference, by the factor they govern. */
const SETTINGS: Record<MfaType, string> = {
  SOFTWARE_TOKEN_MFA: 'SoftwareTokenMfaSettings',
  SMS_MFA: 'SMSMfaSettings',
  EMAIL_OTP: 'EmailMfaSettings',
};

/** Why a factor cannot be on for this user, if it cannot. */
function unusable(pool: PoolRecord, user: UserRecord, factor: MfaType): string | undefined {
  if (!offeredFactors(pool).includes(factor)) return `${factor} is not enabled for this user pool.`;
  if (factor === 'SOFTWARE_TOKEN_MFA' && !user.totpSecret) return 'User has not verified software token mfa';
  if (factor === 'SMS_MFA' && !user.attributes.phone_number) return 'User does not have a phone number.';
  if (factor === 'EMAIL_OTP' && !user.attributes.email) return 'User does not have an email address.';
  return undefined;
}

/** The factors that are on and can be used now, the pool's order. */
export const enabledFactors = (pool: PoolRecord, user: UserRecord): MfaType[] =>
  offeredFactors(pool).filter((f) => (user.mfaEnabled ?? []).includes(f) && !unusable(pool, user, f));

export function describeMfa(pool: PoolRecord, user: UserRecord) {
  const enabled = enabledFactors(pool, user);
  return {
    UserMFASettingList: enabled,
    PreferredMfaSetting: user.mfaPreferred && enabled.includes(user.mfaPreferred) ? user.mfaPreferred : undefined,
    MFAOptions: enabled.includes('SMS_MFA') ? [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] : [],
  };
}

/** Applies SetUserMFAPreference's (or the admin form's) settings to the user; unmentioned factors stay as they are. */
export async function setMfaPreference(s: EngineServices, pool: PoolRecord, user: UserRecord, input: Record<string, unknown>): Promise<void> {
  const enabled = new Set(user.mfaEnabled ?? []);
  let preferred = user.mfaPreferred;
  for (const [factor, field] of Object.entries(SETTINGS) as [MfaType, string][]) {
    const settings = input[field];
    if (settings === undefined || settings === null) continue;
    if (typeof settings !== 'object' || Array.isArray(settings)) throw new InvalidParameterException(`${field} must be an object.`);
    const on = optionalBoolean(settings as Record<string, unknown>, 'Enabled');
    const prefer = optionalBoolean(settings as Record<string, unknown>, 'PreferredMfa');
    if (on === true) {
      const reason = unusable(pool, user, factor);
      if (reason) throw new InvalidParameterException(reason);
      enabled.add(factor);
    }
    if (on === false) {
      enabled.delete(factor);
      if (preferred === factor) preferred = undefined;
    }
    if (prefer === true) {
      if (!enabled.has(factor)) throw new InvalidParameterException(`${factor} must be enabled to be preferred.`);
      preferred = factor;
    }
    if (prefer === false && preferred === factor) preferred = undefined;
  }
  await s.users.update(pool.poolId, user.usernameKey, {
    set: { mfaEnabled: [...enabled], mfaPreferred: preferred, modifiedAt: s.clock.now() },
    remove: preferred ? [] : ['mfaPreferred'],
  });
}
