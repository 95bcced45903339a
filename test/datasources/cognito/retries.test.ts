/**
 * The API's Cognito client retries genuine throttling and transient failures, but not Cognito's
 * refusals that the SDK files under throttling (LimitExceededException). A real SDK client talks
 * to a stub endpoint that answers in Cognito's wire format: first with `failures`, then success.
 */
import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoRetryStrategy } from '../../../src/datasources/cognito/retries';

interface Stub {
  endpoint: string;
  requests: () => number;
  close: () => Promise<void>;
}

async function stubCognito(failures: { status: number; type: string }[]): Promise<Stub> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const failure = failures[requests++];
      res.writeHead(failure?.status ?? 200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(failure ? { __type: failure.type, message: 'stub' } : { Username: 'ada', UserAttributes: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function callsFor(failures: { status: number; type: string }[]): Promise<{ requests: number; outcome: string }> {
  const stub = await stubCognito(failures);
  const sdk = new CognitoIdentityProviderClient({
    endpoint: stub.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    retryStrategy: new CognitoRetryStrategy(),
  });
  try {
    const outcome = await sdk.send(new GetUserCommand({ AccessToken: 'token' })).then(
      () => 'ok',
      (error: Error) => error.name,
    );
    return { requests: stub.requests(), outcome };
  } finally {
    sdk.destroy();
    await stub.close();
  }
}

test('a refused guess (LimitExceededException) is answered after one call', async () => {
  expect(await callsFor([{ status: 400, type: 'LimitExceededException' }])).toEqual({ requests: 1, outcome: 'LimitExceededException' });
});

test('too many failed attempts is answered after one call', async () => {
  expect(await callsFor([{ status: 400, type: 'TooManyFailedAttemptsException' }])).toEqual({ requests: 1, outcome: 'TooManyFailedAttemptsException' });
});

test('genuine throttling is retried', async () => {
  expect(await callsFor([{ status: 400, type: 'TooManyRequestsException' }])).toEqual({ requests: 2, outcome: 'ok' });
});

test('a transient server error is retried', async () => {
  expect(await callsFor([{ status: 500, type: 'InternalErrorException' }])).toEqual({ requests: 2, outcome: 'ok' });
});

test('ordinary refusals are not retried', async () => {
  expect(await callsFor([{ status: 400, type: 'NotAuthorizedException' }])).toEqual({ requests: 1, outcome: 'NotAuthorizedException' });
});
