/**
 * Second factors: the signed-in user sets up an authenticator app and chooses their factors
 * (after proving a recent sign-in or their password, with a security event and the option to end
 * their other sessions); admins see anyone's and can turn them off (for a user who lost their
 * phone), with an event naming the admin.
 */
import { Arg, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SecretOperation, subjects } from '../auth/secrets';
import { ApiContext, signedIn } from '../context';
import { badInput } from '../errors';
import { BackendCost } from '../limits/cost';
import { ADMINS_ONLY } from '../schema/directives';
import { MfaChangeResult, MfaFactorsInput, MfaPreference, MfaPreferenceInput, VerifyTotpSetupInput } from '../schema/types/mfa.types';
import { User } from '../schema/types/profile.types';
import { TotpSetupDetails } from '../schema/types/session.types';
import { adminChanged, recordEvent } from './directorySync';
import * as check from './input';
import { requireRecentAuthentication } from './reauthentication';
import { callerSession, endListedSessions } from './signInSessions';

function factorsGiven(input: MfaFactorsInput): MfaFactorsInput {
  const factors = { totp: input.totp ?? undefined, email: input.email ?? undefined, sms: input.sms ?? undefined };
  if (!factors.totp && !factors.email && !factors.sms) throw badInput('Give at least one of totp, email or sms');
  return factors;
}

/** After a factor change: the event, and the other sessions ended when asked. */
async function afterChange(context: ApiContext, endOtherSessions: boolean | undefined | null): Promise<MfaChangeResult> {
  const { identity, accessToken } = signedIn(context);
  await recordEvent(context, identity.sub, 'MFA_CHANGED');
  if (endOtherSessions) await endListedSessions(context, identity.sub, callerSession(context)?.originJti);
  return { mfaPreference: await context.sources.mfa.preference(accessToken), otherSessionsEnded: !!endOtherSessions };
}

@Resolver(() => User)
export class MfaResolver {
  @BackendCost({ calls: 1 })
  @Directive('@aws_cognito_user_pools')
  @Query(() => MfaPreference, { nullable: true, description: "The signed-in user's second factors." })
  async myMfaPreference(@Ctx() context: ApiContext): Promise<MfaPreference> {
    return context.sources.mfa.preference(signedIn(context).accessToken);
  }

  @BackendCost({ calls: 2 })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => TotpSetupDetails, {
    nullable: true,
    description: 'Starts setting up an authenticator app: a new secret (and its otpauth:// URI for a QR code). Nothing changes until verifyTotpSetup.',
  })
  async setUpTotp(@Ctx() context: ApiContext): Promise<TotpSetupDetails> {
    const { identity, accessToken } = signedIn(context);
    const user = await context.sources.profile.signedInUser(identity);
    return context.sources.mfa.associateTotp(accessToken, user.email ?? identity.username);
  }

  @BackendCost({ calls: 5 }) // the password check, VerifySoftwareToken, SetUserMFAPreference, the event, the preference read
  @SecretOperation({ kind: 'code', kindFor: (args) => ((args.input as { currentPassword?: unknown })?.currentPassword ? 'password' : 'code'), subject: subjects.caller })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => MfaChangeResult, {
    nullable: true,
    description: 'Confirms the authenticator app with a code from it, and turns TOTP on. Needs a sign-in in the last 5 minutes, or currentPassword.',
  })
  async verifyTotpSetup(@Arg('input') input: VerifyTotpSetupInput, @Ctx() context: ApiContext): Promise<MfaChangeResult> {
    check.code(input.code);
    if (input.friendlyDeviceName) check.text(input.friendlyDeviceName, 'friendlyDeviceName', 128);
    await requireRecentAuthentication(context, input.currentPassword);
    await context.sources.mfa.verifyTotp(signedIn(context).accessToken, input.code, input.friendlyDeviceName ?? undefined);
    return afterChange(context, input.endOtherSessions);
  }

  @BackendCost({ calls: 4 })
  @SecretOperation({ kind: 'password', subject: subjects.caller })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => MfaChangeResult, {
    nullable: true,
    description: 'Turns second factors on or off, or chooses the preferred one. Needs a sign-in in the last 5 minutes, or currentPassword.',
  })
  async updateMfaPreference(@Arg('input') input: MfaPreferenceInput, @Ctx() context: ApiContext): Promise<MfaChangeResult> {
    const factors = factorsGiven(input);
    await requireRecentAuthentication(context, input.currentPassword);
    await context.sources.mfa.setPreference(signedIn(context).accessToken, factors);
    return afterChange(context, input.endOtherSessions);
  }

  @BackendCost({ calls: 1 })
  @FieldResolver(() => MfaPreference, { nullable: true, description: "The user's second factors." })
  async mfaPreference(@Root() user: User, @Ctx() context: ApiContext): Promise<MfaPreference> {
    return context.sources.mfa.adminPreference(user.username);
  }

  @BackendCost({ calls: 5 }) // the user, the change, the event, the mirror, the preference read
  @Directive(ADMINS_ONLY)
  @Mutation(() => MfaPreference, { nullable: true, description: "Changes a user's second factors (for example off, for a user who lost their phone). Leaves a security event naming the admin." })
  async adminSetUserMfaPreference(@Arg('username') username: string, @Arg('input') input: MfaFactorsInput, @Ctx() context: ApiContext): Promise<MfaPreference> {
    const factors = factorsGiven(input);
    const user = await context.loaders.user.load(check.username(username));
    await context.sources.mfa.adminSetPreference(user.username, factors);
    await adminChanged(context, user, 'adminSetUserMfaPreference');
    return context.sources.mfa.adminPreference(user.username);
  }
}
