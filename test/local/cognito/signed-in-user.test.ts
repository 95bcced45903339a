import {
  AdminGetUserCommand,
  DeleteUserAttributesCommand,
  DeleteUserCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  App,
  DAY,
  createApp,
  latestCode,
  messageCount,
  otherCode,
  passwordSignIn,
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

const attributesOf = async (accessToken: string) =>
  Object.fromEntries((await ctx.t.admin.send(new GetUserCommand({ AccessToken: accessToken }))).UserAttributes!.map((a) => [a.Name, a.Value]));
const update = (accessToken: string, attributes: Record<string, string>) =>
  ctx.t.admin.send(
    new UpdateUserAttributesCommand({ AccessToken: accessToken, UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })) }),
  );
const verify = (accessToken: string, code: string) =>
  ctx.t.admin.send(new VerifyUserAttributeCommand({ AccessToken: accessToken, AttributeName: 'email', Code: code }));
const mismatch = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' };

test('GetUser returns the caller, and refuses a token that is not an access token', async () => {
  const user = await signedInUser(app, { attributes: [{ Name: 'custom:plan', Value: 'pro' }] });
  const me = await ctx.t.admin.send(new GetUserCommand({ AccessToken: user.tokens.AccessToken }));
  expect(me.Username).toBe(user.sub);
  expect(me.UserAttributes).toEqual(
    expect.arrayContaining([
      { Name: 'sub', Value: user.sub },
      { Name: 'email', Value: user.email },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'custom:plan', Value: 'pro' },
    ]),
  );
  const invalid = { name: 'NotAuthorizedException', message: 'Invalid Access Token' };
  await expect(ctx.t.admin.send(new GetUserCommand({ AccessToken: user.tokens.IdToken }))).rejects.toMatchObject(invalid);
  await expect(ctx.t.admin.send(new GetUserCommand({ AccessToken: 'not.a.token' }))).rejects.toMatchObject(invalid);
});

test('GetUser refuses an access token once it has expired', async () => {
  const user = await signedInUser(app);
  ctx.clock.advance(3600 * 1000);
  await expect(ctx.t.admin.send(new GetUserCommand({ AccessToken: user.tokens.AccessToken }))).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Access Token has expired',
  });
});

describe('UpdateUserAttributes', () => {
  test('sets plain and custom attributes and sends no code', async () => {
    const user = await signedInUser(app);
    const mail = messageCount(app, user.email);
    const result = await update(user.tokens.AccessToken, { name: 'Ada Lovelace', 'custom:plan': 'team' });
    expect(result.CodeDeliveryDetailsList).toEqual([]);
    expect(await attributesOf(user.tokens.AccessToken)).toMatchObject({ name: 'Ada Lovelace', 'custom:plan': 'team', email_verified: 'true' });
    expect(messageCount(app, user.email)).toBe(mail);
  });

  test('a new email is unverified, gets a code, and becomes the sign-in name', async () => {
    const user = await signedInUser(app);
    const next = uniqueEmail('moved');
    const result = await update(user.tokens.AccessToken, { email: next });
    expect(result.CodeDeliveryDetailsList).toEqual([{ Destination: 'm***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    expect(ctx.t.engine.outbox.latest(next)).toMatchObject({ purpose: 'VERIFY_email', code: expect.stringMatching(/^\d{6}$/) });
    expect(await attributesOf(user.tokens.AccessToken)).toMatchObject({ email: next, email_verified: 'false' });
    await expect(signIn(app, next, user.password)).resolves.toMatchObject({ AccessToken: expect.any(String) });
    await expect(passwordSignIn(app, user.email, user.password)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await verify(user.tokens.AccessToken, latestCode(app, next));
    expect(await attributesOf(user.tokens.AccessToken)).toMatchObject({ email: next, email_verified: 'true' });
  });

  test('two racing email changes: one wins, and the loser leaves no claim on its address', async () => {
    const user = await signedInUser(app);
    const candidates = [uniqueEmail('race'), uniqueEmail('race')];
    const results = await Promise.allSettled(candidates.map((email) => update(user.tokens.AccessToken, { email })));
    const { email } = await attributesOf(user.tokens.AccessToken);
    expect(candidates).toContain(email);
    const lost = candidates.find((c) => c !== email)!;
    const loser = results[candidates.indexOf(lost)];
    if (loser.status === 'rejected') {
      expect(loser.reason).toMatchObject({ name: 'ConcurrentModificationException' });
    }
    // Whichever way the race went, only the current email signs the user in, and the other is free.
    await expect(signIn(app, email, user.password)).resolves.toMatchObject({ AccessToken: expect.any(String) });
    await expect(passwordSignIn(app, lost, user.password)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(signedInUser(app, { email: lost })).resolves.toMatchObject({ email: lost });
  });

  test("refuses another user's email, unknown and immutable attributes, and verification flags", async () => {
    const owner = await signedInUser(app);
    const user = await signedInUser(app);
    await expect(update(user.tokens.AccessToken, { email: owner.email })).rejects.toMatchObject({
      name: 'AliasExistsException',
      message: 'An account with the given email already exists.',
    });
    await expect(update(user.tokens.AccessToken, { 'custom:nope': 'x' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.',
    });
    await expect(update(user.tokens.AccessToken, { email_verified: 'true' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(update(user.tokens.AccessToken, { sub: 'mine' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    expect(await attributesOf(user.tokens.AccessToken)).toMatchObject({ email: user.email, email_verified: 'true' });
  });
});

describe('DeleteUserAttributes', () => {
  test('removes optional attributes but not the sign-in email', async () => {
    const user = await signedInUser(app, { attributes: [{ Name: 'custom:plan', Value: 'pro' }, { Name: 'name', Value: 'Ada' }] });
    await ctx.t.admin.send(new DeleteUserAttributesCommand({ AccessToken: user.tokens.AccessToken, UserAttributeNames: ['custom:plan', 'name'] }));
    const after = await attributesOf(user.tokens.AccessToken);
    expect(after).not.toHaveProperty('custom:plan');
    expect(after).not.toHaveProperty('name');
    await expect(
      ctx.t.admin.send(new DeleteUserAttributesCommand({ AccessToken: user.tokens.AccessToken, UserAttributeNames: ['email'] })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: "Cannot delete email: it is the user's sign-in name." });
    await expect(
      ctx.t.admin.send(new DeleteUserAttributesCommand({ AccessToken: user.tokens.AccessToken, UserAttributeNames: ['custom:nope'] })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    expect(await attributesOf(user.tokens.AccessToken)).toMatchObject({ email: user.email, email_verified: 'true' });
  });
});

describe('GetUserAttributeVerificationCode + VerifyUserAttribute', () => {
  const requestCode = (accessToken: string) =>
    ctx.t.admin.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: accessToken, AttributeName: 'email' }));

  async function unverifiedUser() {
    const user = await signedInUser(app);
    const email = uniqueEmail('unverified');
    await update(user.tokens.AccessToken, { email });
    return { ...user, email };
  }

  test('a requested code verifies the email, once', async () => {
    const user = await unverifiedUser();
    const { CodeDeliveryDetails } = await requestCode(user.tokens.AccessToken);
    expect(CodeDeliveryDetails).toEqual({ Destination: 'u***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const code = latestCode(app, user.email);
    await verify(user.tokens.AccessToken, code);
    expect(await attributesOf(user.tokens.AccessToken)).toMatchObject({ email_verified: 'true' });
    await expect(verify(user.tokens.AccessToken, code)).rejects.toMatchObject({ name: 'CodeMismatchException' });
  });

  test('a wrong code, an expired code, a replaced code and too many attempts are refused', async () => {
    const user = await unverifiedUser();
    const first = latestCode(app, user.email);
    await expect(verify(user.tokens.AccessToken, otherCode(first))).rejects.toMatchObject(mismatch);
    await requestCode(user.tokens.AccessToken);
    const second = latestCode(app, user.email);
    // Codes are random six digits; in the one-in-a-million case they coincide there is no old code to refuse.
    if (second !== first) await expect(verify(user.tokens.AccessToken, first)).rejects.toMatchObject(mismatch);
    // Five tries an hour for the account, whichever code they were for: the replaced code used them too.
    const triesLeft = second !== first ? 3 : 4;
    for (let i = 0; i < triesLeft; i++) await expect(verify(user.tokens.AccessToken, otherCode(second))).rejects.toMatchObject(mismatch);
    await expect(verify(user.tokens.AccessToken, second)).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    const tokens = await signIn(app, user.email, user.password);
    await requestCode(tokens.AccessToken);
    const third = latestCode(app, user.email);
    ctx.clock.advance(DAY);
    const fresh = await signIn(app, user.email, user.password);
    await expect(verify(fresh.AccessToken, third)).rejects.toMatchObject({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
    expect(await attributesOf(fresh.AccessToken)).toMatchObject({ email_verified: 'false' });
  });

  test('refuses an attribute the user lacks or that cannot be verified, sending nothing', async () => {
    const user = await signedInUser(app);
    const mail = messageCount(app, user.email);
    await expect(
      ctx.t.admin.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.tokens.AccessToken, AttributeName: 'phone_number' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'User has no attribute phone_number.' });
    await expect(
      ctx.t.admin.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.tokens.AccessToken, AttributeName: 'name' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(requestCode('not.a.token')).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    expect(messageCount(app, user.email)).toBe(mail);
  });

  test('a code sent to a replaced address verifies nothing', async () => {
    const user = await unverifiedUser();
    const code = latestCode(app, user.email);
    await update(user.tokens.AccessToken, { email: uniqueEmail('replaced') });
    await expect(verify(user.tokens.AccessToken, code)).rejects.toMatchObject({ name: 'CodeMismatchException' });
    expect(await attributesOf(user.tokens.AccessToken)).toMatchObject({ email_verified: 'false' });
  });
});

test('DeleteUser removes the user, frees the email and refuses the old tokens', async () => {
  const user = await signedInUser(app);
  const before = await userCount(app);
  await ctx.t.admin.send(new DeleteUserCommand({ AccessToken: user.tokens.AccessToken }));
  expect(await userCount(app)).toBe(before - 1);
  await expect(ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }))).rejects.toMatchObject({
    name: 'UserNotFoundException',
    message: 'User does not exist.',
  });
  await expect(ctx.t.admin.send(new GetUserCommand({ AccessToken: user.tokens.AccessToken }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  await expect(ctx.t.admin.send(new DeleteUserCommand({ AccessToken: user.tokens.AccessToken }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  await expect(passwordSignIn(app, user.email, user.password)).rejects.toMatchObject({ message: 'Incorrect username or password.' });
  const again = await signedInUser(app, { email: user.email });
  expect(again.sub).not.toBe(user.sub);
  expect(await userCount(app)).toBe(before);
});
