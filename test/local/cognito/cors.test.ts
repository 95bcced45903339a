/** Browsers on another origin reach the engine: preflight and CORS headers, as Amazon's endpoint answers. */
import { rawRequest, useEngine } from '../../support/cognito';

const ctx = useEngine();

test('the preflight of an SDK call is answered 200 with the headers it asked for', async () => {
  const response = await fetch(ctx.t.engine.endpoint, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://127.0.0.1:5173',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-amz-target, x-amz-user-agent, cache-control',
    },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  expect(response.headers.get('access-control-allow-headers')).toBe('content-type, x-amz-target, x-amz-user-agent, cache-control');
  expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
});

test('a preflight naming no headers allows the SDKs’ own', async () => {
  const response = await fetch(`${ctx.t.engine.endpoint}/anything`, { method: 'OPTIONS' });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('x-amz-target'));
  expect(response.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('amz-sdk-invocation-id'));
});

test('answers, errors and the JWKS carry Access-Control-Allow-Origin and expose the x-amzn headers', async () => {
  const error = await rawRequest(ctx.t.engine.endpoint, { target: 'InitiateAuth', body: '{}', headers: { origin: 'http://127.0.0.1:5173' } });
  expect(error.status).toBe(400);
  expect(error.headers.get('access-control-allow-origin')).toBe('*');
  expect(error.headers.get('access-control-expose-headers')).toBe('x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date');
  expect(error.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  const health = await fetch(`${ctx.t.engine.endpoint}/health`);
  expect(health.headers.get('access-control-allow-origin')).toBe('*');
});
