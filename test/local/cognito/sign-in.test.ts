import { AdminInitiateAuthCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  App,
  PASSWORD,
  confirmedUser,
  createApp,
  decodeJwt,
  passwordSignIn,
  secretHash,
  signUpUser,
  uniqueEmail,
  useEngine,
} from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const badCredentials = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

describe('InitiateAuth USER_PASSWORD_AUTH', () => {
  test('returns tokens with Cognito claims for a confirmed user', async () => {
    const user = await confirmedUser(app, { attributes: [{ Name: 'custom:plan', Value: 'pro' }] });
    const { AuthenticationResult: result, ChallengeName } = await passwordSignIn(app, user.email, user.password);
    expect(ChallengeName).toBeUndefined();
    expect(result).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(result!.RefreshToken).toEqual(expect.any(String));
    const issuer = `${ctx.t.engine.endpoint}/${app.poolId}`;
    const id = decodeJwt(result!.IdToken!).payload;
    const access = decodeJwt(result!.AccessToken!).payload;
    expect(id).toMatchObject({
      sub: user.sub,
      aud: app.clientId,
      iss: issuer,
      token_use: 'id',
      'cognito:username': user.sub,
      email: user.email,
      email_verified: true,
      'custom:plan': 'pro',
    });
    expect(access).toMatchObject({
      sub: user.sub,
      client_id: app.clientId,
      iss: issuer,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: user.sub,
      origin_jti: id.origin_jti,
    });
    expect(access.jti).not.toEqual(id.jti);
    expect(access.iat).toBe(Math.floor(ctx.clock.now() / 1000));
    expect(access.exp).toBe((access.iat as number) + 3600);
    expect(access.auth_time).toBe(access.iat);
    expect(decodeJwt(result!.AccessToken!).header).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
  });

  test('matches the email case-insensitively', async () => {
    const user = await confirmedUser(app);
    const result = await passwordSignIn(app, user.email.toUpperCase(), user.password);
    expect(decodeJwt(result.AuthenticationResult!.AccessToken!).payload.sub).toBe(user.sub);
  });

  test('a wrong password and an unknown user get the same answer', async () => {
    const user = await confirmedUser(app);
    const wrong = await passwordSignIn(app, user.email, 'Wrong-password-1').catch((e: unknown) => e);
    const unknown = await passwordSignIn(app, uniqueEmail('ghost'), user.password).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ ...badCredentials, $metadata: { httpStatusCode: 400 } });
    expect(unknown).toMatchObject({ ...badCredentials, $metadata: { httpStatusCode: 400 } });
  });

  test('an unconfirmed user with the right password is told to confirm; a wrong password reveals nothing', async () => {
    const user = await signUpUser(app);
    await expect(passwordSignIn(app, user.email, user.password)).rejects.toMatchObject({
      name: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
    });
    await expect(passwordSignIn(app, user.email, 'Wrong-password-1')).rejects.toMatchObject(badCredentials);
  });

  test('is refused when the client does not allow the flow', async () => {
    const srpOnly = await createApp(ctx.t, {}, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    const user = await confirmedUser(srpOnly);
    await expect(passwordSignIn(srpOnly, user.email, user.password)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
  });

  test('refuses admin-only flows, and missing parameters', async () => {
    const user = await confirmedUser(app);
    await expect(
      ctx.t.admin.send(
        new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.email, PASSWORD: PASSWORD } }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Unsupported auth flow ADMIN_USER_PASSWORD_AUTH for this operation' });
    await expect(
      ctx.t.admin.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.email } })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Missing required parameter PASSWORD' });
    await expect(
      ctx.t.admin.send(new InitiateAuthCommand({ ClientId: 'nosuchclient', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.email, PASSWORD } })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
  });

  test('with a client secret: SECRET_HASH must be present and right', async () => {
    const secret = await createApp(ctx.t, {}, { GenerateSecret: true });
    expect(secret.clientSecret).toEqual(expect.any(String));
    const user = await confirmedUser(secret);
    const send = (hash?: string) =>
      ctx.t.admin.send(
        new InitiateAuthCommand({
          ClientId: secret.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: user.email, PASSWORD: user.password, ...(hash ? { SECRET_HASH: hash } : {}) },
        }),
      );
    await expect(send()).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${secret.clientId} is configured with secret but SECRET_HASH was not received`,
    });
    await expect(send(secretHash(secret.clientSecret!, user.email, app.clientId))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${secret.clientId}`,
    });
    await expect(send(secretHash('not-the-secret', user.email, secret.clientId))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    const ok = await send(secretHash(secret.clientSecret!, user.email, secret.clientId));
    expect(decodeJwt(ok.AuthenticationResult!.AccessToken!).payload.sub).toBe(user.sub);
  });
});

describe('AdminInitiateAuth', () => {
  const adminAuth = (target: App, username: string, password: string, flow = 'ADMIN_USER_PASSWORD_AUTH', poolId = target.poolId) =>
    ctx.t.admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: target.clientId,
        AuthFlow: flow as 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  test('ADMIN_USER_PASSWORD_AUTH returns tokens', async () => {
    const user = await confirmedUser(app);
    const { AuthenticationResult } = await adminAuth(app, user.email, user.password);
    expect(AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600, RefreshToken: expect.any(String) });
    expect(decodeJwt(AuthenticationResult!.IdToken!).payload).toMatchObject({ sub: user.sub, aud: app.clientId, email: user.email });
  });

  test('wrong password and unknown user: the same NotAuthorizedException', async () => {
    const user = await confirmedUser(app);
    await expect(adminAuth(app, user.email, 'Wrong-password-1')).rejects.toMatchObject(badCredentials);
    await expect(adminAuth(app, uniqueEmail('ghost'), PASSWORD)).rejects.toMatchObject(badCredentials);
  });

  test('refuses public-only flows, disabled flows and a client of another pool', async () => {
    const user = await confirmedUser(app);
    await expect(adminAuth(app, user.email, user.password, 'USER_PASSWORD_AUTH')).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Unsupported auth flow USER_PASSWORD_AUTH for this operation',
    });
    const publicOnly = await createApp(ctx.t, {}, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    const other = await confirmedUser(publicOnly);
    await expect(adminAuth(publicOnly, other.email, other.password)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'ADMIN_USER_PASSWORD_AUTH flow not enabled for this client',
    });
    await expect(adminAuth(app, user.email, user.password, 'ADMIN_USER_PASSWORD_AUTH', publicOnly.poolId)).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `User pool client ${app.clientId} does not exist.`,
    });
  });

  test('is refused to callers without the engine credentials, and counts no attempt', async () => {
    const user = await confirmedUser(app);
    const strangerAuth = () =>
      ctx.t.stranger.send(
        new AdminInitiateAuthCommand({
          UserPoolId: app.poolId,
          ClientId: app.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: user.email, PASSWORD: 'Wrong-password-1' },
        }),
      );
    // More refused calls than the lockout allows: had any been evaluated, the user would be locked.
    for (let i = 0; i < 6; i++) {
      await expect(strangerAuth()).rejects.toMatchObject({
        name: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      });
    }
    await expect(adminAuth(app, user.email, user.password)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });
});
