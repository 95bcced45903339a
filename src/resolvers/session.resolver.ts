/** Signing in (as steps), refreshing, and signing out. */
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { BackendCost } from '../limits/cost';
import { SecretOperation, subjects } from '../auth/secrets';
import { ApiContext, signedIn } from '../context';
import { toCognitoAttributes } from '../datasources/cognito/attributes';
import { callerMetadata } from '../datasources/cognito/callerMetadata';
import type { PresentedDevice } from '../datasources/cognito/session.datasource';
import { unverifiedClaims } from '../datasources/cognito/shapes';
import { answerKind, peekSession } from '../datasources/cognito/signInSteps';
import type { SecretKind } from '../auth/rateLimitPolicy';
import {
  AuthFactor,
  ConfirmSignInInput,
  DeviceInput,
  RefreshSessionInput,
  SignInAuthFlow,
  SignInInput,
  SignInResult,
  SignOutInput,
} from '../schema/types/session.types';
import { ApiError, badInput } from '../errors';
import { isWrongPassword, noteFailedSignIn, recordEvent } from './directorySync';
import * as check from './input';
import { callerSession, endListedSessions, MAX_ACCESS_TOKEN_MS, noteRefresh, recordSignIn } from './signInSessions';

/** A device as presented, checked before anything is sent. */
function presentedDevice(device: DeviceInput | undefined | null): PresentedDevice | undefined {
  if (!device) return undefined;
  if (!/^[\w-]+_[0-9a-f-]+$/.test(device.key) || device.key.length > 55) throw badInput('device.key is not a device key', 'device.key');
  if (!/^-?[\w-]{1,64}$/.test(device.groupKey)) throw badInput('device.groupKey is not a device group key', 'device.groupKey');
  if (!/^[A-Za-z0-9+/=_-]{16,256}$/.test(device.secret)) throw badInput('device.secret is not a device secret', 'device.secret');
  return { key: device.key, groupKey: device.groupKey, secret: device.secret };
}

const deviceName = (given: string | undefined | null): string | undefined => (given ? check.text(given, 'deviceName', 256) : undefined);
const userAgentName = (context: ApiContext): string => (context.userAgent ?? '').slice(0, 256) || 'Browser';

/** Passwordless USER_AUTH with a code named up front sends one: the send budget. Anything else checks a password. */
const signInKind = (args: Record<string, unknown>): SecretKind => {
  const input = args.input as { authFlow?: string; preferredChallenge?: string } | undefined;
  return input?.authFlow === SignInAuthFlow.USER_AUTH && (input.preferredChallenge === AuthFactor.EMAIL_OTP || input.preferredChallenge === AuthFactor.SMS_OTP) ? 'send' : 'password';
};

/** The account a sign-in session is for (as Cognito named it), so all answers of one account share its budget. */
const sessionAccount = (args: Record<string, unknown>): string | undefined => {
  const session = (args.input as { session?: unknown } | undefined)?.session;
  return peekSession(session)?.username.toLowerCase() ?? (typeof session === 'string' ? session : undefined);
};

@Resolver()
export class SessionResolver {
  @BackendCost({ calls: 5 }) // InitiateAuth, a device's two proofs or ConfirmDevice, the session record (and the pool's token lifetime, once)
  @SecretOperation({ kind: 'password', kindFor: signInKind, subject: subjects.typedUsername })
  @Directive('@aws_api_key')
  @Mutation(() => SignInResult, {
    nullable: true,
    description:
      'Signs in: with username and password (USER_PASSWORD_AUTH), or choice-based (USER_AUTH: the password or a one-time code by email or SMS). The result names the next step; a remembered device skips MFA.',
  })
  async signIn(@Arg('input') input: SignInInput, @Ctx() context: ApiContext): Promise<SignInResult> {
    check.username(input.username);
    if (input.password !== undefined && input.password !== null) check.password(input.password);
    const device = presentedDevice(input.device);
    try {
      const result = await context.sources.session.signIn(
        {
          username: input.username,
          password: input.password ?? undefined,
          flow: input.authFlow ?? undefined,
          preferred: input.preferredChallenge ?? undefined,
          device,
          deviceName: deviceName(input.deviceName),
          fallbackDeviceName: userAgentName(context),
        },
        callerMetadata(context),
      );
      await recordSignIn(context, result.tokens);
      return result;
    } catch (error) {
      // Not awaited: the answer must not wait (or take longer) for a known account than for an unknown one.
      if (isWrongPassword(error)) void noteFailedSignIn(context, input.username);
      throw error;
    }
  }

  @BackendCost({ calls: 5 })
  @SecretOperation({ kind: 'password', kindFor: (args) => answerKind((args.input as { session?: unknown })?.session, (args.input as { challengeResponse?: unknown })?.challengeResponse), subject: sessionAccount })
  @Directive('@aws_api_key')
  @Mutation(() => SignInResult, { nullable: true, description: 'Answers the step named by the previous sign-in result, with its session.' })
  async confirmSignIn(@Arg('input') input: ConfirmSignInInput, @Ctx() context: ApiContext): Promise<SignInResult> {
    check.text(input.session, 'session', 8192);
    check.password(input.challengeResponse, 'challengeResponse');
    const attributes = toCognitoAttributes(input.attributes as Record<string, unknown> | undefined);
    const result = await context.sources.session.confirmSignIn(
      { session: input.session, answer: input.challengeResponse, attributes, device: presentedDevice(input.device), deviceName: deviceName(input.deviceName), fallbackDeviceName: userAgentName(context) },
      callerMetadata(context),
    );
    await recordSignIn(context, result.tokens);
    return result;
  }

  @BackendCost({ calls: 3 }) // InitiateAuth, the family's revocation record, the session's use
  @SecretOperation({ kind: 'token', subject: subjects.inputField('refreshToken') })
  @Directive('@aws_api_key')
  @Mutation(() => SignInResult, { nullable: true, description: 'New ID and access tokens from a refresh token.' })
  async refreshSession(@Arg('input') input: RefreshSessionInput, @Ctx() context: ApiContext): Promise<SignInResult> {
    check.token(input.refreshToken, 'refreshToken');
    if (input.username !== undefined && input.username !== null) check.username(input.username);
    const result = await context.sources.session.refresh(input.refreshToken, input.username ?? undefined);
    // A session ended from the list (endSession) keeps its refresh token at Cognito, which the
    // API does not hold; its family's revocation record refuses it here.
    const claims = unverifiedClaims(result.tokens?.accessToken);
    if (claims?.sub && (await context.sources.revocations.state(claims.sub, claims.origin_jti)).sessionRevoked) {
      throw new ApiError('NOT_AUTHORIZED', 'Refresh Token has been revoked');
    }
    await noteRefresh(context, result.tokens);
    return result;
  }

  @BackendCost({ calls: 4 }) // the token's check, the session's revocation record, RevokeToken, the session record
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
    const ref = callerSession(context);
    if (ref) await context.sources.sessions.ended(ref);
    return true;
  }

  @BackendCost({ calls: 4 })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => Boolean, { nullable: true, description: "Signs out all of the user's sessions on every device (and ends every session mySessions lists)." })
  async globalSignOut(@Ctx() context: ApiContext): Promise<boolean> {
    const { identity, accessToken } = signedIn(context);
    // Our record first: if Cognito then fails, tokens are refused here anyway (fail closed).
    await context.sources.revocations.signedOutEverywhere(identity.sub);
    await context.sources.session.globalSignOut(accessToken);
    await endListedSessions(context, identity.sub);
    await recordEvent(context, identity.sub, 'SIGNED_OUT_EVERYWHERE');
    return true;
  }
}
