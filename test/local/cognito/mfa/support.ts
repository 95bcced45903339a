/** Helpers for the MFA tests: answering a challenge, and a user with TOTP set up and turned on. */
import {
  AssociateSoftwareTokenCommand,
  ChallengeNameType,
  RespondToAuthChallengeCommand,
  RespondToAuthChallengeCommandOutput,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ManualClock } from '../../../../src/local/cognito/clock';
import type { App, SignedInUser } from '../../../support/cognito';
import { totpCode } from '../../../support/totp';

export function respond(app: App, ChallengeName: `${ChallengeNameType}`, Session: string | undefined, ChallengeResponses: Record<string, string>): Promise<RespondToAuthChallengeCommandOutput> {
  return app.t.admin.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName, Session, ChallengeResponses }));
}

/** Sets TOTP up with the user's access token and turns it on, preferred; returns the secret. Leaves the clock one step on, so the code used here is not the next one asked for. */
export async function enableTotp(app: App, user: SignedInUser, clock: ManualClock): Promise<string> {
  const { SecretCode } = await app.t.admin.send(new AssociateSoftwareTokenCommand({ AccessToken: user.tokens.AccessToken }));
  await app.t.admin.send(new VerifySoftwareTokenCommand({ AccessToken: user.tokens.AccessToken, UserCode: totpCode(SecretCode!, clock.now()) }));
  await app.t.admin.send(new SetUserMFAPreferenceCommand({ AccessToken: user.tokens.AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
  clock.advance(30_000);
  return SecretCode!;
}
