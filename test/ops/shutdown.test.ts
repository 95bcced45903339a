/**
 * `npm start` stopped as a platform stops it: SIGTERM while sign-ups are in flight. Every one of
 * them is answered, the process exits 0 within its deadline and says so in its log, and a restart
 * on the same data directory finds every user it said it created (the store was closed, not cut).
 * SIGINT (Ctrl-C) stops it the same way.
 */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PASSWORD, uniqueEmail } from '../support/users';
import { graphql, Service, serviceFixture } from './support/service';

const SIGN_UP = 'mutation ($u: String!, $p: String!) { signUp(input: { username: $u, password: $p }) { userId } }';

const services = serviceFixture('shutdown');

const logLines = (s: Service) =>
  s
    .stderr()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

test('SIGTERM: requests in flight are answered, the process exits 0, and what it wrote is there after a restart', async () => {
  let service = await services.start({ SHUTDOWN_TIMEOUT_MS: '20000' });
  const emails = Array.from({ length: 6 }, () => uniqueEmail('sigterm'));
  // Each sign-up hashes a password at the production cost, so they are still running when the signal comes.
  const answers = emails.map((u) => graphql(service!.url, SIGN_UP, { u, p: PASSWORD }, { 'x-api-key': service!.apiKey }));
  await new Promise((resolve) => setTimeout(resolve, 30));
  const started = Date.now();
  const exit = service.stop('SIGTERM');
  const settled = await Promise.all(answers);
  expect(settled.map((a) => [a.status, a.errors])).toEqual(emails.map(() => [200, undefined]));
  expect(await exit).toBe(0);
  expect(Date.now() - started).toBeLessThan(20_000);
  const log = logLines(service);
  expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'stopping', signal: 'SIGTERM' }), expect.objectContaining({ message: 'stopped' })]));
  const signUps = log.filter((line) => line.message === 'graphql request' && (line.fields as string[])[0] === 'signUp');
  expect(signUps).toHaveLength(6);
  // Drained, not merely finished first: some were answered after the signal was taken.
  expect(log.indexOf(signUps[5])).toBeGreaterThan(log.findIndex((line) => line.message === 'stopping'));

  service = await services.start();
  const admin = service.admin();
  for (const email of emails) {
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: service.poolId, Username: email }));
    expect(user.UserStatus).toBe('UNCONFIRMED');
  }
  expect(await service.stop('SIGINT')).toBe(0);
  expect(logLines(service)).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'stopping', signal: 'SIGINT' })]));
}, 120_000);
