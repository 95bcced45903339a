/**
 * The triggers for in-process use (the embedded engine): one handler per Lambda function name,
 * built on the dependencies given. Each answers Cognito's event with the event, `response`
 * filled; a refusal throws an error whose message is safe to show (refusal.ts).
 */
import type {
  CustomMessageTriggerEvent,
  PostAuthenticationTriggerEvent,
  PostConfirmationTriggerEvent,
  PreAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  UserMigrationTriggerEvent,
} from 'aws-lambda';
import { customMessage } from './customMessage';
import type { HandlerDeps, TriggerDeps } from './deps';
import { loadLegacyDirectory } from './legacy/legacyDirectory';
import { TRIGGER_FUNCTIONS } from './names';
import { postAuthentication } from './postAuthentication';
import { postConfirmation } from './postConfirmation';
import { preAuthentication } from './preAuthentication';
import { preSignUp } from './preSignUp';
import { preTokenGeneration, TokenGenerationEvent } from './preTokenGeneration';
import { userMigration } from './userMigration';
import { guarded, Trigger } from './refusal';
import { SignInRecords } from './signInRecords';

export { TRIGGER_FUNCTIONS } from './names';
export type { TriggerFunctionName, TriggerPoint } from './names';
export type { TriggerDeps } from './deps';
export { directoryOptions, loadTriggerSettings } from './settings';
export type { TriggerSettings } from './settings';
export { TriggerRefusal } from './refusal';
export type { LegacyDirectory } from './legacy/legacyDirectory';

export interface TriggerHandlers {
  'identity-pre-sign-up': Trigger<PreSignUpTriggerEvent>;
  'identity-post-confirmation': Trigger<PostConfirmationTriggerEvent>;
  'identity-pre-authentication': Trigger<PreAuthenticationTriggerEvent>;
  'identity-post-authentication': Trigger<PostAuthenticationTriggerEvent>;
  'identity-pre-token-generation': Trigger<TokenGenerationEvent>;
  'identity-custom-message': Trigger<CustomMessageTriggerEvent>;
  'identity-user-migration': Trigger<UserMigrationTriggerEvent>;
}

export function createTriggerHandlers(deps: TriggerDeps): TriggerHandlers {
  const { settings } = deps;
  const now = deps.now ?? Date.now;
  const resolved: HandlerDeps = {
    directory: deps.directory,
    settings,
    now,
    legacy: deps.legacy ?? (settings.legacyUsersFile ? loadLegacyDirectory(settings.legacyUsersFile) : undefined),
    signInRecords: new SignInRecords(now),
  };
  const wrap = <E>(name: string, handler: Trigger<E>) => guarded(name, handler, deps.onError);
  return {
    [TRIGGER_FUNCTIONS.PreSignUp]: wrap(TRIGGER_FUNCTIONS.PreSignUp, preSignUp(resolved)),
    [TRIGGER_FUNCTIONS.PostConfirmation]: wrap(TRIGGER_FUNCTIONS.PostConfirmation, postConfirmation(resolved)),
    [TRIGGER_FUNCTIONS.PreAuthentication]: wrap(TRIGGER_FUNCTIONS.PreAuthentication, preAuthentication(resolved)),
    [TRIGGER_FUNCTIONS.PostAuthentication]: wrap(TRIGGER_FUNCTIONS.PostAuthentication, postAuthentication(resolved)),
    [TRIGGER_FUNCTIONS.PreTokenGeneration]: wrap(TRIGGER_FUNCTIONS.PreTokenGeneration, preTokenGeneration(resolved)),
    [TRIGGER_FUNCTIONS.CustomMessage]: wrap(TRIGGER_FUNCTIONS.CustomMessage, customMessage(resolved)),
    [TRIGGER_FUNCTIONS.UserMigration]: wrap(TRIGGER_FUNCTIONS.UserMigration, userMigration(resolved)),
  };
}
