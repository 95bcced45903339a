/**
 * Remembered devices through the SDK: NewDeviceMetadata at sign-in, ConfirmDevice with the device's
 * SRP verifier (made by amazon-cognito-identity-js's helper), the device list and its admin forms,
 * and DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER standing in for MFA.
 */
import {
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminListDevicesCommand,
  AdminUpdateDeviceStatusCommand,
  AuthenticationResultType,
  ConfirmDeviceCommand,
  CreateUserPoolCommandInput,
  ForgetDeviceCommand,
  GetDeviceCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  UpdateDeviceStatusCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, createApp, decodeJwt, refresh, signedInUser, SignedInUser, useEngine } from '../../support/cognito';
import { deviceSecret, SrpClient } from '../../support/srp';
import { totpCode } from '../../support/totp';
import { enableTotp, respond } from './mfa/support';

const ctx = useEngine();
const REMEMBER = { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false };
const appWith = (DeviceConfiguration?: CreateUserPoolCommandInput['DeviceConfiguration']) => createApp(ctx.t, { MfaConfiguration: 'OPTIONAL', DeviceConfiguration });
let app: App;
beforeAll(async () => {
  app = await appWith(REMEMBER);
});

interface Device {
  key: string;
  groupKey: string;
  password: string;
}

/** Confirms the device a sign-in's tokens name, as the client does right after it. */
async function confirmDevice(result: AuthenticationResultType, name = 'test browser'): Promise<Device & { UserConfirmationNecessary?: boolean }> {
  const { DeviceKey, DeviceGroupKey } = result.NewDeviceMetadata!;
  const secret = await deviceSecret(DeviceGroupKey!, DeviceKey!);
  const { UserConfirmationNecessary } = await ctx.t.admin.send(
    new ConfirmDeviceCommand({ AccessToken: result.AccessToken, DeviceKey, DeviceSecretVerifierConfig: secret.config, DeviceName: name }),
  );
  return { key: DeviceKey!, groupKey: DeviceGroupKey!, password: secret.password, UserConfirmationNecessary };
}

const signInWith = (target: App, user: SignedInUser, deviceKey?: string) =>
  ctx.t.admin.send(
    new InitiateAuthCommand({
      ClientId: target.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.email, PASSWORD: user.password, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) },
    }),
  );

/** DEVICE_SRP_AUTH, then DEVICE_PASSWORD_VERIFIER with the device's proof. */
async function proveDevice(target: App, user: SignedInUser, device: Device, session: string | undefined, password = device.password) {
  const client = new SrpClient(device.groupKey);
  const verifier = await respond(target, 'DEVICE_SRP_AUTH', session, { USERNAME: user.sub, DEVICE_KEY: device.key, SRP_A: client.A });
  expect(verifier).toMatchObject({ ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ChallengeParameters: { USERNAME: user.sub, SALT: expect.any(String), SRP_B: expect.any(String) } });
  const answer = await client.answer(verifier.ChallengeParameters!, device.key, password, ctx.clock.now());
  return respond(target, 'DEVICE_PASSWORD_VERIFIER', verifier.Session, { ...answer, USERNAME: user.sub, DEVICE_KEY: device.key });
}

/** A user with TOTP on, and the tokens of a sign-in through it on a new device. */
async function userWithTotp(target: App) {
  const user = await signedInUser(target);
  const secret = await enableTotp(target, user, ctx.clock);
  const challenge = await signInWith(target, user);
  const { AuthenticationResult } = await respond(target, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, ctx.clock.now()) });
  ctx.clock.advance(30_000);
  return { user, secret, result: AuthenticationResult! };
}

describe('NewDeviceMetadata', () => {
  test('a pool that tracks devices gives a sign-in new device keys, and its access token names the device', async () => {
    const user = await signedInUser(app);
    expect(user.tokens.NewDeviceMetadata).toEqual({ DeviceKey: expect.stringMatching(/^us-east-1_[0-9a-f-]{36}$/), DeviceGroupKey: expect.stringMatching(/^-/) });
    expect(decodeJwt(user.tokens.AccessToken).payload.device_key).toBe(user.tokens.NewDeviceMetadata!.DeviceKey);
    const untracked = await signedInUser(await createApp(ctx.t));
    expect(untracked.tokens.NewDeviceMetadata).toBeUndefined();
    expect(decodeJwt(untracked.tokens.AccessToken).payload.device_key).toBeUndefined();
  });

  test('a refresh keeps the device in the access token', async () => {
    const user = await signedInUser(app);
    const { AuthenticationResult } = await refresh(app, user.tokens.RefreshToken);
    expect(decodeJwt(AuthenticationResult!.AccessToken!).payload.device_key).toBe(user.tokens.NewDeviceMetadata!.DeviceKey);
  });
});

describe('ConfirmDevice, GetDevice, ListDevices, UpdateDeviceStatus, ForgetDevice', () => {
  test('a confirmed device is remembered at once, and described with its name, status, address and dates', async () => {
    const user = await signedInUser(app);
    const device = await confirmDevice(user.tokens, 'Firefox on Linux');
    expect(device.UserConfirmationNecessary).toBe(false);
    const { Device } = await ctx.t.admin.send(new GetDeviceCommand({ AccessToken: user.tokens.AccessToken, DeviceKey: device.key }));
    expect(Device).toMatchObject({
      DeviceKey: device.key,
      DeviceAttributes: expect.arrayContaining([
        { Name: 'device_name', Value: 'Firefox on Linux' },
        { Name: 'dev:device_remembered_status', Value: 'remembered' },
        { Name: 'device_status', Value: 'valid' },
        { Name: 'last_ip_used', Value: '127.0.0.1' },
      ]),
      DeviceCreateDate: expect.any(Date),
      DeviceLastAuthenticatedDate: expect.any(Date),
    });
    await expect(confirmDevice(user.tokens)).rejects.toMatchObject({ name: 'DeviceKeyExistsException' });
  });

  test('with DeviceOnlyRememberedOnUserPrompt the answer asks for the user’s choice, and UpdateDeviceStatus records it', async () => {
    const prompt = await appWith({ ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true });
    const user = await signedInUser(prompt);
    const device = await confirmDevice(user.tokens);
    expect(device.UserConfirmationNecessary).toBe(true);
    const status = async () =>
      (await ctx.t.admin.send(new GetDeviceCommand({ AccessToken: user.tokens.AccessToken, DeviceKey: device.key }))).Device!.DeviceAttributes!.find(
        (a) => a.Name === 'dev:device_remembered_status',
      )!.Value;
    expect(await status()).toBe('not_remembered');
    await ctx.t.admin.send(new UpdateDeviceStatusCommand({ AccessToken: user.tokens.AccessToken, DeviceKey: device.key, DeviceRememberedStatus: 'remembered' }));
    expect(await status()).toBe('remembered');
  });

  test('only the device this access token was issued with can be confirmed, with a well-formed verifier', async () => {
    const user = await signedInUser(app);
    const other = await signedInUser(app);
    const secret = await deviceSecret(user.tokens.NewDeviceMetadata!.DeviceGroupKey!, user.tokens.NewDeviceMetadata!.DeviceKey!);
    await expect(
      ctx.t.admin.send(new ConfirmDeviceCommand({ AccessToken: other.tokens.AccessToken, DeviceKey: user.tokens.NewDeviceMetadata!.DeviceKey, DeviceSecretVerifierConfig: secret.config })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      ctx.t.admin.send(
        new ConfirmDeviceCommand({ AccessToken: user.tokens.AccessToken, DeviceKey: user.tokens.NewDeviceMetadata!.DeviceKey, DeviceSecretVerifierConfig: { Salt: 'x', PasswordVerifier: '' } }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  test('ListDevices pages by Limit (at most 60) and PaginationToken', async () => {
    const user = await signedInUser(app);
    const keys = [(await confirmDevice(user.tokens)).key];
    for (let i = 0; i < 2; i++) keys.push((await confirmDevice((await signInWith(app, user)).AuthenticationResult!)).key);
    const list = (Limit: number, PaginationToken?: string) => ctx.t.admin.send(new ListDevicesCommand({ AccessToken: user.tokens.AccessToken, Limit, PaginationToken }));
    const first = await list(2);
    expect(first.Devices).toHaveLength(2);
    const second = await list(2, first.PaginationToken);
    expect(second.Devices).toHaveLength(1);
    expect([...first.Devices!, ...second.Devices!].map((d) => d.DeviceKey).sort()).toEqual(keys.sort());
    await expect(list(61)).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  test('another user’s device key is not found, whatever is asked of it', async () => {
    const owner = await signedInUser(app);
    const device = await confirmDevice(owner.tokens);
    const stranger = await signedInUser(app);
    const notFound = { name: 'ResourceNotFoundException', message: 'Device does not exist.' };
    await expect(ctx.t.admin.send(new GetDeviceCommand({ AccessToken: stranger.tokens.AccessToken, DeviceKey: device.key }))).rejects.toMatchObject(notFound);
    await expect(
      ctx.t.admin.send(new UpdateDeviceStatusCommand({ AccessToken: stranger.tokens.AccessToken, DeviceKey: device.key, DeviceRememberedStatus: 'not_remembered' })),
    ).rejects.toMatchObject(notFound);
    await expect(ctx.t.admin.send(new ForgetDeviceCommand({ AccessToken: stranger.tokens.AccessToken, DeviceKey: device.key }))).rejects.toMatchObject(notFound);
    await expect(signInWith(app, stranger, device.key)).rejects.toMatchObject(notFound);
    await expect(ctx.t.admin.send(new GetDeviceCommand({ AccessToken: owner.tokens.AccessToken, DeviceKey: device.key }))).resolves.toBeDefined();
  });

  test('the admin forms: AdminListDevices, AdminGetDevice, AdminUpdateDeviceStatus, AdminForgetDevice', async () => {
    const user = await signedInUser(app);
    const device = await confirmDevice(user.tokens);
    const named = { UserPoolId: app.poolId, Username: user.email };
    expect((await ctx.t.admin.send(new AdminListDevicesCommand(named))).Devices!.map((d) => d.DeviceKey)).toEqual([device.key]);
    await ctx.t.admin.send(new AdminUpdateDeviceStatusCommand({ ...named, DeviceKey: device.key, DeviceRememberedStatus: 'not_remembered' }));
    const { Device } = await ctx.t.admin.send(new AdminGetDeviceCommand({ ...named, DeviceKey: device.key }));
    expect(Device!.DeviceAttributes).toContainEqual({ Name: 'dev:device_remembered_status', Value: 'not_remembered' });
    await ctx.t.admin.send(new AdminForgetDeviceCommand({ ...named, DeviceKey: device.key }));
    expect((await ctx.t.admin.send(new AdminListDevicesCommand(named))).Devices).toEqual([]);
    await expect(ctx.t.stranger.send(new AdminListDevicesCommand(named))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
  });
});

describe('signing in from a remembered device', () => {
  test('the device’s proof stands in for MFA; forgotten, the device is unknown and MFA comes back', async () => {
    const { user, secret, result } = await userWithTotp(app);
    const device = await confirmDevice(result);
    const challenge = await signInWith(app, user, device.key);
    expect(challenge.ChallengeName).toBe('DEVICE_SRP_AUTH');
    const done = await proveDevice(app, user, device, challenge.Session);
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(done.AuthenticationResult!.NewDeviceMetadata).toBeUndefined();
    expect(decodeJwt(done.AuthenticationResult!.AccessToken!).payload.device_key).toBe(device.key);

    await ctx.t.admin.send(new ForgetDeviceCommand({ AccessToken: done.AuthenticationResult!.AccessToken, DeviceKey: device.key }));
    await expect(signInWith(app, user, device.key)).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'Device does not exist.' });
    const again = await signInWith(app, user);
    expect(again.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const tokens = await respond(app, 'SOFTWARE_TOKEN_MFA', again.Session, { USERNAME: user.sub, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, ctx.clock.now()) });
    expect(tokens.AuthenticationResult!.NewDeviceMetadata).toBeDefined();
  });

  test('a wrong device secret is refused', async () => {
    const { user, result } = await userWithTotp(app);
    const device = await confirmDevice(result);
    const challenge = await signInWith(app, user, device.key);
    await expect(proveDevice(app, user, device, challenge.Session, 'not-the-device-password')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  test('the device’s last authentication is noted', async () => {
    const { user, result } = await userWithTotp(app);
    const device = await confirmDevice(result);
    const before = (await ctx.t.admin.send(new GetDeviceCommand({ AccessToken: result.AccessToken, DeviceKey: device.key }))).Device!;
    ctx.clock.advance(60_000);
    const done = await proveDevice(app, user, device, (await signInWith(app, user, device.key)).Session);
    const after = (await ctx.t.admin.send(new GetDeviceCommand({ AccessToken: done.AuthenticationResult!.AccessToken, DeviceKey: device.key }))).Device!;
    expect(after.DeviceLastAuthenticatedDate!.getTime()).toBeGreaterThanOrEqual(before.DeviceLastAuthenticatedDate!.getTime() + 60_000);
  });

  test('a device that is not remembered gets no device challenge: MFA as usual', async () => {
    const prompt = await appWith({ ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true });
    const { user, result } = await userWithTotp(prompt);
    const device = await confirmDevice(result);
    await expect(signInWith(prompt, user, device.key)).resolves.toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA' });
    await ctx.t.admin.send(new UpdateDeviceStatusCommand({ AccessToken: result.AccessToken, DeviceKey: device.key, DeviceRememberedStatus: 'remembered' }));
    await expect(signInWith(prompt, user, device.key)).resolves.toMatchObject({ ChallengeName: 'DEVICE_SRP_AUTH' });
  });

  test('without ChallengeRequiredOnNewDevice, a remembered device proves itself and MFA is still asked', async () => {
    const strict = await appWith({ ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false });
    const { user, result } = await userWithTotp(strict);
    const device = await confirmDevice(result);
    const challenge = await signInWith(strict, user, device.key);
    expect(challenge.ChallengeName).toBe('DEVICE_SRP_AUTH');
    await expect(proveDevice(strict, user, device, challenge.Session)).resolves.toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA' });
  });
});
