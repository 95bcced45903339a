/**
 * Triggers through the real Lambda Invoke API (the path a team's local Lambda runtime serves),
 * against a tiny stub of `POST /2015-03-31/functions/<name>/invocations`: the event goes over the
 * wire signed, the function's answer comes back, and Lambda's failures map to Cognito's.
 */
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../../../src/local/cognito/clock';
import { createPoolAndClient, startTestEngine, TestEngine } from '../../../support/engine';
import { PASSWORD, uniqueEmail } from '../../../support/cognito';
import { arn } from './support';

interface Invocation {
  functionName: string;
  qualifier: string | null;
  invocationType: string | undefined;
  signed: boolean;
  event: Record<string, unknown>;
}

const invocations: Invocation[] = [];
let flakyFailures = 0;

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** The functions the stub runtime knows, by name. */
const functions: Record<string, (event: Record<string, unknown>, res: ServerResponse) => void> = {
  autoConfirm: (event, res) => answer(res, 200, { ...event, response: { autoConfirmUser: true } }),
  thrower: (_event, res) => answer(res, 200, { errorMessage: 'Not on the guest list', errorType: 'Error' }, { 'x-amz-function-error': 'Unhandled' }),
  silent: () => undefined,
  flaky: (event, res) =>
    flakyFailures-- > 0 ? answer(res, 500, { message: 'Service unavailable' }, { 'x-amzn-errortype': 'ServiceException' }) : answer(res, 200, event),
};

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://stub');
  const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(url.pathname);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (req.method !== 'POST' || !match) return answer(res, 404, { message: 'Unknown route' });
  const functionName = decodeURIComponent(match[1]);
  const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  invocations.push({
    functionName,
    qualifier: url.searchParams.get('Qualifier'),
    invocationType: req.headers['x-amz-invocation-type'] as string | undefined,
    signed: String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256'),
    event,
  });
  const run = functions[functionName];
  if (!run) return answer(res, 404, { Type: 'User', Message: `Function not found: ${functionName}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
  run(event, res);
}

let stub: Server;
let t: TestEngine;
beforeAll(async () => {
  stub = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const lambdaEndpoint = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  t = await startTestEngine({ clock: new ManualClock(Date.now()), triggers: { lambdaEndpoint, timeoutMs: 200 } });
});
afterAll(async () => {
  await t?.stop();
  stub.closeAllConnections();
  await new Promise((resolve) => stub.close(resolve));
});
beforeEach(() => {
  invocations.length = 0;
});

async function signUpWith(preSignUp: string) {
  const app = await createPoolAndClient(t.admin, { LambdaConfig: { PreSignUp: preSignUp } });
  const email = uniqueEmail();
  return { app, email, result: t.admin.send(new SignUpCommand({ ClientId: app.clientId, Username: email, Password: PASSWORD })) };
}

test("the event goes to the function by name (with the ARN's qualifier), signed, RequestResponse; its answer is used", async () => {
  const { app, result } = await signUpWith(arn('autoConfirm:live'));
  await expect(result).resolves.toMatchObject({ UserConfirmed: true });
  expect(invocations).toEqual([
    {
      functionName: 'autoConfirm',
      qualifier: 'live',
      invocationType: 'RequestResponse',
      signed: true,
      event: expect.objectContaining({ triggerSource: 'PreSignUp_SignUp', userPoolId: app.poolId, callerContext: expect.objectContaining({ clientId: app.clientId }) }),
    },
  ]);
});

test("a function error is the handler's: UserLambdaValidationException with its message, not retried", async () => {
  const { result } = await signUpWith(arn('thrower'));
  await expect(result).rejects.toMatchObject({ name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Not on the guest list.' });
  expect(invocations).toHaveLength(1);
});

test("a function Lambda does not know: UnexpectedLambdaException naming Lambda's error, not retried", async () => {
  const { result } = await signUpWith(arn('missing'));
  await expect(result).rejects.toMatchObject({ name: 'UnexpectedLambdaException', message: 'PreSignUp invocation failed due to error ResourceNotFoundException.' });
  expect(invocations).toHaveLength(1);
});

test("Lambda's own failure is retried; a function that never answers times out after 3 attempts", async () => {
  flakyFailures = 1;
  await expect((await signUpWith(arn('flaky'))).result).resolves.toMatchObject({ UserConfirmed: false });
  expect(invocations).toHaveLength(2);
  invocations.length = 0;
  await expect((await signUpWith(arn('silent'))).result).rejects.toMatchObject({
    name: 'UnexpectedLambdaException',
    message: 'PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.',
  });
  expect(invocations).toHaveLength(3);
});
