/**
 * GetTokensFromRefreshToken (Amplify v6's refresh) and the app client's RefreshTokenRotation:
 * rotation itself, its grace period, and reuse detection, which ends the session.
 */
import {
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, SECOND, createApp, decodeJwt, refresh, signedInUser, useEngine } from '../../support/cognito';

const ctx = useEngine();
let plain: App;
let rotating: App;
let strict: App;
beforeAll(async () => {
  plain = await createApp(ctx.t);
  rotating = await createApp(ctx.t, {}, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } });
  strict = await createApp(ctx.t, {}, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
});

const getTokens = (app: App, RefreshToken: string, extra: { ClientSecret?: string } = {}) =>
  ctx.t.admin.send(new GetTokensFromRefreshTokenCommand({ ClientId: app.clientId, RefreshToken, ...extra }));
const getUser = (AccessToken: string) => ctx.t.admin.send(new GetUserCommand({ AccessToken }));
const reused = { name: 'RefreshTokenReuseException' };
const revoked = { name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' };

describe('the client setting', () => {
  test('CreateUserPoolClient, UpdateUserPoolClient and DescribeUserPoolClient take and echo it', async () => {
    const describe = async (app: App) =>
      (await ctx.t.admin.send(new DescribeUserPoolClientCommand({ UserPoolId: app.poolId, ClientId: app.clientId }))).UserPoolClient!;
    expect((await describe(rotating)).RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 10 });
    expect((await describe(plain)).RefreshTokenRotation).toEqual({ Feature: 'DISABLED', RetryGracePeriodSeconds: 0 });
    const app = await createApp(ctx.t);
    const before = await describe(app);
    const { UserPoolClient: updated } = await ctx.t.admin.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: app.poolId,
        ClientId: app.clientId,
        ClientName: 'renamed',
        ExplicitAuthFlows: before.ExplicitAuthFlows,
        RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 },
      }),
    );
    expect(updated).toMatchObject({ ClientId: app.clientId, ClientName: 'renamed', RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 } });
    expect(await describe(app)).toEqual(updated);
    expect(updated!.CreationDate).toEqual(before.CreationDate);
  });

  test('a grace period outside 0-60 s, or an unknown Feature, is refused', async () => {
    await expect(createApp(ctx.t, {}, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 61 } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(createApp(ctx.t, {}, { RefreshTokenRotation: { Feature: 'SOMETIMES' as 'ENABLED' } })).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  test('UpdateUserPoolClient of a client the pool does not have is ResourceNotFoundException', async () => {
    await expect(ctx.t.admin.send(new UpdateUserPoolClientCommand({ UserPoolId: plain.poolId, ClientId: rotating.clientId }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

describe('without rotation', () => {
  test('GetTokensFromRefreshToken returns new ID and access tokens of the same session, and no refresh token', async () => {
    const user = await signedInUser(plain);
    ctx.clock.advance(5 * SECOND);
    const { AuthenticationResult: result } = await getTokens(plain, user.tokens.RefreshToken);
    expect(result).toMatchObject({ TokenType: 'Bearer', AccessToken: expect.any(String), IdToken: expect.any(String) });
    expect(result!.RefreshToken).toBeUndefined();
    expect(decodeJwt(result!.AccessToken!).payload.origin_jti).toBe(decodeJwt(user.tokens.AccessToken).payload.origin_jti);
    await expect(getTokens(plain, user.tokens.RefreshToken)).resolves.toBeDefined();
  });

  test('a forged or foreign token is Invalid Refresh Token', async () => {
    const user = await signedInUser(plain);
    await expect(getTokens(rotating, user.tokens.RefreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
    const [sessionId] = user.tokens.RefreshToken.split('.');
    await expect(getTokens(plain, `${sessionId}.${'A'.repeat(43)}`)).rejects.toMatchObject({ message: 'Invalid Refresh Token' });
  });
});

describe('with rotation', () => {
  test('each refresh returns a new refresh token; the previous one works again only within the grace period, with the same answer', async () => {
    const user = await signedInUser(rotating);
    const first = (await getTokens(rotating, user.tokens.RefreshToken)).AuthenticationResult!;
    expect(first.RefreshToken).toEqual(expect.any(String));
    expect(first.RefreshToken).not.toBe(user.tokens.RefreshToken);
    // A client that lost the answer retries within the grace period, and gets the same new token.
    ctx.clock.advance(9 * SECOND);
    const retry = (await getTokens(rotating, user.tokens.RefreshToken)).AuthenticationResult!;
    expect(retry.RefreshToken).toBe(first.RefreshToken);
    const second = (await getTokens(rotating, first.RefreshToken!)).AuthenticationResult!;
    expect(second.RefreshToken).not.toBe(first.RefreshToken);
    await expect(getUser(second.AccessToken!)).resolves.toMatchObject({ Username: user.sub });
  });

  test('reuse after the grace period ends the session: RefreshTokenReuseException, then its tokens are refused', async () => {
    const user = await signedInUser(rotating);
    const rotated = (await getTokens(rotating, user.tokens.RefreshToken)).AuthenticationResult!;
    ctx.clock.advance(11 * SECOND);
    await expect(getTokens(rotating, user.tokens.RefreshToken)).rejects.toMatchObject(reused);
    await expect(getTokens(rotating, rotated.RefreshToken!)).rejects.toMatchObject(revoked);
    await expect(getUser(rotated.AccessToken!)).rejects.toMatchObject({ message: 'Access Token has been revoked' });
  });

  test('a token two rotations old is a reuse even within the grace period', async () => {
    const user = await signedInUser(rotating);
    const one = (await getTokens(rotating, user.tokens.RefreshToken)).AuthenticationResult!;
    await getTokens(rotating, one.RefreshToken!);
    await expect(getTokens(rotating, user.tokens.RefreshToken)).rejects.toMatchObject(reused);
  });

  test('with a grace period of 0, the rotated-out token is a reuse at once', async () => {
    const user = await signedInUser(strict);
    await getTokens(strict, user.tokens.RefreshToken);
    await expect(getTokens(strict, user.tokens.RefreshToken)).rejects.toMatchObject(reused);
  });

  test('a forged token of an older generation is invalid, not a reuse: the session lives on', async () => {
    const user = await signedInUser(rotating);
    const rotated = (await getTokens(rotating, user.tokens.RefreshToken)).AuthenticationResult!;
    const [sessionId] = user.tokens.RefreshToken.split('.');
    await expect(getTokens(rotating, `${sessionId}.${'B'.repeat(43)}`)).rejects.toMatchObject({ message: 'Invalid Refresh Token' });
    await expect(getTokens(rotating, rotated.RefreshToken!)).resolves.toBeDefined();
  });

  test('parallel refreshes with one token all get the same new token', async () => {
    const user = await signedInUser(rotating);
    const answers = await Promise.all(Array.from({ length: 5 }, () => getTokens(rotating, user.tokens.RefreshToken)));
    expect(new Set(answers.map((a) => a.AuthenticationResult!.RefreshToken)).size).toBe(1);
  });

  test('REFRESH_TOKEN_AUTH is refused for a rotating client, as in Cognito', async () => {
    const user = await signedInUser(rotating);
    await expect(refresh(rotating, user.tokens.RefreshToken)).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  test('a client with a secret must send it', async () => {
    const app = await createApp(ctx.t, {}, { GenerateSecret: true, RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
    const user = await signedInUser(app);
    await expect(getTokens(app, user.tokens.RefreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(getTokens(app, user.tokens.RefreshToken, { ClientSecret: app.clientSecret })).resolves.toMatchObject({
      AuthenticationResult: { RefreshToken: expect.any(String) },
    });
  });
});
