/**
 * How a trigger fails, as Cognito answers: a handler that throws, one that returns garbage, one
 * that never answers (retried as Cognito retries, then a timeout), and an ARN nothing can invoke.
 * PreSignUp stands in for every trigger: they share the invoker.
 */
import { AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Handler } from 'aws-lambda';
import { App, createApp, PASSWORD, uniqueEmail, userCount } from '../../../support/cognito';
import { appWithTriggers, arn, TriggerEvent, useTriggerEngine } from './support';

const TIMEOUT_MS = 150;
const { ctx, recorder } = useTriggerEngine(TIMEOUT_MS);
let app: App;
beforeAll(async () => {
  app = await appWithTriggers(ctx, ['PreSignUp']);
});

const signUp = (email = uniqueEmail(), target: App = app) =>
  ctx.t.admin.send(new SignUpCommand({ ClientId: target.clientId, Username: email, Password: PASSWORD }));

async function expectNoUser(email: string): Promise<void> {
  await expect(ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: email }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
}

test("a handler that throws refuses the request with its message, and nothing is created", async () => {
  recorder.on('preSignUp', () => {
    throw new Error('Email domain not allowed');
  });
  const before = await userCount(app);
  const email = uniqueEmail();
  await expect(signUp(email)).rejects.toMatchObject({
    name: 'UserLambdaValidationException',
    message: 'PreSignUp failed with error Email domain not allowed.',
    $metadata: { httpStatusCode: 400 },
  });
  await expectNoUser(email);
  expect(await userCount(app)).toBe(before);
  // A thrown error is an answer, not a failure to run: it is not retried.
  expect(recorder.calls.get('preSignUp')).toBe(1);
});

test('callback-style and context-style handlers answer as the Lambda runtime lets them', async () => {
  const handlers: Handler[] = [
    (event, _context, callback) => callback(null, event),
    (event, context) => context.succeed(event),
    (event, context) => context.done(undefined, event),
  ];
  for (const handler of handlers) {
    recorder.handleWith('preSignUp', handler);
    await expect(signUp()).resolves.toMatchObject({ UserConfirmed: false });
  }
  recorder.handleWith('preSignUp', (_event, _context, callback) => callback('Bad password'));
  await expect(signUp()).rejects.toMatchObject({ name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Bad password.' });
  recorder.handleWith('preSignUp', (_event, context) => context.fail(new Error('Not today')));
  await expect(signUp()).rejects.toMatchObject({ name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Not today.' });
});

test.each([
  ['a string', () => 'not an event', 'Unrecognizable lambda output'],
  ['nothing', () => undefined, 'Unrecognizable lambda output'],
  ['a response that is not an object', (event: TriggerEvent) => ({ ...event, response: 'yes' }), 'Unrecognizable lambda output'],
  ['a response field of the wrong type', (event: TriggerEvent) => ({ ...event, response: { autoConfirmUser: 'yes' } }), 'Unrecognizable lambda output'],
  ['something JSON cannot carry', () => ({ response: {}, big: BigInt(1) }), 'Invalid lambda function output : Invalid JSON'],
])('a handler returning %s gets InvalidLambdaResponseException, and nothing is created', async (_label, behaviour, message) => {
  recorder.on('preSignUp', behaviour);
  const email = uniqueEmail();
  await expect(signUp(email)).rejects.toMatchObject({ name: 'InvalidLambdaResponseException', message });
  await expectNoUser(email);
});

test('a handler that never answers is retried, as Cognito retries, then times out with UnexpectedLambdaException', async () => {
  recorder.on('preSignUp', () => new Promise(() => undefined));
  const email = uniqueEmail();
  const started = Date.now();
  await expect(signUp(email)).rejects.toMatchObject({
    name: 'UnexpectedLambdaException',
    message: 'PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.',
  });
  expect(recorder.calls.get('preSignUp')).toBe(3);
  expect(Date.now() - started).toBeGreaterThanOrEqual(3 * TIMEOUT_MS - 20);
  await expectNoUser(email);
});

test('a handler that times out once and then answers: the retry goes through (so handlers must be idempotent)', async () => {
  let calls = 0;
  recorder.on('preSignUp', (event) => (++calls === 1 ? new Promise(() => undefined) : event));
  await expect(signUp()).resolves.toMatchObject({ UserConfirmed: false });
  expect(recorder.received('PreSignUp_SignUp')).toHaveLength(2);
});

test('an ARN with no handler in-process and no Lambda endpoint fails as an uninvokable Lambda', async () => {
  const orphan = await createApp(ctx.t, { LambdaConfig: { PreSignUp: arn('nowhere') } });
  await expect(signUp(uniqueEmail(), orphan)).rejects.toMatchObject({
    name: 'UnexpectedLambdaException',
    message: 'PreSignUp invocation failed due to error ResourceNotFoundException.',
  });
  expect(recorder.events).toHaveLength(0);
});
