/**
 * What the trigger handlers use, given to them rather than reached for: the directory, the
 * settings, a clock, and (for UserMigration) the legacy directory. In-process the engine passes
 * its own; a deployed Lambda builds them from its environment (lambda.ts).
 */
import type { Directory } from '../datasources/metadata/directory.types';
import type { LegacyDirectory } from './legacy/legacyDirectory';
import type { ErrorReporter } from './refusal';
import type { TriggerSettings } from './settings';
import type { SignInRecords } from './signInRecords';

export interface TriggerDeps {
  directory: Directory;
  settings: TriggerSettings;
  now?: () => number;
  /** The legacy users; read from settings.legacyUsersFile when not given. */
  legacy?: LegacyDirectory;
  /** Where failures other than refusals are reported (stderr, as JSON, by default). */
  onError?: ErrorReporter;
}

export interface HandlerDeps {
  directory: Directory;
  settings: TriggerSettings;
  now: () => number;
  legacy?: LegacyDirectory;
  /** The record a sign-in's first trigger read, for the ones after it (signInRecords.ts). */
  signInRecords: SignInRecords;
}
