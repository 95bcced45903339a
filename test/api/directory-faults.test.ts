/**
 * "No user is ever lost", with the failures injected (never slept for): the directory down while
 * a user confirms, a trigger that refuses, a trigger that never answers. Cognito's record stays
 * the truth, the API keeps answering from it, and reconcile repairs the directory afterwards.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { reconcile } from '../../src/reconcile/reconcile';
import { loadTriggerSettings } from '../../src/triggers';
import * as ops from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { FaultSwitch } from '../support/faults';
import { confirmedUser, PASSWORD, signInTokens, signUpUser, uniqueEmail } from '../support/users';

describe('the directory unavailable', () => {
  const outage = new FaultSwitch();
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ directoryOutage: outage, triggerTimeoutMs: 500 });
  });
  afterAll(() => t.stop());
  afterEach(() => {
    outage.failing = false;
    outage.hanging = false;
  });

  test('during PostConfirmation: the user is confirmed, reconcile makes the missing record, and me answers from Cognito while the directory is down', async () => {
    const email = uniqueEmail('outage');
    const sub = await signUpUser(t, email);
    outage.failing = true;
    const confirmed = await t.gql(ops.ConfirmSignUpDocument, { input: { username: email, code: t.codeFor(email) } }, { apiKey: API_KEY });
    // The trigger failed and the API's write-through too, yet the account is confirmed.
    expect(confirmed.data?.confirmSignUp?.isSignUpComplete).toBe(true);
    expect(outage.refused).toBeGreaterThan(0);
    // Signing in needs the directory (PreAuthentication reads it): refused cleanly, nothing issued.
    expect((await t.gql(ops.SignInDocument, { input: { username: email, password: PASSWORD } }, { apiKey: API_KEY })).errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    outage.failing = false;
    expect(await t.directory.get(sub)).toBeUndefined();

    const sdk = new CognitoIdentityProviderClient({ endpoint: t.world.engine.endpoint, region: 'us-east-1', credentials: t.world.engine.credentials });
    const run = () => reconcile({ cognito: sdk, userPoolId: t.world.pool.userPoolId, directory: t.directory, indexedAttributes: loadTriggerSettings().indexedAttributes });
    try {
      const counts = await run();
      expect(counts).toMatchObject({ interrupted: false, removed: 0 });
      expect(counts.created).toBeGreaterThanOrEqual(1);
      const repaired = await t.directory.get(sub);
      expect(repaired).toMatchObject({ sub, email, status: 'CONFIRMED', signUpSource: 'RECONCILE' });
      expect(repaired!.estimated).not.toBe(true);
      expect(await run()).toMatchObject({ created: 0, fixed: 0, removed: 0 });
    } finally {
      sdk.destroy();
    }

    const { accessToken } = await signInTokens(t, email);
    outage.failing = true;
    const me = await t.gql(ops.MeDocument, {}, { token: accessToken });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toMatchObject({ sub, email, status: 'CONFIRMED' });
    const withMetadata = await t.gql(ops.MyMetadataDocument, {}, { token: accessToken });
    expect(withMetadata.data?.me).toMatchObject({ sub, metadata: null });
    expect(withMetadata.errors?.[0]).toMatchObject({ path: ['me', 'metadata'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  test('a trigger that never answers: the sign-in fails cleanly after the timeout, and nothing it issued works', async () => {
    const email = uniqueEmail('hang');
    await confirmedUser(t, email);
    outage.hanging = true;
    const started = Date.now();
    const refused = await t.gql(ops.SignInDocument, { input: { username: email, password: PASSWORD } }, { apiKey: API_KEY });
    expect(refused.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.data?.signIn).toBeNull();
    // 3 attempts of the trigger timeout (500 ms here), not Cognito's 5 s each.
    expect(Date.now() - started).toBeLessThan(5000);
    outage.hanging = false;
    expect((await t.gql(ops.SignInDocument, { input: { username: email, password: PASSWORD } }, { apiKey: API_KEY })).data?.signIn?.isSignedIn).toBe(true);
  });
});

describe('a trigger that refuses', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ triggers: loadTriggerSettings({ ALLOWED_EMAIL_DOMAINS: 'example.com' }) });
  });
  afterAll(() => t.stop());

  test("PreSignUp's refusal reaches the client as REFUSED_BY_TRIGGER with its own message, and nobody is created", async () => {
    const email = `outsider-${Date.now()}@elsewhere.test`;
    const refused = await t.gql(ops.SignUpDocument, { input: { username: email, password: PASSWORD } }, { apiKey: API_KEY });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'REFUSED_BY_TRIGGER', errorType: 'UserLambdaValidationException' } });
    expect(refused.errors![0].message).not.toMatch(/failed with error/);
    expect(t.world.engine.outbox.list({ to: email })).toEqual([]);
    expect((await t.gql(ops.SignUpDocument, { input: { username: uniqueEmail('insider'), password: PASSWORD } }, { apiKey: API_KEY })).errors).toBeUndefined();
  });
});
