import { ConfirmSignUpDocument, MeDocument, SignInDocument, SignOutDocument, SignUpDocument } from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

test('the README walk-through: sign up, confirm, sign in, me, sign out', async () => {
  const email = 'walk@example.com';
  const password = 'Walk-through-1';
  const signUp = await t.gql(SignUpDocument, { input: { username: email, password } }, { apiKey: API_KEY });
  expect(signUp.data?.signUp?.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
  const confirmed = await t.gql(ConfirmSignUpDocument, { input: { username: email, code: t.codeFor(email) } }, { apiKey: API_KEY });
  expect(confirmed.data?.confirmSignUp?.isSignUpComplete).toBe(true);
  const signIn = await t.gql(SignInDocument, { input: { username: email, password } }, { apiKey: API_KEY });
  const tokens = signIn.data?.signIn?.tokens;
  expect(signIn.data?.signIn?.nextStep.signInStep).toBe('DONE');
  const me = await t.gql(MeDocument, {}, { token: tokens!.accessToken });
  expect(me.data?.me).toMatchObject({ email, emailVerified: true, status: 'CONFIRMED', sub: signUp.data?.signUp?.userId });
  const signOut = await t.gql(SignOutDocument, { input: { refreshToken: tokens!.refreshToken! } }, { token: tokens!.accessToken });
  expect(signOut.data?.signOut).toBe(true);
  const after = await t.gql(MeDocument, {}, { token: tokens!.accessToken });
  expect(after.status).toBe(401);
  expect(after.errors).toEqual([{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }]);
});
