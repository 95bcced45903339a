/**
 * Checks on what the app writes into a record, so a bad value is refused with a clear
 * BAD_USER_INPUT before anything is written, whichever caller (resolver or trigger) sent it.
 */
import { badInput } from '../../errors';
import { AppFields, PREFERENCES_MAX_BYTES } from './directory.types';

export type AppPatch = Partial<Pick<AppFields, 'preferences' | 'displayName' | 'locale' | 'plan' | 'flags'>>;

const TEXT_LIMITS = { displayName: 256, locale: 35, plan: 64 } as const;
const MAX_FLAGS = 20;
const MAX_FLAG_LENGTH = 64;

function checkPreferences(text: string): void {
  if (Buffer.byteLength(text, 'utf8') > PREFERENCES_MAX_BYTES) throw badInput(`preferences must be at most ${PREFERENCES_MAX_BYTES} bytes`, 'preferences');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badInput('preferences must be a JSON object', 'preferences');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badInput('preferences must be a JSON object', 'preferences');
}

/** The patch as it will be stored: flags trimmed and de-duplicated; throws on a bad value. */
export function checkedPatch(patch: AppPatch): AppPatch {
  if (patch.preferences !== undefined && patch.preferences !== '') checkPreferences(patch.preferences);
  for (const field of Object.keys(TEXT_LIMITS) as (keyof typeof TEXT_LIMITS)[]) {
    const value = patch[field];
    if (value !== undefined && value.length > TEXT_LIMITS[field]) throw badInput(`${field} must be at most ${TEXT_LIMITS[field]} characters`, field);
  }
  if (patch.flags === undefined) return patch;
  const flags = [...new Set(patch.flags.map((flag) => flag.trim()).filter(Boolean))];
  if (flags.length > MAX_FLAGS || flags.some((flag) => flag.length > MAX_FLAG_LENGTH)) {
    throw badInput(`at most ${MAX_FLAGS} flags of at most ${MAX_FLAG_LENGTH} characters each`, 'flags');
  }
  return { ...patch, flags };
}
