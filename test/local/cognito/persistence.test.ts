/** State lives in DynamoDB (dynalite on disk): stopping and restarting the engine on the same directory loses nothing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminGetUserCommand, ConfirmSignUpCommand, GetUserCommand, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ManualClock } from '../../../src/local/cognito/clock';
import { EmbeddedDynamo, startEmbeddedDynamo } from '../../../src/local/dynamodb';
import { TestEngine, startTestEngine } from '../../support/engine';
import { App, createApp, latestCode, passwordSignIn, refresh, signIn, signUpUser, signedInUser, userCount } from '../../support/cognito';

let dir: string;
let dynamo: EmbeddedDynamo | undefined;
let t: TestEngine | undefined;
const clock = new ManualClock(Date.now());

async function start(port?: number): Promise<TestEngine> {
  dynamo = await startEmbeddedDynamo({ dir });
  t = await startTestEngine({ dynamo, clock, port });
  return t;
}

async function stop(): Promise<void> {
  await t?.stop();
  await dynamo?.close();
  t = undefined;
  dynamo = undefined;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cognito-engine-'));
});
afterAll(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

test('pools, clients, users, codes, sessions, revocations and lockout counters survive a restart', async () => {
  const first = await start();
  const app = await createApp(first);
  const user = await signedInUser(app, { attributes: [{ Name: 'custom:plan', Value: 'pro' }] });
  const pending = await signUpUser(app);
  const pendingCode = latestCode(app, pending.email); // the outbox is memory only; the code is not
  const revoked = await signIn(app, user.email, user.password);
  await first.admin.send(new RevokeTokenCommand({ ClientId: app.clientId, Token: revoked.RefreshToken }));
  for (let i = 0; i < 3; i++) await expect(passwordSignIn(app, user.email, 'Wrong-password-1')).rejects.toMatchObject({ message: 'Incorrect username or password.' });
  const kid = (await (await fetch(`${first.engine.endpoint}/${app.poolId}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
  const port = Number(new URL(first.engine.endpoint).port);
  await stop();

  // Same port, so the issuer (and with it tokens issued before the restart) stays the same.
  const second = await start(port);
  const again: App = { ...app, t: second };
  expect(await userCount(again)).toBe(2);
  const got = await second.admin.send(new AdminGetUserCommand({ UserPoolId: app.poolId, Username: user.email }));
  expect(got).toMatchObject({ Username: user.sub, UserStatus: 'CONFIRMED' });
  expect(got.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'custom:plan', Value: 'pro' }]));

  const served = (await (await fetch(`${second.engine.endpoint}/${app.poolId}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
  expect(served.keys[0].kid).toBe(kid.keys[0].kid);
  await expect(second.admin.send(new GetUserCommand({ AccessToken: user.tokens.AccessToken }))).resolves.toMatchObject({ Username: user.sub });
  await expect(refresh(again, user.tokens.RefreshToken)).resolves.toMatchObject({ AuthenticationResult: { AccessToken: expect.any(String) } });
  await expect(refresh(again, revoked.RefreshToken)).rejects.toMatchObject({ message: 'Refresh Token has been revoked' });
  await expect(second.admin.send(new GetUserCommand({ AccessToken: revoked.AccessToken }))).rejects.toMatchObject({ message: 'Access Token has been revoked' });

  // Three failures before the restart plus two after make five: the account locks.
  for (let i = 0; i < 2; i++) await expect(passwordSignIn(again, user.email, 'Wrong-password-1')).rejects.toMatchObject({ message: 'Incorrect username or password.' });
  await expect(passwordSignIn(again, user.email, user.password)).rejects.toMatchObject({ message: 'Password attempts exceeded' });
  clock.advance(1000);
  const tokens = await signIn(again, user.email, user.password);
  await expect(second.admin.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).resolves.toMatchObject({ Username: user.sub });

  await second.admin.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: pending.email, ConfirmationCode: pendingCode }));
  await expect(signIn(again, pending.email, pending.password)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  await stop();

  // A third start on a new port still has everything; only the issuer differs.
  const third = await start();
  const last: App = { ...app, t: third };
  await expect(signIn(last, pending.email, pending.password)).resolves.toMatchObject({ AccessToken: expect.any(String) });
  expect(await userCount(last)).toBe(2);
});
