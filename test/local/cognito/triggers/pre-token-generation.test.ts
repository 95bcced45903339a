/** PreTokenGeneration V1 and V2: its events, claims and groups in the tokens, scopes, and reserved claims left alone. */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CreateGroupCommand,
  GetUserCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, confirmedUser, createApp, decodeJwt, NEW_PASSWORD, PASSWORD, passwordSignIn, refresh, signIn, TestUser, uniqueEmail } from '../../../support/cognito';
import { arn, envelope, TriggerEvent, useTriggerEngine } from './support';

const { ctx, recorder } = useTriggerEngine();
const ROLE = 'arn:aws:iam::123456789012:role/editors';
let v1: App;
let v2: App;
beforeAll(async () => {
  v1 = await createApp(ctx.t, { LambdaConfig: { PreTokenGeneration: arn('preTokenGeneration') } });
  v2 = await createApp(ctx.t, { LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: arn('preTokenGeneration'), LambdaVersion: 'V2_0' } } });
});

/** A confirmed user in group "editors" (with a role), with custom:plan set. */
async function editor(app: App): Promise<TestUser> {
  await ctx.t.admin.send(new CreateGroupCommand({ UserPoolId: app.poolId, GroupName: 'editors', RoleArn: ROLE, Precedence: 1 })).catch(() => undefined);
  const user = await confirmedUser(app, { attributes: [{ Name: 'custom:plan', Value: 'pro' }] });
  await ctx.t.admin.send(new AdminAddUserToGroupCommand({ UserPoolId: app.poolId, Username: user.email, GroupName: 'editors' }));
  return user;
}

const respondWith = (response: Record<string, unknown>) => recorder.on('preTokenGeneration', (event: TriggerEvent) => ({ ...event, response }));
async function tokens(app: App, user: TestUser) {
  const result = await signIn(app, user.email, PASSWORD);
  return { id: decodeJwt(result.IdToken).payload, access: decodeJwt(result.AccessToken).payload, result };
}
const refused = { name: 'InvalidLambdaResponseException' };

describe('V1_0', () => {
  test('the event carries the user and their groups; TokenGeneration_Authentication', async () => {
    const user = await editor(v1);
    recorder.reset();
    await signIn(v1, user.email, PASSWORD);
    expect(recorder.received()).toEqual([
      {
        ...envelope(v1, 'TokenGeneration_Authentication', user.sub),
        request: {
          userAttributes: { sub: user.sub, email: user.email, email_verified: 'true', 'custom:plan': 'pro', 'cognito:user_status': 'CONFIRMED' },
          groupConfiguration: { groupsToOverride: ['editors'], iamRolesToOverride: [ROLE], preferredRole: ROLE },
          clientMetadata: {},
        },
        response: { claimsOverrideDetails: null },
      },
    ]);
  });

  test('claims go into the ID token (suppression wins over an override); the group override into both tokens', async () => {
    const user = await editor(v1);
    respondWith({
      claimsOverrideDetails: {
        claimsToAddOrOverride: { tier: 'gold', email: 'shown@example.com', nickname: 'both' },
        claimsToSuppress: ['custom:plan', 'nickname'],
        groupOverrideDetails: { groupsToOverride: ['readers'], iamRolesToOverride: ['arn:aws:iam::123456789012:role/readers'], preferredRole: 'arn:aws:iam::123456789012:role/readers' },
      },
    });
    const { id, access } = await tokens(v1, user);
    expect(id).toMatchObject({ tier: 'gold', email: 'shown@example.com', sub: user.sub, 'cognito:groups': ['readers'], 'cognito:preferred_role': 'arn:aws:iam::123456789012:role/readers' });
    expect(id['custom:plan']).toBeUndefined();
    expect(id.nickname).toBeUndefined();
    expect(access).toMatchObject({ 'cognito:groups': ['readers'], scope: 'aws.cognito.signin.user.admin' });
    expect(access.tier).toBeUndefined();
    expect(access['cognito:roles']).toBeUndefined();
  });

  test('a null groupOverrideDetails leaves the user in no groups; none at all leaves the groups as they are', async () => {
    const user = await editor(v1);
    respondWith({ claimsOverrideDetails: { groupOverrideDetails: null } });
    let { id, access } = await tokens(v1, user);
    expect(id['cognito:groups']).toBeUndefined();
    expect(id['cognito:roles']).toBeUndefined();
    expect(access['cognito:groups']).toBeUndefined();
    respondWith({ claimsOverrideDetails: { claimsToAddOrOverride: { tier: 'silver' } } });
    ({ id, access } = await tokens(v1, user));
    expect(id['cognito:groups']).toEqual(['editors']);
    expect(access['cognito:groups']).toEqual(['editors']);
  });

  test.each([
    ['overriding sub', { claimsToAddOrOverride: { sub: 'someone-else' } }],
    ['overriding aud', { claimsToAddOrOverride: { aud: 'another-client' } }],
    ['overriding exp', { claimsToAddOrOverride: { exp: '9999999999' } }],
    ['overriding cognito:username', { claimsToAddOrOverride: { 'cognito:username': 'admin' } }],
    ['setting cognito:groups as a claim', { claimsToAddOrOverride: { 'cognito:groups': 'Admins' } }],
    ['suppressing iss', { claimsToSuppress: ['iss'] }],
    ['suppressing token_use', { claimsToSuppress: ['token_use'] }],
    ['a claim that is not a string', { claimsToAddOrOverride: { level: 3 } }],
  ])('%s is refused with InvalidLambdaResponseException, and no tokens are issued', async (_label, details) => {
    const user = await confirmedUser(v1);
    respondWith({ claimsOverrideDetails: details });
    await expect(passwordSignIn(v1, user.email, PASSWORD)).rejects.toMatchObject(refused);
  });

  test("restating a reserved claim's own value (copying userAttributes, sub and all) changes nothing and is accepted", async () => {
    const user = await confirmedUser(v1);
    recorder.on('preTokenGeneration', (event) => ({
      ...event,
      response: { claimsOverrideDetails: { claimsToAddOrOverride: { sub: event.request.userAttributes.sub, plan: 'copied' } } },
    }));
    const { id } = await tokens(v1, user);
    expect(id).toMatchObject({ sub: user.sub, plan: 'copied', token_use: 'id', aud: v1.clientId });
  });

  test('a refresh is TokenGeneration_RefreshTokens; a completed NEW_PASSWORD_REQUIRED is TokenGeneration_NewPasswordChallenge', async () => {
    const user = await confirmedUser(v1);
    respondWith({ claimsOverrideDetails: { claimsToAddOrOverride: { tier: 'gold' } } });
    const { result } = await tokens(v1, user);
    recorder.reset();
    respondWith({ claimsOverrideDetails: { claimsToAddOrOverride: { tier: 'refreshed' } } });
    const refreshed = await refresh(v1, result.RefreshToken);
    expect(decodeJwt(refreshed.AuthenticationResult!.IdToken!).payload.tier).toBe('refreshed');
    expect(recorder.sources()).toEqual(['TokenGeneration_RefreshTokens']);

    const invited = uniqueEmail();
    await ctx.t.admin.send(new AdminCreateUserCommand({ UserPoolId: v1.poolId, Username: invited, TemporaryPassword: PASSWORD }));
    const challenge = await passwordSignIn(v1, invited, PASSWORD);
    recorder.reset();
    await ctx.t.admin.send(
      new RespondToAuthChallengeCommand({
        ClientId: v1.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: invited, NEW_PASSWORD },
        ClientMetadata: { flow: 'invite' },
      }),
    );
    expect(recorder.received()).toEqual([
      expect.objectContaining({ triggerSource: 'TokenGeneration_NewPasswordChallenge', request: expect.objectContaining({ clientMetadata: { flow: 'invite' } }) }),
    ]);
  });
});

describe('V2_0', () => {
  test('the event is version 2 with the scopes; each token gets its own claims, of any JSON type, and the access token its scopes', async () => {
    const user = await editor(v2);
    recorder.reset();
    respondWith({
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: { profile: { id: 42, tags: ['a', 'b'] }, verifiedAt: 1700000000 }, claimsToSuppress: ['custom:plan'] },
        accessTokenGeneration: { claimsToAddOrOverride: { tenant: 'acme', beta: true }, scopesToAdd: ['photos/read', 'photos/write'], scopesToSuppress: ['photos/write'] },
      },
    });
    const { id, access } = await tokens(v2, user);
    expect(recorder.received()).toEqual([
      expect.objectContaining({
        version: '2',
        triggerSource: 'TokenGeneration_Authentication',
        request: expect.objectContaining({ scopes: ['aws.cognito.signin.user.admin'], groupConfiguration: { groupsToOverride: ['editors'], iamRolesToOverride: [ROLE], preferredRole: ROLE } }),
        response: expect.anything(),
      }),
    ]);
    expect(id).toMatchObject({ profile: { id: 42, tags: ['a', 'b'] }, verifiedAt: 1700000000, 'cognito:groups': ['editors'] });
    expect(id['custom:plan']).toBeUndefined();
    expect(id.tenant).toBeUndefined();
    expect(access).toMatchObject({ tenant: 'acme', beta: true, scope: 'aws.cognito.signin.user.admin photos/read', username: user.sub, client_id: v2.clientId });
    expect(access.profile).toBeUndefined();
  });

  test('the group override applies to both tokens', async () => {
    const user = await editor(v2);
    respondWith({ claimsAndScopeOverrideDetails: { groupOverrideDetails: { groupsToOverride: ['auditors'] } } });
    const { id, access } = await tokens(v2, user);
    expect(id['cognito:groups']).toEqual(['auditors']);
    expect(id['cognito:roles']).toBeUndefined();
    expect(access['cognito:groups']).toEqual(['auditors']);
  });

  test.each([
    ['overriding client_id', { accessTokenGeneration: { claimsToAddOrOverride: { client_id: 'other' } } }],
    ['overriding username', { accessTokenGeneration: { claimsToAddOrOverride: { username: 'admin' } } }],
    ['setting scope as a claim', { accessTokenGeneration: { claimsToAddOrOverride: { scope: 'admin' } } }],
    ['suppressing jti', { accessTokenGeneration: { claimsToSuppress: ['jti'] } }],
    ['overriding origin_jti', { idTokenGeneration: { claimsToAddOrOverride: { origin_jti: 'x' } } }],
    ['a complex email_verified', { idTokenGeneration: { claimsToAddOrOverride: { email_verified: { really: true } } } }],
    ['a scope with a space', { accessTokenGeneration: { scopesToAdd: ['two words'] } }],
  ])('%s is refused with InvalidLambdaResponseException', async (_label, details) => {
    const user = await confirmedUser(v2);
    respondWith({ claimsAndScopeOverrideDetails: details });
    await expect(passwordSignIn(v2, user.email, PASSWORD)).rejects.toMatchObject(refused);
  });

  test("suppressing aws.cognito.signin.user.admin makes an access token Cognito's own API refuses", async () => {
    const user = await confirmedUser(v2);
    respondWith({ claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToAdd: ['orders/read'], scopesToSuppress: ['aws.cognito.signin.user.admin'] } } });
    const { access, result } = await tokens(v2, user);
    expect(access.scope).toBe('orders/read');
    await expect(ctx.t.admin.send(new GetUserCommand({ AccessToken: result.AccessToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token does not have required scopes',
    });
  });
});
