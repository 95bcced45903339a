/**
 * Users for the end-to-end tests, made through the API the way a frontend makes them (sign up,
 * confirm with the code from the outbox, sign in), plus the admin-created user that only the
 * engine's admin API can make.
 */
import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ConfirmSignUpDocument, SignInDocument, SignUpDocument } from '../generated/graphql';
import { API_KEY, TestApi } from './api';

/** Meets the pool's policy (8+ characters, upper, lower, digit, symbol). */
export const PASSWORD = 'Str0ng-Passw0rd!';
export const NEW_PASSWORD = 'N3w-Passw0rd-2!';
/** Long enough, but no upper case, digit or symbol. */
export const WEAK_PASSWORD = 'weakpassword';
export const POLICY_TEXT = 'Password did not conform with policy';
export const BAD_CREDENTIALS = 'Incorrect username or password.';

export const HOUR = 3600_000;

/** Six digits that are not `code`: a wrong code of the right shape. */
export const wrongCode = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
/** A string of `n` characters, for length limits. */
export const chars = (n: number): string => 'a'.repeat(n);

let counter = 0;
/** A fresh address per call, so tests never share users. */
export const uniqueEmail = (label: string): string => `${label}-${Date.now().toString(36)}-${++counter}@example.com`;

export interface Tokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
}

export interface SignedInUser extends Tokens {
  email: string;
  password: string;
  sub: string;
}

/** Signs up (unconfirmed); returns the new user's sub. */
export async function signUpUser(t: TestApi, email: string, password = PASSWORD): Promise<string> {
  const response = await t.gql(SignUpDocument, { input: { username: email, password } }, { apiKey: API_KEY });
  const sub = response.data?.signUp?.userId;
  if (!sub) throw new Error(`sign-up of ${email} failed: ${JSON.stringify(response.errors)}`);
  return sub;
}

/** Signs up and confirms with the code from the outbox; returns the sub. */
export async function confirmedUser(t: TestApi, email: string, password = PASSWORD): Promise<string> {
  const sub = await signUpUser(t, email, password);
  const response = await t.gql(ConfirmSignUpDocument, { input: { username: email, code: t.codeFor(email) } }, { apiKey: API_KEY });
  if (!response.data?.confirmSignUp?.isSignUpComplete) throw new Error(`confirming ${email} failed: ${JSON.stringify(response.errors)}`);
  return sub;
}

export function signIn(t: TestApi, email: string, password = PASSWORD) {
  return t.gql(SignInDocument, { input: { username: email, password } }, { apiKey: API_KEY });
}

/** Signs in, expecting to be done; returns the tokens. */
export async function signInTokens(t: TestApi, email: string, password = PASSWORD): Promise<Tokens> {
  const response = await signIn(t, email, password);
  const tokens = response.data?.signIn?.tokens;
  if (!tokens?.refreshToken) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(response.errors ?? response.data)}`);
  return { accessToken: tokens.accessToken, idToken: tokens.idToken, refreshToken: tokens.refreshToken };
}

/** Signs up, confirms and signs in: a user as a frontend has one after the first visit. */
export async function signedUpUser(t: TestApi, email: string, password = PASSWORD): Promise<SignedInUser> {
  const sub = await confirmedUser(t, email, password);
  return { email, password, sub, ...(await signInTokens(t, email, password)) };
}

/** An admin-created user (FORCE_CHANGE_PASSWORD, verified email, no message sent). */
export async function adminCreatedUser(t: TestApi, email: string, temporaryPassword: string): Promise<void> {
  const { engine, pool } = t.world;
  const sdk = new CognitoIdentityProviderClient({ endpoint: engine.endpoint, region: engine.region, credentials: engine.credentials, maxAttempts: 1 });
  try {
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.userPoolId,
        Username: email,
        TemporaryPassword: temporaryPassword,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  } finally {
    sdk.destroy();
  }
}

/** How many messages the engine has sent to an address. */
export const messagesTo = (t: TestApi, address: string): number => t.world.engine.outbox.list({ to: address }).length;

/** The claims of a JWT (already verified by whoever issued it; tests only read them). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

