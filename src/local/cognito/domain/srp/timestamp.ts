/**
 * The TIMESTAMP of a PASSWORD_VERIFIER answer, in the form the Cognito clients write it and Cognito
 * reads it: `Tue Dec 3 12:00:00 UTC 2026` (English names, day of month not zero-padded, UTC).
 * It is signed with the proof; the engine refuses one that is malformed, or further than
 * TIMESTAMP_WINDOW_MS from its clock, before anything is counted or compared (a client with a
 * wrong clock is told so, and is not locked out for it).
 */
import { InvalidParameterException, messages } from '../../errors';

export const TIMESTAMP_WINDOW_MS = 5 * 60_000;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FORMAT = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d) UTC (\d{4})$/;

/** The instant a TIMESTAMP names, or undefined when it is not in Cognito's form (or names no real date). */
export function parseTimestamp(text: string): number | undefined {
  const m = FORMAT.exec(text);
  if (!m) return undefined;
  const [, day, month, date, hours, minutes, secs, year] = m;
  const at = Date.UTC(Number(year), MONTHS.indexOf(month), Number(date), Number(hours), Number(minutes), Number(secs));
  const parsed = new Date(at);
  if (parsed.getUTCDate() !== Number(date) || DAYS[parsed.getUTCDay()] !== day) return undefined;
  return at;
}

/** Formats an instant as Cognito's clients do (for tests and tools). */
export function formatTimestamp(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Throws InvalidParameterException unless `text` is a well-formed TIMESTAMP within the window of `now`. */
export function assertFreshTimestamp(text: string | undefined, now: number): void {
  const at = text === undefined ? undefined : parseTimestamp(text);
  if (at === undefined) throw new InvalidParameterException(messages.timestampFormat);
  if (Math.abs(at - now) > TIMESTAMP_WINDOW_MS) throw new InvalidParameterException('TIMESTAMP is too far from the current time.');
}
