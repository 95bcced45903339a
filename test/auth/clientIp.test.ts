/** Whose address counts: the socket's peer, and X-Forwarded-For only through trusted proxies. */
import { proxyEntryProblem, TrustedProxies } from '../../src/auth/clientIp';

test('with no trusted proxies the header is ignored, so a client cannot pick its own address', () => {
  const none = new TrustedProxies([]);
  expect(none.clientIp('203.0.113.5', '198.51.100.1')).toBe('203.0.113.5');
  expect(none.clientIp('::ffff:203.0.113.5', undefined)).toBe('203.0.113.5');
});

test('behind a trusted proxy the right-most untrusted hop is the client', () => {
  const proxies = new TrustedProxies(['10.0.0.0/8', '192.0.2.10']);
  expect(proxies.clientIp('10.1.2.3', '198.51.100.7')).toBe('198.51.100.7');
  // A client that writes its own header cannot hide behind what it wrote.
  expect(proxies.clientIp('10.1.2.3', '1.2.3.4, 198.51.100.7')).toBe('198.51.100.7');
  expect(proxies.clientIp('10.1.2.3', '198.51.100.7, 192.0.2.10')).toBe('198.51.100.7');
  expect(proxies.clientIp('10.1.2.3', ['198.51.100.7', '10.9.9.9'])).toBe('198.51.100.7');
});

test('an untrusted peer is the client even when it sends the header', () => {
  expect(new TrustedProxies(['10.0.0.0/8']).clientIp('203.0.113.5', '198.51.100.7')).toBe('203.0.113.5');
});

test('garbage in the header stops the walk at the last trusted hop', () => {
  const proxies = new TrustedProxies(['10.0.0.0/8']);
  expect(proxies.clientIp('10.1.2.3', 'not-an-ip')).toBe('10.1.2.3');
  expect(proxies.clientIp('10.1.2.3', 'not-an-ip, 10.4.4.4')).toBe('10.4.4.4');
});

test('IPv6 proxies and clients', () => {
  const proxies = new TrustedProxies(['fd00::/8']);
  expect(proxies.clientIp('fd00::1', '2001:db8::7')).toBe('2001:db8::7');
});

test.each([
  ['10.0.0.1', undefined],
  ['10.0.0.0/8', undefined],
  ['fd00::/8', undefined],
  ['10.0.0.0/33', '"10.0.0.0/33" has a prefix length outside 0–32'],
  ['fd00::/129', '"fd00::/129" has a prefix length outside 0–128'],
  ['proxy.internal', '"proxy.internal" is not an IP address or CIDR range'],
  ['10.0.0.0/8/8', '"10.0.0.0/8/8" is not an IP address or CIDR range'],
])('TRUSTED_PROXIES entry %s', (entry, problem) => {
  expect(proxyEntryProblem(entry)).toBe(problem);
});
