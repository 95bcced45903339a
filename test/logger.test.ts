import { createLogger, redact, withFields } from '../src/logger';
import { newScope, scopeIds } from '../src/observability/requestScope';
import { parseTraceparent } from '../src/observability/traceparent';

test('fields that look like secrets are redacted at any depth; others are kept', () => {
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => lines.push(line));
  logger.info('sign-in', {
    username: 'ada@example.com',
    password: 'Sup3r-secret!',
    input: { code: '123456', refreshToken: 'abc.def', nested: { Authorization: 'Bearer x', session: 's' } },
    list: [{ clientSecret: 'shh', ok: 1 }],
  });
  const entry = JSON.parse(lines[0]);
  expect(entry).toMatchObject({
    level: 'info',
    message: 'sign-in',
    username: 'ada@example.com',
    password: '[redacted]',
    input: { code: '[redacted]', refreshToken: '[redacted]', nested: { Authorization: '[redacted]', session: '[redacted]' } },
    list: [{ clientSecret: '[redacted]', ok: 1 }],
  });
  expect(lines[0]).not.toMatch(/Sup3r|123456|abc\.def|Bearer|shh/);
});

test('levels below the configured one are dropped', () => {
  const lines: string[] = [];
  const logger = createLogger('warn', (line) => lines.push(line));
  logger.info('quiet');
  logger.error('loud');
  expect(lines.map((l) => JSON.parse(l).message)).toEqual(['loud']);
});

test("lines are JSON with level, ISO time and message; a request's logger adds its ids, and its secrets are still redacted", () => {
  const lines: string[] = [];
  const logger = createLogger('info', (line) => lines.push(line));
  const scope = newScope('req-1', parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'), 0);
  withFields(logger, scopeIds(scope)).warn('inside', { password: 'hunter2' });
  logger.info('outside');
  const [inside, outside] = lines.map((line) => JSON.parse(line));
  expect(inside).toEqual({
    level: 'warn',
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    message: 'inside',
    requestId: 'req-1',
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    password: '[redacted]',
  });
  expect(outside).toEqual({ level: 'info', time: expect.any(String), message: 'outside' });
  expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
});

test('a line with nothing to redact is written as given; one with a secret is copied, the caller\'s fields untouched', () => {
  const clean = { user: 'ada', nested: { list: [1, { ok: true }] }, at: new Date(0) };
  expect(redact(clean)).toBe(clean);
  const dirty = { user: 'ada', nested: { list: [{ idToken: 'x' }] } };
  expect(redact(dirty)).toEqual({ user: 'ada', nested: { list: [{ idToken: '[redacted]' }] } });
  expect(dirty.nested.list[0].idToken).toBe('x');
});

test("the access log's fixed-field line is one JSON line at info, in the same shape as the others, and off below info", () => {
  const lines: string[] = [];
  createLogger('info', (line) => lines.push(line)).infoFixed('graphql request', { requestId: 'r', status: 200, errors: [] });
  createLogger('warn', (line) => lines.push(line)).infoFixed('graphql request', { requestId: 'r2' });
  expect(lines).toHaveLength(1);
  expect(lines[0].endsWith('\n')).toBe(true);
  expect(JSON.parse(lines[0])).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), requestId: 'r', status: 200, errors: [], message: 'graphql request' });
});

test('silent writes nothing, and says which levels are on', () => {
  const lines: string[] = [];
  const logger = createLogger('silent', (line) => lines.push(line));
  logger.error('nothing');
  expect(lines).toEqual([]);
  expect(logger.isEnabled('error')).toBe(false);
  expect(createLogger('info', () => undefined).isEnabled('info')).toBe(true);
  expect(createLogger('info', () => undefined).isEnabled('debug')).toBe(false);
});

test('a malformed traceparent is ignored', () => {
  expect(parseTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeUndefined();
  expect(parseTraceparent('ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBeUndefined();
  expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7')).toBeUndefined();
  expect(parseTraceparent('junk')).toBeUndefined();
  expect(parseTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-future')).toEqual({
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    parentId: '00f067aa0ba902b7',
    sampled: false,
  });
});
