/**
 * The engine checks an access token's signature once and remembers it (domain/tokens.ts); what it
 * must still check on every call: expiry, revocation, the user's state, and a changed signature.
 */
import { AdminDisableUserCommand, GetUserCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, HOUR, createApp, signedInUser, useEngine } from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const getUser = (accessToken: string) => ctx.t.admin.send(new GetUserCommand({ AccessToken: accessToken }));

test('a token already checked still expires on time', async () => {
  const user = await signedInUser(app);
  expect((await getUser(user.tokens.AccessToken)).Username).toBe(user.sub);
  ctx.clock.advance(HOUR + 1000);
  await expect(getUser(user.tokens.AccessToken)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has expired' });
});

test('a token already checked is refused once its session is signed out, or its user disabled', async () => {
  const out = await signedInUser(app);
  await getUser(out.tokens.AccessToken);
  await ctx.t.admin.send(new GlobalSignOutCommand({ AccessToken: out.tokens.AccessToken }));
  await expect(getUser(out.tokens.AccessToken)).rejects.toMatchObject({ message: 'Access Token has been revoked' });

  const disabled = await signedInUser(app);
  await getUser(disabled.tokens.AccessToken);
  await ctx.t.admin.send(new AdminDisableUserCommand({ UserPoolId: app.poolId, Username: disabled.username }));
  await expect(getUser(disabled.tokens.AccessToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
});

test('a token that differs from a checked one only in its signature is refused', async () => {
  const user = await signedInUser(app);
  await getUser(user.tokens.AccessToken);
  const [header, body, signature] = user.tokens.AccessToken.split('.');
  const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
  await expect(getUser(`${header}.${body}.${flipped}`)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
});
