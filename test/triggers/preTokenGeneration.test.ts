/**
 * PreTokenGeneration with V1 and V2 events: the app's claims from the event's attributes and
 * the directory, in the shape each version answers, what the response held kept, reserved claims
 * never touched, and refreshes refused for flagged accounts.
 */
import { SignInRecords } from '../../src/triggers/signInRecords';
import type { PreTokenGenerationTriggerEvent, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import type { Directory, DirectoryProfile } from '../../src/datasources/metadata/directory.types';
import { preTokenGeneration } from '../../src/triggers/preTokenGeneration';
import { ACCOUNT_HELD } from '../../src/triggers/preAuthentication';
import type { TriggerSettings } from '../../src/triggers/settings';
import { cognitoEvent, shippedSettings } from './fixtures';

/** A directory holding one record (a fake is enough: this trigger only reads). */
const directoryWith = (record: Partial<DirectoryProfile> | undefined) => ({ get: async () => record as DirectoryProfile | undefined }) as unknown as Directory;

const handler = (record: Partial<DirectoryProfile> | undefined, changes: Partial<TriggerSettings> = {}) =>
  preTokenGeneration({ directory: directoryWith(record), settings: shippedSettings(changes), now: Date.now, signInRecords: new SignInRecords(Date.now) });

const attributes = { sub: 'sub-1', email: 'ada@example.com', 'custom:tenant': 'acme' };

const v1 = (source: PreTokenGenerationTriggerEvent['triggerSource'] = 'TokenGeneration_Authentication'): PreTokenGenerationTriggerEvent =>
  cognitoEvent(source, 'sub-1', { userAttributes: attributes, groupConfiguration: { groupsToOverride: ['Admins'], iamRolesToOverride: [], preferredRole: undefined } }, { claimsOverrideDetails: { claimsToSuppress: ['email'] } });

const v2 = (): PreTokenGenerationV2TriggerEvent =>
  cognitoEvent(
    'TokenGeneration_RefreshTokens',
    'sub-1',
    { userAttributes: attributes, groupConfiguration: {}, scopes: ['openid'] },
    { claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToAdd: ['app/read'], claimsToAddOrOverride: { region: 'eu' } } } },
    '2',
  );

test('V1: tenant from the attribute and plan from the directory, in claimsOverrideDetails, keeping what was there', async () => {
  const answer = (await handler({ plan: 'pro', flags: [], indexed: {} })(v1())) as PreTokenGenerationTriggerEvent;
  expect(answer.response).toEqual({ claimsOverrideDetails: { claimsToSuppress: ['email'], claimsToAddOrOverride: { tenant: 'acme', plan: 'pro' } } });
});

test('V2: the claims go in both tokens, in claimsAndScopeOverrideDetails, keeping scopes and claims already set', async () => {
  const answer = (await handler({ plan: 'free', flags: [], indexed: {} })(v2())) as PreTokenGenerationV2TriggerEvent;
  expect(answer.response).toEqual({
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: { tenant: 'acme', plan: 'free' } },
      accessTokenGeneration: { scopesToAdd: ['app/read'], claimsToAddOrOverride: { region: 'eu', tenant: 'acme', plan: 'free' } },
    },
  });
});

test('a claim with no value is left out, and a missing record only drops the directory claims', async () => {
  const answer = (await handler(undefined)(v1())) as PreTokenGenerationTriggerEvent;
  expect(answer.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({ tenant: 'acme' });
});

test('reserved claims are never added, even if a mapping slipped past the settings check', async () => {
  const sneaky = { sub: { kind: 'attribute', name: 'email' }, 'cognito:groups': { kind: 'attribute', name: 'email' }, tenant: { kind: 'attribute', name: 'custom:tenant' } } as TriggerSettings['tokenClaims'];
  const answer = (await handler({ flags: [], indexed: {} }, { tokenClaims: sneaky })(v1())) as PreTokenGenerationTriggerEvent;
  expect(answer.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({ tenant: 'acme' });
});

test('a refresh for a flagged account is refused; its first tokens are issued (PreAuthentication guards sign-in)', async () => {
  const held = handler({ flags: ['suspended'], indexed: {} });
  await expect(held(v2())).rejects.toThrow(ACCOUNT_HELD);
  await expect(held(v1('TokenGeneration_Authentication'))).resolves.toBeDefined();
});
