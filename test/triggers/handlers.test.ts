/**
 * The triggers as the engine and Lambda get them: createTriggerHandlers' map of function names,
 * a deployed handler building its directory from the environment, and failures: a refusal's
 * message reaches the caller, anything else is reported and shown as a generic line.
 */
import type { PostConfirmationTriggerEvent, PreAuthenticationTriggerEvent } from 'aws-lambda';
import type { Directory } from '../../src/datasources/metadata/directory.types';
import { createTriggerHandlers, TRIGGER_FUNCTIONS } from '../../src/triggers';
import { handler as deployedPostConfirmation } from '../../src/triggers/postConfirmation';
import { ACCOUNT_HELD } from '../../src/triggers/preAuthentication';
import { INTERNAL_FAILURE } from '../../src/triggers/refusal';
import { cognitoEvent, freshSub, shippedSettings, startTriggerWorld, TriggerWorld } from './fixtures';

let world: TriggerWorld;
beforeAll(async () => {
  world = await startTriggerWorld();
});
afterAll(() => world.stop());

const preAuth = (sub: string): PreAuthenticationTriggerEvent => cognitoEvent('PreAuthentication_Authentication', sub, { userAttributes: { sub }, validationData: {} }, {});

test('one handler per Lambda function name', () => {
  const handlers = createTriggerHandlers({ directory: world.directory, settings: shippedSettings() });
  expect(Object.keys(handlers).sort()).toEqual(Object.values(TRIGGER_FUNCTIONS).sort());
  expect(Object.values(TRIGGER_FUNCTIONS)).toEqual([
    'identity-pre-sign-up',
    'identity-post-confirmation',
    'identity-pre-authentication',
    'identity-post-authentication',
    'identity-pre-token-generation',
    'identity-custom-message',
    'identity-user-migration',
  ]);
});

test('a refusal reaches the caller; an internal failure is reported and shown as a generic line', async () => {
  const reported: [string, string][] = [];
  const unavailable = async () => Promise.reject(new Error('ResourceNotFoundException: Requested resource not found: Table: identity-metadata'));
  const broken = { get: unavailable, notePendingSignIn: unavailable } as unknown as Directory;
  const failing = createTriggerHandlers({ directory: broken, settings: shippedSettings(), onError: (trigger, error) => reported.push([trigger, (error as Error).message]) });
  await expect(failing[TRIGGER_FUNCTIONS.PreAuthentication](preAuth('s'))).rejects.toThrow(new Error(INTERNAL_FAILURE));
  expect(reported).toEqual([['identity-pre-authentication', 'ResourceNotFoundException: Requested resource not found: Table: identity-metadata']]);

  const held = freshSub();
  await world.directory.updateApp(held, { flags: ['suspended'] });
  const working = createTriggerHandlers({ directory: world.directory, settings: shippedSettings() });
  await expect(working[TRIGGER_FUNCTIONS.PreAuthentication](preAuth(held))).rejects.toThrow(ACCOUNT_HELD);
});

test('a deployed handler builds its directory from the environment (METADATA_TABLE, AWS_REGION, DYNAMODB_ENDPOINT)', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { METADATA_TABLE: 'identity-metadata', AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: world.dynamo.endpoint, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  try {
    const sub = freshSub();
    const event: PostConfirmationTriggerEvent = cognitoEvent('PostConfirmation_ConfirmSignUp', sub, { userAttributes: { sub, email: 'lambda@example.com', 'cognito:user_status': 'CONFIRMED' } }, {});
    await deployedPostConfirmation(event);
    expect(await world.directory.get(sub)).toMatchObject({ email: 'lambda@example.com', signUpSource: 'SIGN_UP' });
  } finally {
    process.env = saved;
  }
});
