/** Checks on user-supplied text shared by the layers that validate input. */

/** Control characters (U+0000–U+001F, U+007F): never in names, codes, tokens, passwords or attributes. */
export const hasControl = (value: string): boolean => [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). They
 * reorder how text displays, so a name like "\u202Egnp.exe" shows as "exe.png" in an admin's
 * table or an email greeting; no name needs them.
 */
export const hasBidiControl = (value: string): boolean => /[\u202A-\u202E\u2066-\u2069]/.test(value);

/** A calendar date as OIDC's birthdate allows it: YYYY-MM-DD, or 0000-MM-DD when the year is withheld. */
export function isBirthdate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  // Year 0000 means "not given": allow 29 February, as some year has it.
  const leap = year === 0 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
