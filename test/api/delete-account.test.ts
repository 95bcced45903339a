/** deleteMyAccount: the account, its sessions and its sign-in name are gone. */
import { DeleteMyAccountDocument, MeDocument, RefreshSessionDocument } from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectBadCredentials, expectDenied, expectError, expectUnauthenticated } from '../support/expect';
import { signedUpUser, signIn, signInTokens, signUpUser, uniqueEmail } from '../support/users';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const deleteMyAccount = (credentials: { token?: string; apiKey?: string }) => t.gql(DeleteMyAccountDocument, {}, credentials);

test('deletes the account: it cannot sign in, and its tokens are refused', async () => {
  const user = await signedUpUser(t, uniqueEmail('delete'));
  const other = await signInTokens(t, user.email);
  const response = await deleteMyAccount({ token: user.accessToken });
  expect(response.errors).toBeUndefined();
  expect(response.data?.deleteMyAccount).toBe(true);
  // The same answer as for someone who never existed.
  expectBadCredentials(await signIn(t, user.email));
  for (const session of [user, other]) {
    expectUnauthenticated(await t.gql(MeDocument, {}, { token: session.accessToken }));
    const refreshed = await t.gql(RefreshSessionDocument, { input: { refreshToken: session.refreshToken } }, { apiKey: API_KEY });
    expectError(refreshed, 'refreshSession', 'NOT_AUTHORIZED');
  }
});

test('the email is free again, and a new account with it is someone else', async () => {
  const first = await signedUpUser(t, uniqueEmail('reuse'));
  await deleteMyAccount({ token: first.accessToken });
  const second = await signedUpUser(t, first.email, 'An0ther-Passw0rd!');
  expect(second.sub).not.toBe(first.sub);
  const me = await t.gql(MeDocument, {}, { token: second.accessToken });
  expect(me.data?.me).toMatchObject({ sub: second.sub, email: first.email });
  // The deleted account's refresh token does not open the new account.
  const refreshed = await t.gql(RefreshSessionDocument, { input: { refreshToken: first.refreshToken } }, { apiKey: API_KEY });
  expectError(refreshed, 'refreshSession', 'NOT_AUTHORIZED');
});

test('an API-key caller cannot delete anything', async () => {
  const email = uniqueEmail('keep');
  await signUpUser(t, email);
  expectDenied(await deleteMyAccount({ apiKey: API_KEY }), 'deleteMyAccount', 'Mutation');
  expect((await signIn(t, email)).data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_UP');
});
