/**
 * amazon-cognito-identity-js, unchanged, against the engine: its default sign-in (USER_SRP_AUTH),
 * attributes, refresh, TOTP set up and used with codes computed from the secret, and a remembered
 * device that skips MFA until it is forgotten.
 */
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { App, createApp, latestCode, PASSWORD, uniqueEmail, useEngine } from '../support/cognito';
import { totpCode } from '../support/totp';
import { MemoryStorage, operationsDuring } from './support';

const ctx = useEngine();

/** The client's view of an app: a CognitoUserPool on the engine, with its own storage. */
function clientPool(app: App): { pool: CognitoUserPool; storage: MemoryStorage } {
  const storage = new MemoryStorage();
  return { pool: new CognitoUserPool({ UserPoolId: app.poolId, ClientId: app.clientId, endpoint: ctx.t.engine.endpoint, Storage: storage }), storage };
}

const userOf = (pool: CognitoUserPool, storage: MemoryStorage, email: string) => new CognitoUser({ Username: email, Pool: pool, Storage: storage });

function signUp(pool: CognitoUserPool, email: string): Promise<void> {
  return new Promise((resolve, reject) =>
    pool.signUp(email, PASSWORD, [new CognitoUserAttribute({ Name: 'email', Value: email })], [], (error) => (error ? reject(error) : resolve())),
  );
}

function confirm(user: CognitoUser, code: string): Promise<void> {
  return new Promise((resolve, reject) => user.confirmRegistration(code, true, (error) => (error ? reject(error) : resolve())));
}

type Outcome = { kind: 'signed-in'; session: CognitoUserSession } | { kind: 'totp' };

/** authenticateUser, the client's default (SRP) sign-in, up to tokens or the TOTP challenge. */
function authenticate(user: CognitoUser, password = PASSWORD): Promise<Outcome> {
  return new Promise((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), {
      onSuccess: (session) => resolve({ kind: 'signed-in', session }),
      onFailure: reject,
      totpRequired: () => resolve({ kind: 'totp' }),
    }),
  );
}

function sendTotp(user: CognitoUser, code: string): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) => user.sendMFACode(code, { onSuccess: resolve, onFailure: reject }, 'SOFTWARE_TOKEN_MFA'));
}

async function signedUpUser(app: App) {
  const { pool, storage } = clientPool(app);
  const email = uniqueEmail('identity-js');
  await signUp(pool, email);
  await confirm(userOf(pool, storage, email), latestCode(app, email));
  return { pool, storage, email };
}

/** Sets TOTP up and turns it on, as an app does with a signed-in user; the secret. */
async function setUpTotp(user: CognitoUser): Promise<string> {
  const secret = await new Promise<string>((resolve, reject) => user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }));
  await new Promise((resolve, reject) => user.verifySoftwareToken(totpCode(secret, ctx.clock.now()), 'phone', { onSuccess: resolve, onFailure: reject }));
  await new Promise((resolve, reject) => user.setUserMfaPreference(null, { PreferredMfa: true, Enabled: true }, (error, result) => (error ? reject(error) : resolve(result))));
  ctx.clock.advance(30_000);
  return secret;
}

test('the default sign-in is SRP: it signs in, reads the attributes and refreshes', async () => {
  const app = await createApp(ctx.t, {}, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const { pool, storage, email } = await signedUpUser(app);
  const user = userOf(pool, storage, email);
  let outcome: Outcome | undefined;
  const operations = await operationsDuring(ctx.t.engine, async () => {
    outcome = await authenticate(user);
  });
  expect(operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  expect(outcome!.kind).toBe('signed-in');
  const attributes = await new Promise<CognitoUserAttribute[]>((resolve, reject) => user.getUserAttributes((error, result) => (error ? reject(error) : resolve(result!))));
  expect(attributes.find((a) => a.getName() === 'email')?.getValue()).toBe(email);
  const session = (outcome as { session: CognitoUserSession }).session;
  const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
    user.refreshSession(session.getRefreshToken(), (error: Error | null, result: CognitoUserSession) => (error ? reject(error) : resolve(result))),
  );
  expect(refreshed.getAccessToken().getJwtToken()).not.toBe(session.getAccessToken().getJwtToken());
});

test('a wrong password is the wrong-password answer', async () => {
  const app = await createApp(ctx.t, {}, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const { pool, storage, email } = await signedUpUser(app);
  await expect(authenticate(userOf(pool, storage, email), 'Wrong-password-1')).rejects.toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
});

test('TOTP: set up with the secret, then asked for at sign-in and answered with a code', async () => {
  const app = await createApp(ctx.t, { MfaConfiguration: 'OPTIONAL' }, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const { pool, storage, email } = await signedUpUser(app);
  const user = userOf(pool, storage, email);
  await authenticate(user);
  const secret = await setUpTotp(user);
  user.signOut();
  const again = userOf(pool, storage, email);
  expect((await authenticate(again)).kind).toBe('totp');
  const session = await sendTotp(again, totpCode(secret, ctx.clock.now()));
  expect(session.isValid()).toBe(true);
});

test('a remembered device skips MFA; forgotten, MFA comes back', async () => {
  const app = await createApp(
    ctx.t,
    { MfaConfiguration: 'OPTIONAL', DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false } },
    { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  );
  const { pool, storage, email } = await signedUpUser(app);
  // The first sign-in comes from a new device, which the client confirms (remembered at once).
  const first = userOf(pool, storage, email);
  const firstSignIn = await operationsDuring(ctx.t.engine, () => authenticate(first));
  expect(firstSignIn).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'ConfirmDevice']);
  const secret = await setUpTotp(first);
  first.signOut();

  // With TOTP on, the next sign-in proves the device instead of asking for a code.
  const second = userOf(pool, storage, email);
  let outcome: Outcome | undefined;
  const deviceSignIn = await operationsDuring(ctx.t.engine, async () => {
    outcome = await authenticate(second);
  });
  expect(outcome!.kind).toBe('signed-in');
  // InitiateAuth, PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER.
  expect(deviceSignIn).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);

  await new Promise((resolve, reject) => second.forgetDevice({ onSuccess: resolve, onFailure: reject }));
  second.signOut();
  const third = userOf(pool, storage, email);
  expect((await authenticate(third)).kind).toBe('totp');
  await expect(sendTotp(third, totpCode(secret, ctx.clock.now()))).resolves.toBeDefined();
});
