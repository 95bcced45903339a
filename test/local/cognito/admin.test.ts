import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminCreateUserCommandInput,
  AdminGetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { passwordProblems } from '../../../src/local/cognito/domain/passwordPolicy';
import { DEFAULT_PASSWORD_POLICY } from '../../../src/local/cognito/domain/passwordPolicy';
import {
  App,
  DAY,
  NEW_PASSWORD,
  confirmedUser,
  createApp,
  latestCode,
  messageCount,
  passwordSignIn,
  signUpUser,
  uniqueEmail,
  useEngine,
  userCount,
} from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const getUser = (username: string, target: App = app) => ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: target.poolId, Username: username }));
const createUser = (input: Partial<AdminCreateUserCommandInput> & { Username: string }, target: App = app) =>
  ctx.t.admin.send(new AdminCreateUserCommand({ UserPoolId: target.poolId, ...input }));
const notFound = { name: 'UserNotFoundException', message: 'User does not exist.' };

describe('AdminGetUser', () => {
  test('finds a user by email, by username (sub), in any case', async () => {
    const user = await confirmedUser(app, { attributes: [{ Name: 'name', Value: 'Ada' }] });
    const byEmail = await getUser(user.email.toUpperCase());
    expect(byEmail).toMatchObject({ Username: user.sub, Enabled: true, UserStatus: 'CONFIRMED', MFAOptions: [], UserMFASettingList: [] });
    expect(byEmail.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: user.sub },
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Ada' },
      ]),
    );
    expect(byEmail.UserCreateDate).toBeInstanceOf(Date);
    expect(Math.abs(byEmail.UserCreateDate!.getTime() - ctx.clock.now())).toBeLessThan(1000);
    expect(byEmail.UserLastModifiedDate!.getTime()).toBeGreaterThanOrEqual(byEmail.UserCreateDate!.getTime());
    expect((await getUser(user.sub)).Username).toBe(user.sub);
  });

  test('says when a user or pool does not exist', async () => {
    await expect(getUser(uniqueEmail('ghost'))).rejects.toMatchObject(notFound);
    await expect(ctx.t.admin.send(new AdminGetUserCommand({ UserPoolId: 'us-east-1_nopool', Username: 'x' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nopool does not exist.',
    });
  });
});

describe('AdminConfirmSignUp', () => {
  const adminConfirm = (username: string) => ctx.t.admin.send(new AdminConfirmSignUpCommand({ UserPoolId: app.poolId, Username: username }));

  test('confirms an unconfirmed user without a code; the sign-up code is not needed', async () => {
    const user = await signUpUser(app);
    await adminConfirm(user.email);
    expect((await getUser(user.email)).UserStatus).toBe('CONFIRMED');
    await expect(passwordSignIn(app, user.email, user.password)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });

  test('refuses a confirmed user and an unknown one', async () => {
    const user = await confirmedUser(app);
    await expect(adminConfirm(user.email)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
    await expect(adminConfirm(uniqueEmail('ghost'))).rejects.toMatchObject(notFound);
  });
});

describe('AdminCreateUser', () => {
  test('generates a temporary password that meets the policy, and sends an invitation', async () => {
    const email = uniqueEmail('invite');
    const before = await userCount(app);
    const { User } = await createUser({ Username: email, UserAttributes: [{ Name: 'name', Value: 'Grace' }] });
    expect(User).toMatchObject({ Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD', Username: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(User!.Attributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: email }, { Name: 'name', Value: 'Grace' }]));
    const invitation = ctx.t.engine.outbox.latest(email)!;
    expect(invitation).toMatchObject({ purpose: 'INVITE', medium: 'EMAIL' });
    const temporary = latestCode(app, email);
    expect(invitation.body).toBe(`Your username is ${email} and temporary password is ${temporary}`);
    expect(passwordProblems(temporary, DEFAULT_PASSWORD_POLICY)).toEqual([]);
    expect(await userCount(app)).toBe(before + 1);
    await expect(passwordSignIn(app, email, temporary)).resolves.toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED' });
  });

  test('SUPPRESS sends nothing; the given temporary password works', async () => {
    const email = uniqueEmail('quiet');
    await createUser({ Username: email, TemporaryPassword: 'Temporary-pass-1', MessageAction: 'SUPPRESS' });
    expect(messageCount(app, email)).toBe(0);
    await expect(passwordSignIn(app, email, 'Temporary-pass-1')).resolves.toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED' });
  });

  test('RESEND issues a new temporary password with a new expiry; the old one stops working', async () => {
    const email = uniqueEmail('resend');
    await createUser({ Username: email });
    const first = latestCode(app, email);
    ctx.clock.advance(6 * DAY);
    await createUser({ Username: email, MessageAction: 'RESEND' });
    const second = latestCode(app, email);
    expect(messageCount(app, email)).toBe(2);
    expect(second).not.toBe(first);
    await expect(passwordSignIn(app, email, first)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    ctx.clock.advance(2 * DAY); // past the first password's 7 days, inside the second's
    await expect(passwordSignIn(app, email, second)).resolves.toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED' });
    ctx.clock.advance(5 * DAY);
    await expect(passwordSignIn(app, email, second)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });

  test('RESEND refuses unknown users and users past their first sign-in', async () => {
    await expect(createUser({ Username: uniqueEmail('ghost'), MessageAction: 'RESEND' })).rejects.toMatchObject(notFound);
    const user = await confirmedUser(app);
    await expect(createUser({ Username: user.email, MessageAction: 'RESEND' })).rejects.toMatchObject({ name: 'UnsupportedUserStateException' });
    await expect(passwordSignIn(app, user.email, user.password)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });

  test('refuses an existing user, a weak temporary password and a bad MessageAction, creating nothing', async () => {
    const user = await confirmedUser(app);
    const before = await userCount(app);
    await expect(createUser({ Username: user.email })).rejects.toMatchObject({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    const email = uniqueEmail('weak');
    await expect(createUser({ Username: email, TemporaryPassword: 'weak' })).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: expect.stringMatching(/^Password did not conform with policy: Password not long enough/),
    });
    await expect(createUser({ Username: email, MessageAction: 'SHOUT' as 'RESEND' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]",
    });
    await expect(createUser({ Username: 'plain-name' })).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Username should be an email.' });
    expect(await userCount(app)).toBe(before);
    expect(messageCount(app, email)).toBe(0);
    await expect(getUser(email)).rejects.toMatchObject(notFound);
    await expect(passwordSignIn(app, user.email, user.password)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });

  test('in a pool without email usernames the given username is kept', async () => {
    const plain = await createApp(ctx.t, { UsernameAttributes: [], AutoVerifiedAttributes: [] });
    const { User } = await createUser({ Username: 'grace', TemporaryPassword: 'Temporary-pass-1', MessageAction: 'SUPPRESS' }, plain);
    expect(User!.Username).toBe('grace');
    expect((await getUser('GRACE', plain)).Username).toBe('grace');
    await expect(passwordSignIn(plain, 'grace', NEW_PASSWORD)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});
