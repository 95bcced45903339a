/**
 * Ending every session of a user, for the changes after which no old session should live on: a
 * password reset (the usual step after an account was taken over) and an admin setting a
 * password. Cognito keeps sessions through both; ASVS 7.4.3 asks for them to end. Our revocation
 * record comes first, so if Cognito's part then fails, the API already refuses the old tokens.
 */
import type { ApiContext } from '../context';
import type { User } from '../schema/types/profile.types';

export interface Account {
  sub: string;
  username: string;
}

export async function endEverySession(context: ApiContext, account: Account): Promise<void> {
  await context.sources.revocations.signedOutEverywhere(account.sub);
  await context.sources.adminUsers.signOut(account.username);
}

/** The same, for an account named as it was typed (a username, an email or a sub); returns the account. */
export async function endEverySessionOf(context: ApiContext, identifier: string): Promise<User> {
  const account = await context.loaders.user.load(identifier);
  await endEverySession(context, account);
  return account;
}

/**
 * Waits into the next second. Tokens carry their issue time in whole seconds, so a session
 * started after this is told apart from those just ended by its tokens alone (a token issued in
 * the same second as a sign-out costs the issuer a question on every request).
 */
export function nextSecond(now = Date.now()): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1000 - (now % 1000) + 1));
}
