/**
 * The SDK middleware against a backend that throttles: one call, counted once with its outcome
 * and latency, and each throttled attempt (retries included) counted, since that is what spends
 * the quota. Also the embedded triggers' metrics, by outcome.
 */
import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoRetryStrategy } from '../../src/datasources/cognito/retries';
import { ServiceMetrics } from '../../src/observability/metrics';
import { instrumentClient } from '../../src/observability/sdkMetrics';
import { observeTriggers } from '../../src/observability/triggerMetrics';
import { TriggerRefusal } from '../../src/triggers';
import { total } from './support/prometheus';

let server: Server;
let endpoint: string;
let requests = 0;

beforeAll(async () => {
  // Always busy: Cognito's and DynamoDB's throttling answers, told apart by the target header.
  server = createServer((req, res) => {
    requests++;
    req.resume();
    const dynamo = String(req.headers['x-amz-target']).startsWith('DynamoDB');
    const type = dynamo ? 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException' : 'TooManyRequestsException';
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type });
    res.end(JSON.stringify({ __type: type, message: 'Rate exceeded' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

test('a throttled Cognito call: one call with its outcome, every throttled attempt counted', async () => {
  const metrics = new ServiceMetrics({ defaultMetrics: false });
  const sdk = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, credentials, retryStrategy: new CognitoRetryStrategy(2) });
  instrumentClient(sdk, 'cognito', { metrics });
  requests = 0;
  await expect(sdk.send(new GetUserCommand({ AccessToken: 'x' }))).rejects.toMatchObject({ name: 'TooManyRequestsException' });
  const text = await metrics.registry.metrics();
  expect(requests).toBe(2);
  expect(total(text, 'identity_backend_calls_total', { backend: 'cognito', operation: 'GetUser', outcome: 'TooManyRequestsException' })).toBe(1);
  expect(total(text, 'identity_backend_throttles_total', { backend: 'cognito', operation: 'GetUser' })).toBe(2);
  expect(total(text, 'identity_backend_call_duration_seconds_count', { backend: 'cognito', operation: 'GetUser' })).toBe(1);
  sdk.destroy();
});

test('a throttled DynamoDB call is counted the same way', async () => {
  const metrics = new ServiceMetrics({ defaultMetrics: false });
  const dynamo = new DynamoDBClient({ region: 'us-east-1', endpoint, credentials, maxAttempts: 2 });
  instrumentClient(dynamo, 'dynamodb', { metrics });
  await expect(dynamo.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } }))).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  const text = await metrics.registry.metrics();
  expect(total(text, 'identity_backend_calls_total', { backend: 'dynamodb', operation: 'GetItem', outcome: 'ProvisionedThroughputExceededException' })).toBe(1);
  expect(total(text, 'identity_backend_throttles_total', { backend: 'dynamodb', operation: 'GetItem' })).toBe(2);
  dynamo.destroy();
});

test('embedded triggers: invocations by outcome, and their durations', async () => {
  const metrics = new ServiceMetrics({ defaultMetrics: false });
  const handlers = observeTriggers(
    {
      'identity-pre-sign-up': async (event: { ok: boolean }) => event,
      'identity-pre-authentication': async () => {
        throw new TriggerRefusal('This account cannot sign in at the moment.');
      },
      'identity-post-confirmation': async () => {
        throw new Error('Something went wrong on our side; please try again.');
      },
    },
    metrics,
  );
  await handlers['identity-pre-sign-up']({ ok: true });
  await expect(handlers['identity-pre-authentication']()).rejects.toBeInstanceOf(TriggerRefusal);
  await expect(handlers['identity-post-confirmation']()).rejects.toThrow();
  const text = await metrics.registry.metrics();
  expect(total(text, 'identity_trigger_invocations_total', { function: 'identity-pre-sign-up', outcome: 'ok' })).toBe(1);
  expect(total(text, 'identity_trigger_invocations_total', { function: 'identity-pre-authentication', outcome: 'refused' })).toBe(1);
  expect(total(text, 'identity_trigger_invocations_total', { function: 'identity-post-confirmation', outcome: 'failed' })).toBe(1);
  expect(total(text, 'identity_trigger_duration_seconds_count')).toBe(3);
});
