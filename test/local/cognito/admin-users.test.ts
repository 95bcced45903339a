/** Admin operations on an existing user: delete, disable/enable, reset/set password, attributes, global sign-out. */
import {
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  ConfirmForgotPasswordCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  App,
  DAY,
  NEW_PASSWORD,
  createApp,
  latestCode,
  messageCount,
  passwordSignIn,
  refresh,
  signIn,
  signedInUser,
  uniqueEmail,
  useEngine,
  userCount,
} from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const pool = () => ({ UserPoolId: app.poolId });
const getUser = (username: string) => ctx.t.admin.send(new AdminGetUserCommand({ ...pool(), Username: username }));
const attributesOf = async (username: string) => Object.fromEntries((await getUser(username)).UserAttributes!.map((a) => [a.Name, a.Value]));
const me = (accessToken: string) => ctx.t.admin.send(new GetUserCommand({ AccessToken: accessToken }));
const notFound = { name: 'UserNotFoundException', message: 'User does not exist.' };
const badCredentials = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const disabled = { name: 'NotAuthorizedException', message: 'User is disabled.' };
const accessRevoked = { name: 'NotAuthorizedException', message: 'Access Token has been revoked' };
const ghost = () => uniqueEmail('ghost');

test('AdminDeleteUser removes the user, its tokens and its email claim', async () => {
  const user = await signedInUser(app);
  const before = await userCount(app);
  await ctx.t.admin.send(new AdminDeleteUserCommand({ ...pool(), Username: user.email }));
  expect(await userCount(app)).toBe(before - 1);
  await expect(getUser(user.email)).rejects.toMatchObject(notFound);
  await expect(me(user.tokens.AccessToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  await expect(refresh(app, user.tokens.RefreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  await expect(ctx.t.admin.send(new AdminDeleteUserCommand({ ...pool(), Username: user.email }))).rejects.toMatchObject(notFound);
  await expect(signedInUser(app, { email: user.email })).resolves.toMatchObject({ email: user.email });
});

test('AdminDisableUser refuses sign-in and revokes tokens; AdminEnableUser lets the user sign in again', async () => {
  const user = await signedInUser(app);
  await ctx.t.admin.send(new AdminDisableUserCommand({ ...pool(), Username: user.email }));
  expect((await getUser(user.email)).Enabled).toBe(false);
  await expect(passwordSignIn(app, user.email, user.password)).rejects.toMatchObject(disabled);
  await expect(passwordSignIn(app, user.email, 'Wrong-password-1')).rejects.toMatchObject(badCredentials);
  await expect(me(user.tokens.AccessToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  await expect(refresh(app, user.tokens.RefreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  await ctx.t.admin.send(new AdminEnableUserCommand({ ...pool(), Username: user.email }));
  expect((await getUser(user.email)).Enabled).toBe(true);
  // Disabling revoked the old tokens for good; a new sign-in works.
  await expect(me(user.tokens.AccessToken)).rejects.toMatchObject(accessRevoked);
  await expect(refresh(app, user.tokens.RefreshToken)).rejects.toMatchObject({ message: 'Refresh Token has been revoked' });
  const tokens = await signIn(app, user.email, user.password);
  await expect(me(tokens.AccessToken)).resolves.toMatchObject({ Username: user.sub });
  for (const Command of [AdminDisableUserCommand, AdminEnableUserCommand]) {
    await expect(ctx.t.admin.send(new Command({ ...pool(), Username: ghost() }))).rejects.toMatchObject(notFound);
  }
});

test('AdminResetUserPassword: sign-in asks for a reset, and the mailed code sets a new password', async () => {
  const user = await signedInUser(app);
  await ctx.t.admin.send(new AdminResetUserPasswordCommand({ ...pool(), Username: user.email }));
  expect((await getUser(user.email)).UserStatus).toBe('RESET_REQUIRED');
  expect(ctx.t.engine.outbox.latest(user.email)).toMatchObject({ purpose: 'FORGOT_PASSWORD' });
  await expect(passwordSignIn(app, user.email, user.password)).rejects.toMatchObject({
    name: 'PasswordResetRequiredException',
    message: 'Password reset required for the user',
  });
  await expect(passwordSignIn(app, user.email, 'Wrong-password-1')).rejects.toMatchObject(badCredentials);
  await ctx.t.admin.send(
    new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: user.email, ConfirmationCode: latestCode(app, user.email), Password: NEW_PASSWORD }),
  );
  expect((await getUser(user.email)).UserStatus).toBe('CONFIRMED');
  await expect(signIn(app, user.email, NEW_PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  await expect(ctx.t.admin.send(new AdminResetUserPasswordCommand({ ...pool(), Username: ghost() }))).rejects.toMatchObject(notFound);
});

describe('AdminSetUserPassword', () => {
  const setPassword = (username: string, password: string, permanent: boolean) =>
    ctx.t.admin.send(new AdminSetUserPasswordCommand({ ...pool(), Username: username, Password: password, Permanent: permanent }));

  test('Permanent: the user is CONFIRMED with the new password', async () => {
    const user = await signedInUser(app);
    await setPassword(user.email, NEW_PASSWORD, true);
    expect((await getUser(user.email)).UserStatus).toBe('CONFIRMED');
    await expect(signIn(app, user.email, NEW_PASSWORD)).resolves.toMatchObject({ AccessToken: expect.any(String) });
    await expect(passwordSignIn(app, user.email, user.password)).rejects.toMatchObject(badCredentials);
  });

  test('not permanent: a temporary password, with NEW_PASSWORD_REQUIRED and an expiry', async () => {
    const user = await signedInUser(app);
    await setPassword(user.email, 'Temporary-pass-1', false);
    expect((await getUser(user.email)).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    await expect(passwordSignIn(app, user.email, 'Temporary-pass-1')).resolves.toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED' });
    ctx.clock.advance(7 * DAY);
    await expect(passwordSignIn(app, user.email, 'Temporary-pass-1')).rejects.toMatchObject({
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });

  test('refuses a weak password and an unknown user, changing nothing', async () => {
    const user = await signedInUser(app);
    await expect(setPassword(user.email, 'weak', true)).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: expect.stringMatching(/^Password did not conform with policy: Password not long enough/),
    });
    await expect(setPassword(ghost(), NEW_PASSWORD, true)).rejects.toMatchObject(notFound);
    await expect(signIn(app, user.email, user.password)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  });
});

describe('AdminUpdateUserAttributes + AdminDeleteUserAttributes', () => {
  const update = (username: string, attributes: Record<string, string>) =>
    ctx.t.admin.send(
      new AdminUpdateUserAttributesCommand({ ...pool(), Username: username, UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })) }),
    );

  test('sets attributes; an email the admin marks verified needs no code, one not marked gets one', async () => {
    const user = await signedInUser(app);
    await update(user.email, { name: 'Ada', 'custom:plan': 'team' });
    expect(await attributesOf(user.email)).toMatchObject({ name: 'Ada', 'custom:plan': 'team' });
    const trusted = uniqueEmail('trusted');
    await update(user.email, { email: trusted, email_verified: 'true' });
    expect(await attributesOf(trusted)).toMatchObject({ email: trusted, email_verified: 'true' });
    expect(messageCount(app, trusted)).toBe(0);
    const unproven = uniqueEmail('unproven');
    await update(trusted, { email: unproven });
    expect(await attributesOf(unproven)).toMatchObject({ email: unproven, email_verified: 'false' });
    expect(ctx.t.engine.outbox.latest(unproven)).toMatchObject({ purpose: 'VERIFY_email' });
    await expect(signIn(app, unproven, user.password)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  });

  test("refuses unknown users, unknown attributes and another user's email", async () => {
    const owner = await signedInUser(app);
    const user = await signedInUser(app);
    await expect(update(ghost(), { name: 'x' })).rejects.toMatchObject(notFound);
    await expect(update(user.email, { 'custom:nope': 'x' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(update(user.email, { email: owner.email })).rejects.toMatchObject({ name: 'AliasExistsException' });
    expect(await attributesOf(user.email)).toMatchObject({ email: user.email, email_verified: 'true' });
  });

  test('deletes optional attributes, but not the sign-in email or unknown ones', async () => {
    const user = await signedInUser(app, { attributes: [{ Name: 'name', Value: 'Ada' }] });
    const remove = (names: string[], username = user.email) =>
      ctx.t.admin.send(new AdminDeleteUserAttributesCommand({ ...pool(), Username: username, UserAttributeNames: names }));
    await remove(['name']);
    expect(await attributesOf(user.email)).not.toHaveProperty('name');
    await expect(remove(['email'])).rejects.toMatchObject({ name: 'InvalidParameterException', message: "Cannot delete email: it is the user's sign-in name." });
    await expect(remove(['custom:nope'])).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(remove(['sub'])).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(remove(['name'], ghost())).rejects.toMatchObject(notFound);
    expect(await attributesOf(user.email)).toMatchObject({ email: user.email, sub: user.sub });
  });
});

test('AdminUserGlobalSignOut revokes every session, even twice in one millisecond; a new sign-in works', async () => {
  const user = await signedInUser(app);
  const signOut = () => ctx.t.admin.send(new AdminUserGlobalSignOutCommand({ ...pool(), Username: user.email }));
  await signOut();
  await expect(me(user.tokens.AccessToken)).rejects.toMatchObject(accessRevoked);
  await expect(refresh(app, user.tokens.RefreshToken)).rejects.toMatchObject({ message: 'Refresh Token has been revoked' });
  const again = await signIn(app, user.email, user.password);
  await expect(me(again.AccessToken)).resolves.toMatchObject({ Username: user.sub });
  await signOut();
  await expect(me(again.AccessToken)).rejects.toMatchObject(accessRevoked);
  await expect(ctx.t.admin.send(new AdminUserGlobalSignOutCommand({ ...pool(), Username: ghost() }))).rejects.toMatchObject(notFound);
});
