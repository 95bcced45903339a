/** An app client's ReadAttributes and WriteAttributes limit what users see and change through it. */
import { AdminUpdateUserAttributesCommand, GetUserCommand, SignUpCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, createApp, decodeJwt, PASSWORD, signedInUser, signIn, uniqueEmail, useEngine } from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t, {}, { ReadAttributes: ['email', 'email_verified', 'name'], WriteAttributes: ['email', 'name'] });
});

test('GetUser and the ID token show only the readable attributes (and sub)', async () => {
  const user = await signedInUser(app, { attributes: [{ Name: 'name', Value: 'Ada' }] });
  // An admin may set anything; this client may still not show it.
  await app.t.admin.send(
    new AdminUpdateUserAttributesCommand({ UserPoolId: app.poolId, Username: user.email, UserAttributes: [{ Name: 'locale', Value: 'en' }] }),
  );
  const tokens = await signIn(app, user.email, user.password);
  const got = await app.t.admin.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
  expect(got.UserAttributes!.map((a) => a.Name).sort()).toEqual(['email', 'email_verified', 'name', 'sub']);
  const id = decodeJwt(tokens.IdToken!).payload;
  expect(id).toMatchObject({ email: user.email, name: 'Ada', sub: user.sub });
  expect(id).not.toHaveProperty('locale');
});

test('writing an attribute outside WriteAttributes is refused and changes nothing', async () => {
  const user = await signedInUser(app);
  const write = new UpdateUserAttributesCommand({ AccessToken: user.tokens.AccessToken, UserAttributes: [{ Name: 'custom:plan', Value: 'pro' }] });
  await expect(app.t.admin.send(write)).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'A client attempted to write unauthorized attribute: custom:plan',
  });
  await app.t.admin.send(new UpdateUserAttributesCommand({ AccessToken: user.tokens.AccessToken, UserAttributes: [{ Name: 'name', Value: 'Grace' }] }));
  const got = await app.t.admin.send(new GetUserCommand({ AccessToken: user.tokens.AccessToken }));
  expect(got.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'name', Value: 'Grace' }]));
  const signUp = new SignUpCommand({ ClientId: app.clientId, Username: uniqueEmail(), Password: PASSWORD, UserAttributes: [{ Name: 'locale', Value: 'en' }] });
  await expect(app.t.admin.send(signUp)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
});
