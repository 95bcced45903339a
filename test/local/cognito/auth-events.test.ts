/** AdminListUserAuthEvents: a user's sign-in history, newest first, paged, and kept for a limited time. */
import { AdminCreateUserCommand, AdminInitiateAuthCommand, AdminListUserAuthEventsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AUTH_EVENT_RETENTION_MS } from '../../../src/local/cognito/domain/authEvents.store';
import { App, confirmedUser, createApp, MINUTE, PASSWORD, passwordSignIn, uniqueEmail, useEngine } from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const list = (username: string, MaxResults?: number, NextToken?: string) =>
  ctx.t.admin.send(new AdminListUserAuthEventsCommand({ UserPoolId: app.poolId, Username: username, MaxResults, NextToken }));

test('each password sign-in attempt is an event: Pass, Fail (with the password outcome), InProgress at a challenge', async () => {
  const user = await confirmedUser(app);
  await passwordSignIn(app, user.email, 'Wrong-password-1').catch(() => undefined);
  ctx.clock.advance(MINUTE);
  await passwordSignIn(app, user.email, PASSWORD);
  const { AuthEvents, NextToken } = await list(user.email);
  expect(NextToken).toBeUndefined();
  expect(AuthEvents).toEqual([
    {
      EventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      EventType: 'SignIn',
      CreationDate: new Date(ctx.clock.now()),
      EventResponse: 'Pass',
      ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }],
      EventContextData: { IpAddress: '127.0.0.1' },
    },
    expect.objectContaining({ EventResponse: 'Fail', ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }] }),
  ]);

  const invited = uniqueEmail();
  await ctx.t.admin.send(new AdminCreateUserCommand({ UserPoolId: app.poolId, Username: invited, TemporaryPassword: PASSWORD }));
  await passwordSignIn(app, invited, PASSWORD);
  expect((await list(invited)).AuthEvents).toEqual([expect.objectContaining({ EventResponse: 'InProgress' })]);
});

test("an admin sign-in records the address ContextData names (the end user's), else the caller's", async () => {
  const user = await confirmedUser(app);
  const adminSignIn = (IpAddress?: string) =>
    ctx.t.admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: app.poolId,
        ClientId: app.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: user.email, PASSWORD },
        ContextData: IpAddress ? { IpAddress, ServerName: 'api', ServerPath: '/graphql', HttpHeaders: [] } : undefined,
      }),
    );
  await adminSignIn('203.0.113.7');
  ctx.clock.advance(1000);
  await adminSignIn();
  expect((await list(user.email)).AuthEvents!.map((e) => e.EventContextData!.IpAddress)).toEqual(['127.0.0.1', '203.0.113.7']);
});

test('pages of at most MaxResults (≤ 60), newest first, with NextToken; old events expire', async () => {
  const user = await confirmedUser(app);
  for (let i = 0; i < 7; i++) {
    await passwordSignIn(app, user.email, PASSWORD);
    ctx.clock.advance(1000);
  }
  const pages: Date[][] = [];
  let token: string | undefined;
  do {
    const page = await list(user.email, 3, token);
    expect(page.AuthEvents!.length).toBeLessThanOrEqual(3);
    pages.push(page.AuthEvents!.map((e) => e.CreationDate!));
    token = page.NextToken;
  } while (token);
  const all = pages.flat();
  expect(all).toHaveLength(7);
  expect([...all].sort((a, b) => b.getTime() - a.getTime())).toEqual(all);
  await expect(list(user.email, 61)).rejects.toMatchObject({ name: 'InvalidParameterException' });
  await expect(list(user.email, 3, 'bm90LWEtdG9rZW4')).rejects.toMatchObject({ name: 'InvalidParameterException' });

  ctx.clock.advance(AUTH_EVENT_RETENTION_MS - 3500);
  expect((await list(user.email)).AuthEvents).toHaveLength(3);
  ctx.clock.advance(10_000);
  expect((await list(user.email)).AuthEvents).toEqual([]);
});

test('the history is per user and IAM-only; an unknown user is UserNotFoundException', async () => {
  const user = await confirmedUser(app);
  const other = await confirmedUser(app);
  await passwordSignIn(app, user.email, PASSWORD);
  expect((await list(other.email)).AuthEvents).toEqual([]);
  await expect(list(uniqueEmail('nobody'))).rejects.toMatchObject({ name: 'UserNotFoundException' });
  await expect(
    ctx.t.stranger.send(new AdminListUserAuthEventsCommand({ UserPoolId: app.poolId, Username: user.email })),
  ).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
});
