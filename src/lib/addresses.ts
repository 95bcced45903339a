/**
 * Email addresses and phone numbers as Cognito recognises and masks them. Shared by the engine
 * (which sends codes) and the API (which must answer for unknown accounts the same way).
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9][0-9]{4,14}$/;

export const isEmail = (value: string): boolean => EMAIL.test(value);
export const isPhone = (value: string): boolean => PHONE.test(value);

/** How a code's destination is shown: a***@e***, or +*******4567. */
export function maskDestination(attribute: string, value: string): string {
  if (attribute === 'phone_number') return `+${'*'.repeat(Math.max(0, value.length - 5))}${value.slice(-4)}`;
  const [local = '', domain = ''] = value.split('@');
  return `${local.charAt(0)}***@${domain.charAt(0)}***`;
}
