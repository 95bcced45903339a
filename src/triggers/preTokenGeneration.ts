/**
 * PreTokenGeneration: the app's claims (TOKEN_CLAIMS, e.g. `tenant` from custom:tenant and `plan`
 * from the directory) added to the tokens, in the response shape the event's version asks for:
 * version 1 answers claimsOverrideDetails (ID token only), version 2 and later
 * claimsAndScopeOverrideDetails (ID and access tokens). What the event's response already holds
 * is kept; reserved claims are never touched (claims.ts).
 *
 * A refresh for an account flagged in the directory is refused as its sign-in would be, so a
 * suspension also ends the sessions it finds at their next refresh.
 */
import type { PreTokenGenerationTriggerEvent, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { appClaims } from './claims';
import type { HandlerDeps } from './deps';
import { ACCOUNT_HELD, isHeld } from './preAuthentication';
import { TriggerRefusal, Trigger } from './refusal';
import { fromEnvironment } from './lambda';
import { TRIGGER_FUNCTIONS } from './names';

export type TokenGenerationEvent = PreTokenGenerationTriggerEvent | PreTokenGenerationV2TriggerEvent;

const isV2 = (event: TokenGenerationEvent): event is PreTokenGenerationV2TriggerEvent => Number(event.version) >= 2;

export function preTokenGeneration({ directory, settings, signInRecords }: HandlerDeps): Trigger<TokenGenerationEvent> {
  return async (event) => {
    const attributes = event.request.userAttributes ?? {};
    const sub = attributes.sub;
    // A sign-in's tokens may use the record its PreAuthentication just read; a refresh reads afresh.
    const justRead = sub && event.triggerSource === 'TokenGeneration_Authentication' ? signInRecords.recent(sub) : undefined;
    const record = justRead ?? (sub ? await directory.get(sub) : undefined);
    if (event.triggerSource === 'TokenGeneration_RefreshTokens' && isHeld(record, settings.blockingFlags)) throw new TriggerRefusal(ACCOUNT_HELD);
    const claims = appClaims(settings.tokenClaims, attributes, record);
    if (isV2(event)) {
      const details = event.response?.claimsAndScopeOverrideDetails ?? {};
      event.response = {
        claimsAndScopeOverrideDetails: {
          ...details,
          idTokenGeneration: { ...details.idTokenGeneration, claimsToAddOrOverride: { ...details.idTokenGeneration?.claimsToAddOrOverride, ...claims } },
          accessTokenGeneration: { ...details.accessTokenGeneration, claimsToAddOrOverride: { ...details.accessTokenGeneration?.claimsToAddOrOverride, ...claims } },
        },
      };
    } else {
      const details = event.response?.claimsOverrideDetails ?? {};
      event.response = { claimsOverrideDetails: { ...details, claimsToAddOrOverride: { ...details.claimsToAddOrOverride, ...claims } } };
    }
    return event;
  };
}

/** The deployed Lambda function (PreTokenGeneration). */
export const handler = fromEnvironment(TRIGGER_FUNCTIONS.PreTokenGeneration, preTokenGeneration);
