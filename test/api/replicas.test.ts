/**
 * Two API replicas on one world, as behind a load balancer. Each replica may reuse a session's
 * revocation state for REVOCATION_CACHE_MS and the `me` record for PROFILE_CACHE_MS; a change
 * made through a replica shows on that replica at once, and on the others within the window.
 * Replica B's windows run on a manual clock, so these tests never sleep.
 */
import { ManualClock } from '../../src/local/cognito/clock';
import { AdminUpdateUserAttributesDocument, GlobalSignOutDocument, MeDocument, SignOutDocument, UpdateMyAttributesDocument } from '../generated/graphql';
import { adminToken } from '../support/admin';
import { ApiClient, Replica, startTestApi, TestApi } from '../support/api';
import { expectUnauthenticated } from '../support/expect';
import { SignedInUser, signedUpUser, uniqueEmail } from '../support/users';

const WINDOWS = { revocationMs: 1000, profileMs: 5000 };

let a: TestApi;
let b: Replica;
let strict: Replica;
const clock = new ManualClock(Date.now());

beforeAll(async () => {
  a = await startTestApi({ cache: WINDOWS });
  b = await a.replica({ ...WINDOWS, clock: () => clock.now() });
  strict = await a.replica({ revocationMs: 0, profileMs: 0 });
});
afterAll(() => a.stop());

const me = (api: ApiClient, token: string) => api.gql(MeDocument, {}, { token });

async function expectSignedIn(api: ApiClient, user: SignedInUser): Promise<void> {
  const response = await me(api, user.accessToken);
  expect(response.status).toBe(200);
  expect(response.data?.me?.sub).toBe(user.sub);
}

describe('revocation across replicas', () => {
  test('a global sign-out through A is refused by A at once and by B once its window has passed', async () => {
    const user = await signedUpUser(a, uniqueEmail('replica-global'));
    await expectSignedIn(b, user);
    expect((await a.gql(GlobalSignOutDocument, {}, { token: user.accessToken })).data?.globalSignOut).toBe(true);

    expectUnauthenticated(await me(a, user.accessToken));
    // B answered from a lookup made before the sign-out, and may reuse it for its window only.
    clock.advance(WINDOWS.revocationMs - 1);
    await expectSignedIn(b, user);
    clock.advance(1);
    expectUnauthenticated(await me(b, user.accessToken));
  });

  test('a replica with REVOCATION_CACHE_MS=0 refuses a session signed out elsewhere on the next request', async () => {
    const user = await signedUpUser(a, uniqueEmail('replica-strict'));
    await expectSignedIn(strict, user);
    await a.gql(SignOutDocument, { input: { refreshToken: user.refreshToken } }, { token: user.accessToken });
    expectUnauthenticated(await me(strict, user.accessToken));
  });

  test('the replica that signs a session out refuses it at once, whatever its window', async () => {
    const user = await signedUpUser(a, uniqueEmail('replica-own'));
    await expectSignedIn(b, user);
    expect((await b.gql(SignOutDocument, { input: { refreshToken: user.refreshToken } }, { token: user.accessToken })).data?.signOut).toBe(true);
    expectUnauthenticated(await me(b, user.accessToken));
    expectUnauthenticated(await me(a, user.accessToken));
  });
});

describe('the me record across replicas', () => {
  test('a change through A shows on A at once and on B once its window has passed', async () => {
    const user = await signedUpUser(a, uniqueEmail('replica-profile'));
    expect((await me(a, user.accessToken)).data?.me?.givenName).toBeNull();
    expect((await me(b, user.accessToken)).data?.me?.givenName).toBeNull();

    const update = await a.gql(UpdateMyAttributesDocument, { input: { givenName: 'Ada' } }, { token: user.accessToken });
    expect(update.data?.updateMyAttributes?.user.givenName).toBe('Ada');
    expect((await me(a, user.accessToken)).data?.me?.givenName).toBe('Ada');
    expect((await me(strict, user.accessToken)).data?.me?.givenName).toBe('Ada');

    clock.advance(WINDOWS.profileMs - 1);
    expect((await me(b, user.accessToken)).data?.me?.givenName).toBeNull();
    clock.advance(1);
    expect((await me(b, user.accessToken)).data?.me?.givenName).toBe('Ada');
  });

  test("an admin's change through a replica shows in the user's me on that replica at once", async () => {
    const user = await signedUpUser(a, uniqueEmail('replica-admin'));
    expect((await me(b, user.accessToken)).data?.me?.familyName).toBeNull();
    const admin = await adminToken(a);
    const changed = await b.gql(AdminUpdateUserAttributesDocument, { username: user.email, input: { familyName: 'Lovelace' } }, { token: admin });
    expect(changed.data?.adminUpdateUserAttributes?.familyName).toBe('Lovelace');
    expect((await me(b, user.accessToken)).data?.me?.familyName).toBe('Lovelace');
  });
});
