/**
 * Answers that would tell a known account from an unknown one. Amazon Cognito prevents most
 * such answers, but not all (an account already confirmed, one with nowhere to send a code, a
 * disabled one), so the public flows recognise these here and answer as for an unknown account.
 */
import { isEmail, isPhone, maskDestination } from '../../lib/addresses';
import { CodeDeliveryDetails, DeliveryMedium } from '../../schema/types/common.types';
import { isCognitoException } from './errors';

const message = (error: unknown): string => String((error as Error | undefined)?.message ?? '');

const disabled = (e: unknown) => isCognitoException(e, 'NotAuthorizedException') && /user is disabled/i.test(message(e));

/** Confirming or resending a code for an account that needs neither (or cannot sign in). */
export const confirmedOrDisabled = (e: unknown): boolean =>
  disabled(e) ||
  (isCognitoException(e, 'NotAuthorizedException') && /current status is confirmed/i.test(message(e))) ||
  (isCognitoException(e, 'InvalidParameterException') && /already confirmed/i.test(message(e)));

/** Resetting the password of an account that has no verified address, or cannot sign in. */
export const cannotReset = (e: unknown): boolean =>
  disabled(e) || (isCognitoException(e, 'InvalidParameterException') && /no registered\/verified/i.test(message(e)));

/**
 * The delivery an unknown identifier gets: the identifier itself, masked the way Cognito masks
 * real destinations. Identifiers of other kinds (a sub) cannot be simulated exactly, but only
 * their owner or an admin knows them, so they reveal nothing new.
 */
export function simulatedDelivery(identifier: string): CodeDeliveryDetails {
  if (isPhone(identifier)) return { destination: maskDestination('phone_number', identifier), deliveryMedium: DeliveryMedium.SMS, attributeName: 'phone_number' };
  const address = isEmail(identifier) ? identifier : `${identifier}@`;
  return { destination: maskDestination('email', address), deliveryMedium: DeliveryMedium.EMAIL, attributeName: 'email' };
}
