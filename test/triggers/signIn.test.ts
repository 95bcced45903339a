/**
 * The sign-in triggers on a real directory (embedded DynamoDB): PreAuthentication's refusal of
 * flagged accounts, PostAuthentication's counting (once per delivery, with the caller's IP and
 * device) and its making of missing records, PostConfirmation's record and event.
 */
import type { PostAuthenticationTriggerEvent, PostConfirmationTriggerEvent, PreAuthenticationTriggerEvent } from 'aws-lambda';
import { DERIVED_ID_WINDOW_MS } from '../../src/triggers/caller';
import { InMemoryLegacyDirectory } from '../../src/triggers/legacy/legacyDirectory';
import { postAuthentication } from '../../src/triggers/postAuthentication';
import { postConfirmation } from '../../src/triggers/postConfirmation';
import { ACCOUNT_HELD, preAuthentication } from '../../src/triggers/preAuthentication';
import { TriggerRefusal } from '../../src/triggers/refusal';
import { cognitoEvent, freshSub, startTriggerWorld, TriggerWorld } from './fixtures';

let world: TriggerWorld;
let now = Date.UTC(2026, 0, 10, 12);
beforeAll(async () => {
  world = await startTriggerWorld(() => now);
});
afterAll(() => world.stop());

const attributesOf = (sub: string, email: string, extra: Record<string, string> = {}) => ({ sub, email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED', ...extra });

const confirmation = (sub: string, email: string, source: PostConfirmationTriggerEvent['triggerSource'] = 'PostConfirmation_ConfirmSignUp', clientMetadata?: Record<string, string>): PostConfirmationTriggerEvent =>
  cognitoEvent(source, sub, { userAttributes: attributesOf(sub, email, { 'custom:tenant': 'acme' }), clientMetadata }, {});

const signIn = (sub: string, email: string, clientMetadata?: Record<string, string>): PostAuthenticationTriggerEvent =>
  cognitoEvent('PostAuthentication_Authentication', sub, { userAttributes: attributesOf(sub, email), newDeviceUsed: false, clientMetadata }, {});

const preAuth = (sub: string, userNotFound = false, validationData: Record<string, string> = {}): PreAuthenticationTriggerEvent =>
  cognitoEvent('PreAuthentication_Authentication', sub, { userAttributes: (userNotFound ? {} : { sub }) as Record<string, string>, userNotFound, validationData }, {});

describe('PostConfirmation', () => {
  test('makes the record from the event (an estimate until Cognito is read) with a CONFIRMED event, once however often delivered', async () => {
    const sub = freshSub();
    const handler = postConfirmation(world.deps());
    const event = confirmation(sub, 'ada@example.com', 'PostConfirmation_ConfirmSignUp', { requestId: 'r1', sourceIp: '203.0.113.7', userAgent: 'Safari' });
    expect(await handler(event)).toBe(event);
    now += 5000;
    await handler(confirmation(sub, 'ada@example.com'));
    expect(await world.directory.get(sub)).toMatchObject({
      username: sub,
      email: 'ada@example.com',
      status: 'CONFIRMED',
      estimated: true,
      indexed: { 'custom:tenant': 'acme' },
      confirmedAt: now - 5000,
      signUpSource: 'SIGN_UP',
    });
    expect((await world.directory.events(sub, 10)).items).toMatchObject([{ type: 'CONFIRMED', ip: '203.0.113.7', device: 'Safari' }]);
    expect((await world.directory.byAttribute('custom:tenant', 'acme', 100)).items.map((p) => p.sub)).toContain(sub);
  });

  test('a confirmed password reset files PASSWORD_RESET, one per reset', async () => {
    const sub = freshSub();
    const handler = postConfirmation(world.deps());
    await handler(confirmation(sub, 'bo@example.com', 'PostConfirmation_ConfirmForgotPassword', { requestId: 'reset-1' }));
    await handler(confirmation(sub, 'bo@example.com', 'PostConfirmation_ConfirmForgotPassword', { requestId: 'reset-1' }));
    await handler(confirmation(sub, 'bo@example.com', 'PostConfirmation_ConfirmForgotPassword', { requestId: 'reset-2' }));
    expect((await world.directory.events(sub, 10)).items.map((e) => [e.type, e.id])).toEqual([
      ['PASSWORD_RESET', 'reset-2:PASSWORD_RESET'],
      ['PASSWORD_RESET', 'reset-1:PASSWORD_RESET'],
    ]);
    expect((await world.directory.get(sub))?.confirmedAt).toBeUndefined();
  });
});

describe('PreAuthentication', () => {
  test('refuses a flagged account with a neutral message, and lets others (and unknown names) through', async () => {
    const [held, fine] = [freshSub(), freshSub()];
    await world.directory.updateApp(held, { flags: ['suspended'] });
    await world.directory.updateApp(fine, { flags: ['beta'] });
    const handler = preAuthentication(world.deps());
    await expect(handler(preAuth(held))).rejects.toThrow(new TriggerRefusal(ACCOUNT_HELD));
    await expect(handler(preAuth(fine))).resolves.toMatchObject({ request: { userAttributes: { sub: fine } } });
    await expect(handler(preAuth(freshSub()))).resolves.toBeDefined();
    await expect(handler(preAuth('', true))).resolves.toBeDefined();
  });

  test("notes the attempt (request id, address, device) for PostAuthentication, and an unknown name's on a stand-in", async () => {
    const sub = freshSub();
    await postConfirmation(world.deps())(confirmation(sub, 'hal@example.com'));
    const metadata = { requestId: 'pre-1', sourceIp: '192.0.2.8', userAgent: 'Edge' };
    await preAuthentication(world.deps())(preAuth(sub, false, metadata));
    expect((await world.directory.get(sub))?.pendingSignIn).toEqual({ at: now, requestId: 'pre-1', ip: '192.0.2.8', device: 'Edge' });
    const calls: string[] = [];
    const counting = new Proxy(world.directory, { get: (target, name) => (calls.push(String(name)), Reflect.get(target, name).bind(target)) });
    await preAuthentication(world.deps({ directory: counting }))(preAuth(freshSub(), false, metadata));
    const knownCalls = calls.splice(0);
    await preAuthentication(world.deps({ directory: counting }))(preAuth('ghost@example.com', true, metadata));
    expect(calls).toEqual(knownCalls);
    expect(await world.directory.get('ghost@example.com')).toBeUndefined();
  });
});

describe('PostAuthentication', () => {
  test("counts a sign-in once per API request id, with the caller's IP and device", async () => {
    const sub = freshSub();
    await postConfirmation(world.deps())(confirmation(sub, 'cy@example.com'));
    const handler = postAuthentication(world.deps());
    const metadata = { requestId: 'req-42', sourceIp: '198.51.100.4', userAgent: 'Mozilla/5.0 (X11)' };
    await handler(signIn(sub, 'cy@example.com', metadata));
    now += 5000; // Cognito's retry
    await handler(signIn(sub, 'cy@example.com', metadata));
    expect(await world.directory.get(sub)).toMatchObject({ signInCount: 1, lastSignInAt: now - 5000, lastIp: '198.51.100.4', lastDevice: 'Mozilla/5.0 (X11)' });
    expect((await world.directory.events(sub, 10)).items.filter((e) => e.type === 'SIGN_IN').map((e) => e.id)).toEqual(['req-42:SIGN_IN']);
  });

  test("after a password sign-in (no ClientMetadata, as in Cognito) PreAuthentication's note names the delivery and the caller", async () => {
    const sub = freshSub();
    await postConfirmation(world.deps())(confirmation(sub, 'gil@example.com'));
    for (const requestId of ['a', 'b']) {
      await preAuthentication(world.deps())(preAuth(sub, false, { requestId, sourceIp: '198.51.100.9', userAgent: 'Firefox' }));
      await postAuthentication(world.deps())(signIn(sub, 'gil@example.com'));
      await postAuthentication(world.deps())(signIn(sub, 'gil@example.com')); // Cognito's retry
    }
    expect(await world.directory.get(sub)).toMatchObject({ signInCount: 2, lastIp: '198.51.100.9', lastDevice: 'Firefox' });
    now += 61_000; // an old note is not trusted
    await postAuthentication(world.deps())(signIn(sub, 'gil@example.com'));
    expect((await world.directory.get(sub))?.signInCount).toBe(3);
    expect((await world.directory.events(sub, 10)).items.filter((e) => e.type === 'SIGN_IN').map((e) => e.id.replace(/^derived:.*/, 'derived'))).toEqual(['derived', 'b:SIGN_IN', 'a:SIGN_IN']);
  });

  test('without a request id a retry within the window counts once; a later sign-in counts again', async () => {
    const sub = freshSub();
    const handler = postAuthentication(world.deps());
    now = Math.ceil(now / DERIVED_ID_WINDOW_MS) * DERIVED_ID_WINDOW_MS;
    await handler(signIn(sub, 'di@example.com'));
    now += 3000;
    await handler(signIn(sub, 'di@example.com'));
    now += DERIVED_ID_WINDOW_MS;
    await handler(signIn(sub, 'di@example.com'));
    expect((await world.directory.get(sub))?.signInCount).toBe(2);
  });

  test('a user without a record (admin-created, or PostConfirmation failed) gets one at the first sign-in', async () => {
    const sub = freshSub();
    await postAuthentication(world.deps())(signIn(sub, 'ed@example.com', { requestId: 'first' }));
    expect(await world.directory.get(sub)).toMatchObject({ username: sub, email: 'ed@example.com', status: 'CONFIRMED', estimated: true, confirmedAt: now, signUpSource: undefined, signInCount: 1 });
  });

  test('a migrated user is recorded as such', async () => {
    const sub = freshSub();
    const legacy = new InMemoryLegacyDirectory([{ username: 'fay@legacy.example', email: 'fay@legacy.example', passwordHash: '', attributes: {} }]);
    await postAuthentication(world.deps({ legacy }))(signIn(sub, 'fay@legacy.example', { requestId: 'm' }));
    expect((await world.directory.get(sub))?.signUpSource).toBe('MIGRATION');
  });
});
