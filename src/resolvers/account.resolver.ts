/** Sign-up, confirmation and password recovery: public operations behind the app's API key. */
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { BackendCost } from '../limits/cost';
import { SecretOperation, subjects } from '../auth/secrets';
import type { ApiContext } from '../context';
import { toCognitoAttributes } from '../datasources/cognito/attributes';
import { callerMetadata } from '../datasources/cognito/callerMetadata';
import {
  ConfirmResetPasswordInput,
  ConfirmSignUpInput,
  ResendSignUpCodeResult,
  ResetPasswordResult,
  ResetPasswordStep,
  SignUpInput,
  SignUpResult,
  SignUpStep,
  UsernameInput,
} from '../schema/types/account.types';
import { ApiError } from '../errors';
import { mirrorUser, mirrorUserNamed, recordEvent } from './directorySync';
import { endEverySessionOf } from './endSessions';
import * as check from './input';

@Resolver()
export class AccountResolver {
  @BackendCost({ calls: 1 })
  @SecretOperation({ kind: 'send', subject: subjects.typedUsername })
  @Directive('@aws_api_key')
  @Mutation(() => SignUpResult, { nullable: true, description: 'Registers a user; a confirmation code is sent to them.' })
  async signUp(@Arg('input') input: SignUpInput, @Ctx() context: ApiContext): Promise<SignUpResult> {
    const { sources } = context;
    check.username(input.username);
    check.password(input.password);
    const attributes = toCognitoAttributes(input.attributes as Record<string, unknown> | undefined);
    check.usernameAgreesWithAttributes(await sources.pool.signInAttributes(), input.username, attributes);
    const result = await sources.account.signUp(input.username, input.password, attributes, callerMetadata(context));
    if (result.userSub) await recordEvent(context, result.userSub, 'SIGNED_UP');
    // Auto-confirmed by PreSignUp: PostConfirmation does not run, so the record is made here.
    if (result.confirmed) await mirrorUserNamed(context, input.username);
    return {
      isSignUpComplete: result.confirmed,
      userId: result.userSub,
      nextStep: { signUpStep: result.confirmed ? SignUpStep.DONE : SignUpStep.CONFIRM_SIGN_UP, codeDeliveryDetails: result.delivery },
    };
  }

  @BackendCost({ calls: 1 })
  @SecretOperation({ kind: 'code', subject: subjects.typedUsername })
  @Directive('@aws_api_key')
  @Mutation(() => SignUpResult, { nullable: true, description: 'Confirms a sign-up with the code that was sent.' })
  async confirmSignUp(@Arg('input') input: ConfirmSignUpInput, @Ctx() context: ApiContext): Promise<SignUpResult> {
    check.username(input.username);
    check.code(input.code);
    await context.sources.account.confirmSignUp(input.username, input.code, callerMetadata(context));
    // PostConfirmation makes the record; this covers a trigger that failed or is not deployed.
    await mirrorUserNamed(context, input.username);
    return { isSignUpComplete: true, nextStep: { signUpStep: SignUpStep.DONE } };
  }

  @BackendCost({ calls: 1 })
  @SecretOperation({ kind: 'send', subject: subjects.typedUsername })
  @Directive('@aws_api_key')
  @Mutation(() => ResendSignUpCodeResult, { nullable: true, description: 'Sends a new sign-up code; the old one stops working.' })
  async resendSignUpCode(@Arg('input') input: UsernameInput, @Ctx() { sources }: ApiContext): Promise<ResendSignUpCodeResult> {
    check.username(input.username);
    const details = await sources.account.resendSignUpCode(input.username);
    if (!details) throw new ApiError('INTERNAL_SERVER_ERROR', 'No code could be sent for this account.');
    return { codeDeliveryDetails: details };
  }

  @BackendCost({ calls: 1 })
  @SecretOperation({ kind: 'send', subject: subjects.typedUsername })
  @Directive('@aws_api_key')
  @Mutation(() => ResetPasswordResult, { nullable: true, description: 'Starts a password reset: a code is sent to the verified email or phone.' })
  async resetPassword(@Arg('input') input: UsernameInput, @Ctx() { sources }: ApiContext): Promise<ResetPasswordResult> {
    check.username(input.username);
    const details = await sources.account.forgotPassword(input.username);
    return {
      isPasswordReset: false,
      nextStep: { resetPasswordStep: ResetPasswordStep.CONFIRM_RESET_PASSWORD_WITH_CODE, codeDeliveryDetails: details },
    };
  }

  @BackendCost({ calls: 4 }) // the reset, then every session ended (the user, the revocation record, Cognito)
  @SecretOperation({ kind: 'code', subject: subjects.typedUsername })
  @Directive('@aws_api_key')
  @Mutation(() => ResetPasswordResult, { nullable: true, description: "Sets a new password with the reset code; every one of the user's sessions ends." })
  async confirmResetPassword(@Arg('input') input: ConfirmResetPasswordInput, @Ctx() context: ApiContext): Promise<ResetPasswordResult> {
    check.username(input.username);
    check.code(input.code);
    check.password(input.newPassword, 'newPassword');
    await context.sources.account.confirmForgotPassword(input.username, input.code, input.newPassword, callerMetadata(context));
    // Whoever held the account before the reset holds none of its sessions after it.
    const account = await endEverySessionOf(context, input.username);
    context.sources.profile.forgetCopy(account.username);
    await mirrorUser(context, account);
    return { isPasswordReset: true, nextStep: { resetPasswordStep: ResetPasswordStep.DONE } };
  }
}
