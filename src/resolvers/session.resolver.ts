/** Signing in (as steps), refreshing, and signing out. */
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { BackendCost } from '../limits/cost';
import { SecretOperation, subjects } from '../auth/secrets';
import { ApiContext, signedIn } from '../context';
import { toCognitoAttributes } from '../datasources/cognito/attributes';
import { callerMetadata } from '../datasources/cognito/callerMetadata';
import { ConfirmSignInInput, RefreshSessionInput, SignInInput, SignInResult, SignOutInput } from '../schema/types/session.types';
import { badInput } from '../errors';
import { isWrongPassword, noteFailedSignIn, recordEvent } from './directorySync';
import * as check from './input';

/** Longest an access token can live (Cognito's maximum validity): revocation records outlive it. */
const MAX_ACCESS_TOKEN_MS = 24 * 3600_000;

@Resolver()
export class SessionResolver {
  @BackendCost({ calls: 1 })
  @SecretOperation({ kind: 'password', subject: subjects.typedUsername })
  @Directive('@aws_api_key')
  @Mutation(() => SignInResult, { nullable: true, description: 'Signs in with username and password; the result names the next step.' })
  async signIn(@Arg('input') input: SignInInput, @Ctx() context: ApiContext): Promise<SignInResult> {
    check.username(input.username);
    check.password(input.password);
    try {
      return await context.sources.session.signIn(input.username, input.password, callerMetadata(context));
    } catch (error) {
      // Not awaited: the answer must not wait (or take longer) for a known account than for an unknown one.
      if (isWrongPassword(error)) void noteFailedSignIn(context, input.username);
      throw error;
    }
  }

  @BackendCost({ calls: 1 })
  @SecretOperation({ kind: 'password', subject: subjects.inputField('session') })
  @Directive('@aws_api_key')
  @Mutation(() => SignInResult, { nullable: true, description: 'Answers the challenge named by the previous sign-in step.' })
  async confirmSignIn(@Arg('input') input: ConfirmSignInInput, @Ctx() context: ApiContext): Promise<SignInResult> {
    check.text(input.session, 'session', 8192);
    check.password(input.challengeResponse, 'challengeResponse');
    const attributes = toCognitoAttributes(input.attributes as Record<string, unknown> | undefined);
    return context.sources.session.confirmSignIn(input.session, input.challengeResponse, attributes, callerMetadata(context));
  }

  @BackendCost({ calls: 1 })
  @SecretOperation({ kind: 'token', subject: subjects.inputField('refreshToken') })
  @Directive('@aws_api_key')
  @Mutation(() => SignInResult, { nullable: true, description: 'New ID and access tokens from a refresh token.' })
  async refreshSession(@Arg('input') input: RefreshSessionInput, @Ctx() { sources }: ApiContext): Promise<SignInResult> {
    check.token(input.refreshToken, 'refreshToken');
    if (input.username !== undefined && input.username !== null) check.username(input.username);
    return sources.session.refresh(input.refreshToken, input.username ?? undefined);
  }

  @BackendCost({ calls: 3 }) // the token's check, the session's revocation record, RevokeToken
  @SecretOperation({ kind: 'token', subject: subjects.caller })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => Boolean, { nullable: true, description: 'Signs this session out: revokes its refresh token and its access tokens.' })
  async signOut(@Arg('input') input: SignOutInput, @Ctx() context: ApiContext): Promise<boolean> {
    const { identity } = signedIn(context);
    check.token(input.refreshToken, 'refreshToken');
    // Otherwise a mistyped token would leave the caller's real one live, and another user's
    // token would end that user's session.
    if (!(await context.sources.session.isRefreshTokenOf(input.refreshToken, identity))) {
      throw badInput("refreshToken is not this session's refresh token", 'refreshToken');
    }
    if (identity.claims.origin_jti) {
      await context.sources.revocations.sessionRevoked(identity.claims.origin_jti, Date.now() + MAX_ACCESS_TOKEN_MS);
    }
    await context.sources.session.revoke(input.refreshToken);
    return true;
  }

  @BackendCost({ calls: 2 })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => Boolean, { nullable: true, description: "Signs out all of the user's sessions on every device." })
  async globalSignOut(@Ctx() context: ApiContext): Promise<boolean> {
    const { identity, accessToken } = signedIn(context);
    // Our record first: if Cognito then fails, tokens are refused here anyway (fail closed).
    await context.sources.revocations.signedOutEverywhere(identity.sub);
    await context.sources.session.globalSignOut(accessToken);
    await recordEvent(context, identity.sub, 'SIGNED_OUT_EVERYWHERE');
    return true;
  }
}
