/**
 * PreTokenGeneration: before the ID and access tokens of a sign-in (TokenGeneration_Authentication),
 * a refresh (_RefreshTokens), a completed NEW_PASSWORD_REQUIRED (_NewPasswordChallenge) or a sign-in
 * completed by a remembered device's proof (_AuthenticateDevice) are signed. The pool's PreTokenGenerationConfig.LambdaVersion picks the event:
 *
 * - V1_0: `claimsOverrideDetails { claimsToAddOrOverride, claimsToSuppress, groupOverrideDetails }`;
 *   claims (strings) go to the ID token, the group override to both tokens.
 * - V2_0 / V3_0: `claimsAndScopeOverrideDetails { idTokenGeneration, accessTokenGeneration,
 *   groupOverrideDetails }`, each token with its own claims (any JSON value), and the access
 *   token's scopes with scopesToAdd / scopesToSuppress.
 *
 * A groupOverrideDetails that is given replaces the groups (null or {} leaves none), as Cognito's
 * guide describes; absent, the groups stay. Reserved claims are never changed (claimOverrides.ts).
 */
import type { EngineServices } from '../../services';
import type { Caller } from '../caller';
import type { PoolRecord, UserRecord } from '../model';
import type { Claims } from '../tokens';
import { applyClaimChanges, applyScopes, ClaimChanges, GroupOverride, TokenKind } from './claimOverrides';
import { fireTrigger, hasTrigger, userAttributesOf } from './event';
import type { TriggerResponse } from './invoker';
import { preTokenGenerationVersion } from './lambdaConfig';
import { objectField, stringField, stringListField, stringMapField } from './responseShape';

export type TokenGenerationSource =
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_RefreshTokens'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_AuthenticateDevice';

export interface DraftTokens {
  id: Claims;
  access: Claims;
}

const NO_CHANGES: ClaimChanges = { addOrOverride: {}, suppress: [] };

function claimChanges(details: TriggerResponse | undefined, stringsOnly: boolean): ClaimChanges {
  if (!details) return NO_CHANGES;
  const addOrOverride = stringsOnly ? stringMapField(details, 'claimsToAddOrOverride') : objectField(details, 'claimsToAddOrOverride');
  return { addOrOverride: addOrOverride ?? {}, suppress: stringListField(details, 'claimsToSuppress') ?? [] };
}

/** The group override, when the response gives one (null counts: it empties the groups). */
function groupOverride(details: TriggerResponse | undefined): GroupOverride | undefined {
  if (!details || !('groupOverrideDetails' in details)) return undefined;
  const given = objectField(details, 'groupOverrideDetails') ?? {};
  return {
    groups: stringListField(given, 'groupsToOverride') ?? [],
    roles: stringListField(given, 'iamRolesToOverride') ?? [],
    preferredRole: stringField(given, 'preferredRole'),
  };
}

function customize(kind: TokenKind, claims: Claims, details: TriggerResponse | undefined, stringsOnly: boolean, groups?: GroupOverride): Claims {
  return applyClaimChanges(kind, claims, claimChanges(details, stringsOnly), groups);
}

/** The token claims after the pool's PreTokenGeneration trigger, if it has one. */
export async function preTokenGeneration(
  s: EngineServices,
  pool: PoolRecord,
  caller: Caller,
  source: TokenGenerationSource,
  user: UserRecord,
  groups: GroupOverride,
  draft: DraftTokens,
): Promise<DraftTokens> {
  if (!hasTrigger(pool, 'PreTokenGeneration')) return draft;
  const version = preTokenGenerationVersion(pool.settings.LambdaConfig);
  const v1 = version === 'V1_0';
  const response = await fireTrigger(s.triggers, pool, caller, {
    trigger: 'PreTokenGeneration',
    triggerSource: source,
    userName: user.username,
    version: version.charAt(1),
    request: {
      userAttributes: userAttributesOf(user),
      groupConfiguration: { groupsToOverride: groups.groups, iamRolesToOverride: groups.roles, preferredRole: groups.preferredRole ?? null },
      ...(v1 ? {} : { scopes: typeof draft.access.scope === 'string' ? draft.access.scope.split(' ') : [] }),
      clientMetadata: caller.clientMetadata,
    },
    response: v1 ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null },
  });
  if (!response) return draft;
  if (v1) {
    const details = objectField(response, 'claimsOverrideDetails');
    const override = groupOverride(details);
    return { id: customize('id', draft.id, details, true, override), access: customize('access', draft.access, undefined, true, override) };
  }
  const details = objectField(response, 'claimsAndScopeOverrideDetails');
  const override = groupOverride(details);
  const accessDetails = details && objectField(details, 'accessTokenGeneration');
  const access = customize('access', draft.access, accessDetails, false, override);
  const scoped = accessDetails
    ? applyScopes(access, stringListField(accessDetails, 'scopesToAdd') ?? [], stringListField(accessDetails, 'scopesToSuppress') ?? [])
    : access;
  return { id: customize('id', draft.id, details && objectField(details, 'idTokenGeneration'), false, override), access: scoped };
}
