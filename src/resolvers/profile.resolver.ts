/** The signed-in user's own account: profile, attributes, verification, password, deletion. */
import { Arg, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { BackendCost } from '../limits/cost';
import { SecretOperation, subjects } from '../auth/secrets';
import { ApiContext, signedIn } from '../context';
import { toCognitoAttributes } from '../datasources/cognito/attributes';
import { callerMetadata } from '../datasources/cognito/callerMetadata';
import { badInput } from '../errors';
import { UserAttributesInput } from '../schema/types/account.types';
import { CodeDeliveryDetails } from '../schema/types/common.types';
import { ChangePasswordInput, ChangePasswordResult, ConfirmAttributeInput, UpdateAttributesResult, User, VerifiableAttribute } from '../schema/types/profile.types';
import { guardAdmins } from './adminSafety';
import { forgetUser, mirrorUser, recordEvent } from './directorySync';
import { endEverySession, nextSecond } from './endSessions';
import * as check from './input';
import { callerSession, endListedSessions, recordSignIn } from './signInSessions';

@Resolver()
export class ProfileResolver {
  @BackendCost({ calls: 1 })
  @Directive('@aws_cognito_user_pools')
  @Query(() => User, { nullable: true, description: 'The signed-in user.' })
  async me(@Ctx() context: ApiContext): Promise<User> {
    return context.sources.profile.signedInUser(signedIn(context).identity);
  }

  @BackendCost({ calls: 2 })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => UpdateAttributesResult, { nullable: true, description: 'Changes profile attributes; a changed email or phone must be verified again.' })
  async updateMyAttributes(@Arg('input') input: UserAttributesInput, @Ctx() context: ApiContext): Promise<UpdateAttributesResult> {
    const account = signedIn(context);
    const attributes = toCognitoAttributes(input as Record<string, unknown>);
    if (attributes.length === 0) throw badInput('Give at least one attribute to change');
    const codeDeliveryDetails = await context.sources.profile.updateAttributes(account, attributes);
    const user = await context.sources.profile.getUser(account.username);
    await Promise.all([mirrorUser(context, user), recordEvent(context, user.sub, 'ATTRIBUTES_CHANGED')]);
    return { user, codeDeliveryDetails };
  }

  @BackendCost({ calls: 1 })
  @SecretOperation({ kind: 'send', subject: subjects.caller })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => CodeDeliveryDetails, { nullable: true, description: 'Sends a code to verify the email or phone number.' })
  async sendAttributeVerificationCode(
    @Arg('attribute', () => VerifiableAttribute) attribute: VerifiableAttribute,
    @Ctx() context: ApiContext,
  ): Promise<CodeDeliveryDetails | undefined> {
    return context.sources.profile.sendVerificationCode(signedIn(context).accessToken, attribute);
  }

  @BackendCost({ calls: 2 })
  @SecretOperation({ kind: 'code', subject: subjects.caller })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => User, { nullable: true, description: 'Verifies the email or phone number with the code that was sent.' })
  async confirmAttribute(@Arg('input') input: ConfirmAttributeInput, @Ctx() context: ApiContext): Promise<User> {
    const account = signedIn(context);
    check.code(input.code);
    await context.sources.profile.verifyAttribute(account, input.attribute, input.code);
    const user = await context.sources.profile.getUser(account.username);
    await Promise.all([mirrorUser(context, user), recordEvent(context, user.sub, 'ATTRIBUTES_CHANGED', `verified ${input.attribute}`)]);
    return user;
  }

  @SecretOperation({ kind: 'password', subject: subjects.caller })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => ChangePasswordResult, {
    nullable: true,
    description: "Changes the signed-in user's password and ends their other sessions (unless keepOtherSessions); this session continues with the new tokens returned.",
  })
  @BackendCost({ calls: 5 }) // the change, the user's factors, every session ended (the revocation record, Cognito), a new sign-in
  async changePassword(@Arg('input') input: ChangePasswordInput, @Ctx() context: ApiContext): Promise<ChangePasswordResult> {
    check.password(input.oldPassword, 'oldPassword');
    check.password(input.newPassword, 'newPassword');
    const account = signedIn(context);
    await context.sources.profile.changePassword(account, input.oldPassword, input.newPassword);
    await recordEvent(context, account.identity.sub, 'PASSWORD_CHANGED');
    if (input.keepOtherSessions) return { otherSessionsEnded: false };
    // A user with a second factor cannot be signed in again here (it would stop at the MFA step,
    // and an emailed code would be sent for nothing): their other sessions are ended one by one
    // from the directory's list instead, and this one carries on with its tokens.
    if ((await context.sources.mfa.preference(account.accessToken)).enabled.length > 0) {
      await endListedSessions(context, account.identity.sub, callerSession(context)?.originJti);
      return { otherSessionsEnded: true };
    }
    // Cognito cannot end all sessions but one, so all end and this one starts again, with the
    // password just set, in a later second than the sign-out (see nextSecond).
    await endEverySession(context, account.identity);
    await nextSecond();
    const signIn = await context.sources.session.signIn({ username: account.username, password: input.newPassword, fallbackDeviceName: (context.userAgent ?? '').slice(0, 256) || 'Browser' }, callerMetadata(context));
    await recordSignIn(context, signIn.tokens);
    return { otherSessionsEnded: true, tokens: signIn.tokens };
  }

  @BackendCost({ calls: 7 }) // the safety rail (lease, user, groups, Admins), the revocation record, DeleteUser
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => Boolean, { nullable: true, description: "Deletes the signed-in user's account. This cannot be undone." })
  async deleteMyAccount(@Ctx() context: ApiContext): Promise<boolean> {
    const account = signedIn(context);
    // The last enabled admin deleting themselves would strand Admins, as adminDeleteUser would.
    await guardAdmins(context, { kind: 'delete', username: account.username }, async () => {
      await context.sources.revocations.signedOutEverywhere(account.identity.sub);
      await context.sources.profile.deleteUser(account);
    });
    await forgetUser(context, account.identity.sub);
    return true;
  }
}
