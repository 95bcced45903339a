import { createLogger } from '../src/logger';

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
