/**
 * Helpers for the MFA, device and session end-to-end tests: a user with an authenticator app set
 * up through the API, TOTP codes computed from its secret (totp.ts) on the engine's clock, and
 * sign-ins carried through their steps the way a frontend carries them.
 */
import type { ManualClock } from '../../src/local/cognito/clock';
import { ConfirmSignInDocument, SetUpTotpDocument, SignInDocument, SignInInput, UpdateMfaPreferenceDocument, VerifyTotpSetupDocument } from '../generated/graphql';
import { API_KEY, TestApi } from './api';
import { totpCode } from './totp';
import { PASSWORD, SignedInUser, signedUpUser, uniqueEmail } from './users';

export const key = { apiKey: API_KEY };

/**
 * The next TOTP code: the engine's clock moves on a step first, since a code (and any earlier
 * one) never works twice.
 */
export function nextTotp(secret: string, clock: ManualClock): string {
  clock.advance(30_000);
  return totpCode(secret, clock.now());
}

export const signInWith = (t: TestApi, input: SignInInput) => t.gql(SignInDocument, { input }, key);

export const confirm = (t: TestApi, session: string | null | undefined, challengeResponse: string, extra: Record<string, unknown> = {}) =>
  t.gql(ConfirmSignInDocument, { input: { session: session ?? '', challengeResponse, ...extra } }, key);

/** Sets up TOTP for a signed-in user through the API; returns the secret. */
export async function setUpTotp(t: TestApi, user: SignedInUser, clock: ManualClock): Promise<string> {
  const setup = await t.gql(SetUpTotpDocument, {}, { token: user.accessToken });
  const secret = setup.data?.setUpTotp?.sharedSecret;
  if (!secret) throw new Error(`setUpTotp failed: ${JSON.stringify(setup.errors)}`);
  const verified = await t.gql(VerifyTotpSetupDocument, { input: { code: nextTotp(secret, clock) } }, { token: user.accessToken });
  if (!verified.data?.verifyTotpSetup) throw new Error(`verifyTotpSetup failed: ${JSON.stringify(verified.errors)}`);
  return secret;
}

/** A new user with TOTP on (its only factor). */
export async function userWithTotp(t: TestApi, label: string, clock: ManualClock): Promise<SignedInUser & { secret: string }> {
  const user = await signedUpUser(t, uniqueEmail(label));
  const secret = await setUpTotp(t, user, clock);
  return { ...user, secret };
}

/** A new user with email codes on (and preferred). */
export async function userWithEmailMfa(t: TestApi, label: string): Promise<SignedInUser> {
  const user = await signedUpUser(t, uniqueEmail(label));
  const changed = await t.gql(UpdateMfaPreferenceDocument, { input: { email: 'PREFERRED' } }, { token: user.accessToken });
  if (!changed.data?.updateMfaPreference) throw new Error(`turning email MFA on failed: ${JSON.stringify(changed.errors)}`);
  return user;
}

/** Signs in with the password and answers the TOTP step; returns the final result. */
export async function signInWithTotp(t: TestApi, user: { email: string; secret: string }, clock: ManualClock, extra: Partial<SignInInput> = {}) {
  const first = await signInWith(t, { username: user.email, password: PASSWORD, ...extra });
  if (first.data?.signIn?.nextStep.signInStep !== 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') throw new Error(`expected the TOTP step: ${JSON.stringify(first)}`);
  return confirm(t, first.data.signIn.session, nextTotp(user.secret, clock));
}
