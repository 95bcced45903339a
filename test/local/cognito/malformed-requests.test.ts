/** Requests the SDK would never send, straight on the wire: each gets a clear error and writes nothing. */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, PASSWORD, RawResponse, createApp, messageCount, rawRequest, uniqueEmail, useEngine, userCount } from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const send = (options: Parameters<typeof rawRequest>[1]) => rawRequest(ctx.t.engine.endpoint, options);
const signUpBody = (fields: Record<string, unknown>) => JSON.stringify({ ClientId: app.clientId, Password: PASSWORD, ...fields });

/** Sends a SignUp-shaped request for a fresh email and checks that no user, count or mail came of it. */
async function expectNothingWritten(request: (email: string) => Promise<RawResponse>): Promise<RawResponse> {
  const email = uniqueEmail('malformed');
  const before = await userCount(app);
  const response = await request(email);
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  expect(response.headers.get('x-amzn-errortype')).toBe(response.body.__type);
  expect(Object.keys(response.body).sort()).toEqual(['__type', 'message']);
  expect(await userCount(app)).toBe(before);
  expect(messageCount(app, email)).toBe(0);
  await expect(ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: email }))).rejects.toMatchObject({
    name: 'UserNotFoundException',
  });
  return response;
}

const violation = (field: string, constraint: string) => ({
  __type: 'InvalidParameterException',
  message: `1 validation error detected: Value at '${field}' failed to satisfy constraint: ${constraint}`,
});

test('a well-formed raw SignUp works (the control for the cases below)', async () => {
  const email = uniqueEmail('raw');
  const before = await userCount(app);
  const response = await send({ target: 'SignUp', body: signUpBody({ Username: email }) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  expect(response.body).toMatchObject({ UserConfirmed: false, UserSub: expect.any(String) });
  expect(await userCount(app)).toBe(before + 1);
});

test('invalid JSON: 400 SerializationException', async () => {
  const response = await expectNothingWritten((email) => send({ target: 'SignUp', body: signUpBody({ Username: email }).slice(0, -1) }));
  expect(response.body).toEqual({ __type: 'SerializationException', message: 'Request body is not valid JSON.' });
});

test('JSON that is not an object: SerializationException', async () => {
  for (const body of ['[]', '"SignUp"', 'null', '42']) {
    const response = await expectNothingWritten(() => send({ target: 'SignUp', body }));
    expect(response.body).toEqual({ __type: 'SerializationException', message: 'Request body must be a JSON object.' });
  }
});

test('an unknown or missing X-Amz-Target: UnknownOperationException', async () => {
  const unknown = await expectNothingWritten((email) => send({ target: 'SignUpEveryone', body: signUpBody({ Username: email }) }));
  expect(unknown.body).toEqual({ __type: 'UnknownOperationException', message: 'Unknown operation SignUpEveryone' });
  const inherited = await expectNothingWritten((email) => send({ target: 'constructor', body: signUpBody({ Username: email }) }));
  expect(inherited.body.__type).toBe('UnknownOperationException');
  const missing = await expectNothingWritten((email) => send({ body: signUpBody({ Username: email }) }));
  expect(missing.body).toEqual({ __type: 'UnknownOperationException', message: 'Missing or unknown X-Amz-Target header.' });
  const otherService = await expectNothingWritten((email) =>
    send({ body: signUpBody({ Username: email }), headers: { 'x-amz-target': 'DynamoDB_20120810.SignUp' } }),
  );
  expect(otherService.body.__type).toBe('UnknownOperationException');
});

test('a missing required field: InvalidParameterException naming it', async () => {
  const noPassword = await expectNothingWritten((email) => send({ target: 'SignUp', body: JSON.stringify({ ClientId: app.clientId, Username: email }) }));
  expect(noPassword.body).toEqual(violation('password', 'Member must not be null'));
  const noClient = await expectNothingWritten((email) => send({ target: 'SignUp', body: JSON.stringify({ Username: email, Password: PASSWORD }) }));
  expect(noClient.body).toEqual(violation('clientId', 'Member must not be null'));
  const empty = await expectNothingWritten(() => send({ target: 'SignUp', body: '' }));
  expect(empty.body).toEqual(violation('clientId', 'Member must not be null'));
});

test('fields of the wrong type: InvalidParameterException', async () => {
  const numeric = await expectNothingWritten(() => send({ target: 'SignUp', body: signUpBody({ Username: 12345 }) }));
  expect(numeric.body).toEqual(violation('username', 'Member must be a string'));
  const attributes = await expectNothingWritten((email) => send({ target: 'SignUp', body: signUpBody({ Username: email, UserAttributes: 'email=x' }) }));
  expect(attributes.body).toEqual(violation('userAttributes', 'Member must be a list'));
  const authParameters = await expectNothingWritten(() =>
    send({ target: 'InitiateAuth', body: JSON.stringify({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: ['x'] }) }),
  );
  expect(authParameters.body).toEqual(violation('authParameters', 'Member must be a map'));
});

test('oversized fields: Username over 128 and Password over 256 characters', async () => {
  const longName = await expectNothingWritten(() => send({ target: 'SignUp', body: signUpBody({ Username: `${'a'.repeat(117)}@example.com` }) }));
  expect(`${'a'.repeat(117)}@example.com`).toHaveLength(129);
  expect(longName.body).toEqual(violation('username', 'Member must have length less than or equal to 128'));
  const longPassword = await expectNothingWritten((email) => send({ target: 'SignUp', body: signUpBody({ Username: email, Password: `Aa1!${'x'.repeat(253)}` }) }));
  expect(longPassword.body).toEqual(violation('password', 'Member must have length less than or equal to 256'));
  // The limits themselves are allowed.
  const atLimit = await send({ target: 'SignUp', body: signUpBody({ Username: uniqueEmail('limit'), Password: `Aa1!${'x'.repeat(252)}` }) });
  expect(atLimit.status).toBe(200);
});

test('a body over 256 KiB is refused with an answer, not a reset connection', async () => {
  // Several MiB, several times: large enough that the client is still sending when the engine decides.
  for (const size of [257 * 1024, 8 << 20, 8 << 20, 8 << 20]) {
    const response = await expectNothingWritten((email) =>
      send({ target: 'SignUp', body: signUpBody({ Username: email, UserAttributes: [{ Name: 'name', Value: 'x'.repeat(size) }] }) }),
    );
    expect(response.body).toEqual({ __type: 'InvalidParameterException', message: 'Request body is larger than 262144 bytes.' });
  }
  // The engine still serves requests afterwards.
  expect((await send({ target: 'SignUp', body: signUpBody({ Username: uniqueEmail('after') }) })).status).toBe(200);
});

test('other paths and methods are refused', async () => {
  const get = await fetch(`${ctx.t.engine.endpoint}/`);
  expect(get.status).toBe(404);
  const put = await fetch(`${ctx.t.engine.endpoint}/`, { method: 'PUT', body: '{}' });
  expect(put.status).toBe(405);
  expect(await put.json()).toEqual({ message: 'Method not allowed' });
});
