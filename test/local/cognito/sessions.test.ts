import {
  AdminInitiateAuthCommand,
  DeleteUserCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  App,
  DAY,
  HOUR,
  confirmedUser,
  createApp,
  decodeJwt,
  refresh,
  signIn,
  signedInUser,
  useEngine,
} from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const getUser = (accessToken: string) => ctx.t.admin.send(new GetUserCommand({ AccessToken: accessToken }));
const revoke = (token: string, target: App = app, clientSecret?: string) =>
  ctx.t.admin.send(new RevokeTokenCommand({ ClientId: target.clientId, Token: token, ClientSecret: clientSecret }));

const accessRevoked = { name: 'NotAuthorizedException', message: 'Access Token has been revoked' };
const refreshRevoked = { name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' };
const invalidRefresh = { name: 'NotAuthorizedException', message: 'Invalid Refresh Token' };

describe('REFRESH_TOKEN_AUTH', () => {
  test('returns new ID and access tokens of the same session, and no refresh token', async () => {
    const user = await signedInUser(app);
    ctx.clock.advance(10_000);
    const { AuthenticationResult: result } = await refresh(app, user.tokens.RefreshToken);
    expect(result).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600, AccessToken: expect.any(String), IdToken: expect.any(String) });
    expect(result!.RefreshToken).toBeUndefined();
    const before = decodeJwt(user.tokens.AccessToken).payload;
    const after = decodeJwt(result!.AccessToken!).payload;
    expect(after).toMatchObject({ sub: user.sub, origin_jti: before.origin_jti, auth_time: before.auth_time });
    expect(after.iat).toBe((before.iat as number) + 10);
    expect((await getUser(result!.AccessToken!)).Username).toBe(user.sub);
  });

  test('keeps working after the access token expired, until the refresh token expires (30 days)', async () => {
    const user = await signedInUser(app);
    ctx.clock.advance(2 * HOUR);
    await expect(getUser(user.tokens.AccessToken)).rejects.toMatchObject({ message: 'Access Token has expired' });
    const { AuthenticationResult } = await refresh(app, user.tokens.RefreshToken);
    await expect(getUser(AuthenticationResult!.AccessToken!)).resolves.toMatchObject({ Username: user.sub });
    ctx.clock.advance(30 * DAY);
    await expect(refresh(app, user.tokens.RefreshToken)).rejects.toMatchObject(invalidRefresh);
  });

  test('refuses a forged or foreign refresh token', async () => {
    const user = await signedInUser(app);
    const [sessionId, secret] = user.tokens.RefreshToken.split('.');
    const forged = `${sessionId}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    await expect(refresh(app, forged)).rejects.toMatchObject(invalidRefresh);
    await expect(refresh(app, 'garbage')).rejects.toMatchObject(invalidRefresh);
    const other = await createApp(ctx.t);
    await expect(refresh(other, user.tokens.RefreshToken)).rejects.toMatchObject(invalidRefresh);
  });

  test('AdminInitiateAuth accepts REFRESH_TOKEN_AUTH too', async () => {
    const user = await signedInUser(app);
    const { AuthenticationResult } = await ctx.t.admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: app.poolId,
        ClientId: app.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: user.tokens.RefreshToken },
      }),
    );
    expect(decodeJwt(AuthenticationResult!.AccessToken!).payload).toMatchObject({ sub: user.sub, origin_jti: decodeJwt(user.tokens.AccessToken).payload.origin_jti });
  });

  test("a deleted user's refresh token gives nothing to a new account with the same username", async () => {
    const plain = await createApp(ctx.t, { UsernameAttributes: [] });
    const first = await signedInUser(plain, { username: 'reused-name' });
    await ctx.t.admin.send(new DeleteUserCommand({ AccessToken: first.tokens.AccessToken }));
    const second = await signedInUser(plain, { username: 'reused-name' });
    expect(second.sub).not.toBe(first.sub);
    await expect(refresh(plain, first.tokens.RefreshToken)).rejects.toMatchObject(invalidRefresh);
    await expect(getUser(first.tokens.AccessToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(refresh(plain, second.tokens.RefreshToken)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });

  test('with a client secret, SECRET_HASH is computed over the sub', async () => {
    const secret = await createApp(ctx.t, {}, { GenerateSecret: true });
    const user = await confirmedUser(secret);
    const tokens = await signIn(secret, user.email, user.password);
    await expect(refresh(secret, tokens.RefreshToken)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${secret.clientId} is configured with secret but SECRET_HASH was not received`,
    });
    await expect(refresh(secret, tokens.RefreshToken, user.email)).rejects.toMatchObject({
      message: `Unable to verify secret hash for client ${secret.clientId}`,
    });
    await expect(refresh(secret, tokens.RefreshToken, user.sub)).resolves.toMatchObject({ AuthenticationResult: { AccessToken: expect.any(String) } });
  });
});

describe('RevokeToken', () => {
  test('revokes the refresh token and every access token issued from it, not other sessions', async () => {
    const user = await signedInUser(app);
    const refreshed = (await refresh(app, user.tokens.RefreshToken)).AuthenticationResult!.AccessToken!;
    const otherSession = await signIn(app, user.email, user.password);
    await expect(revoke(user.tokens.RefreshToken)).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
    await expect(refresh(app, user.tokens.RefreshToken)).rejects.toMatchObject(refreshRevoked);
    await expect(getUser(user.tokens.AccessToken)).rejects.toMatchObject(accessRevoked);
    await expect(getUser(refreshed)).rejects.toMatchObject(accessRevoked);
    await expect(getUser(otherSession.AccessToken)).resolves.toMatchObject({ Username: user.sub });
    await expect(refresh(app, otherSession.RefreshToken)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
    // Revoking twice, or revoking nonsense, is answered the same way and changes nothing.
    await expect(revoke(user.tokens.RefreshToken)).resolves.toBeDefined();
    await expect(revoke('not-a-refresh-token')).resolves.toBeDefined();
    const fresh = await signIn(app, user.email, user.password);
    await expect(getUser(fresh.AccessToken)).resolves.toMatchObject({ Username: user.sub });
  });

  test("a client cannot revoke another client's token", async () => {
    const user = await signedInUser(app);
    const other = await createApp(ctx.t);
    await revoke(user.tokens.RefreshToken, other);
    await expect(refresh(app, user.tokens.RefreshToken)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
    await expect(getUser(user.tokens.AccessToken)).resolves.toMatchObject({ Username: user.sub });
  });

  test('a client with a secret must present it', async () => {
    const secret = await createApp(ctx.t, {}, { GenerateSecret: true });
    const user = await confirmedUser(secret);
    const tokens = await signIn(secret, user.email, user.password);
    await expect(revoke(tokens.RefreshToken, secret)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(revoke(tokens.RefreshToken, secret, 'wrong-secret')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(getUser(tokens.AccessToken)).resolves.toMatchObject({ Username: user.sub });
    await revoke(tokens.RefreshToken, secret, secret.clientSecret);
    await expect(getUser(tokens.AccessToken)).rejects.toMatchObject(accessRevoked);
  });

  test('is refused when the client has revocation turned off', async () => {
    const noRevoke = await createApp(ctx.t, {}, { EnableTokenRevocation: false });
    const user = await signedInUser(noRevoke);
    await expect(revoke(user.tokens.RefreshToken, noRevoke)).rejects.toMatchObject({
      name: 'UnsupportedOperationException',
      message: 'Token revocation is not enabled for this client.',
    });
    await expect(getUser(user.tokens.AccessToken)).resolves.toMatchObject({ Username: user.sub });
  });
});

describe('GlobalSignOut', () => {
  test('revokes every session of the user; a new sign-in works', async () => {
    const user = await signedInUser(app);
    const second = await signIn(app, user.email, user.password);
    const bystander = await signedInUser(app);
    await ctx.t.admin.send(new GlobalSignOutCommand({ AccessToken: user.tokens.AccessToken }));
    for (const tokens of [user.tokens, second]) {
      await expect(getUser(tokens.AccessToken)).rejects.toMatchObject(accessRevoked);
      await expect(refresh(app, tokens.RefreshToken)).rejects.toMatchObject(refreshRevoked);
    }
    await expect(ctx.t.admin.send(new GlobalSignOutCommand({ AccessToken: second.AccessToken }))).rejects.toMatchObject(accessRevoked);
    await expect(getUser(bystander.tokens.AccessToken)).resolves.toMatchObject({ Username: bystander.sub });
    // In the same millisecond as the sign-out, and later.
    const again = await signIn(app, user.email, user.password);
    await expect(getUser(again.AccessToken)).resolves.toMatchObject({ Username: user.sub });
    await expect(refresh(app, again.RefreshToken)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
    ctx.clock.advance(1000);
    const later = await signIn(app, user.email, user.password);
    await expect(getUser(later.AccessToken)).resolves.toMatchObject({ Username: user.sub });
  });

  test('a second sign-out in the same millisecond revokes the session started after the first', async () => {
    const user = await signedInUser(app);
    await ctx.t.admin.send(new GlobalSignOutCommand({ AccessToken: user.tokens.AccessToken }));
    const again = await signIn(app, user.email, user.password);
    await ctx.t.admin.send(new GlobalSignOutCommand({ AccessToken: again.AccessToken }));
    await expect(getUser(again.AccessToken)).rejects.toMatchObject(accessRevoked);
    await expect(refresh(app, again.RefreshToken)).rejects.toMatchObject(refreshRevoked);
    await expect(getUser(user.tokens.AccessToken)).rejects.toMatchObject(accessRevoked);
  });

  test('a clock stepping back does not bring signed-out sessions back', async () => {
    const user = await signedInUser(app);
    await ctx.t.admin.send(new GlobalSignOutCommand({ AccessToken: user.tokens.AccessToken }));
    ctx.clock.advance(-5000); // for example an NTP correction
    const again = await signIn(app, user.email, user.password);
    await ctx.t.admin.send(new GlobalSignOutCommand({ AccessToken: again.AccessToken }));
    ctx.clock.advance(5000);
    await expect(refresh(app, user.tokens.RefreshToken)).rejects.toMatchObject(refreshRevoked);
    await expect(getUser(user.tokens.AccessToken)).rejects.toMatchObject(accessRevoked);
    await expect(getUser(again.AccessToken)).rejects.toMatchObject(accessRevoked);
  });
});
