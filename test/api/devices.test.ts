/**
 * Remembered devices through the API, for a browser that runs no SRP: a sign-in from a new device
 * returns its keys and secret once; remembered, the device signs in with them and MFA is skipped
 * (the API answers DEVICE_SRP_AUTH itself); forgotten, its keys are refused and MFA is back. The
 * user's device list, and the admin's view and forget. A wrong secret and another user's device
 * key get a clear error and change nothing.
 */
import { ManualClock } from '../../src/local/cognito/clock';
import { AdminForgetDeviceDocument, AdminUserSecurityDocument, ForgetDeviceDocument, MyDevicesDocument, RememberDeviceDocument } from '../generated/graphql';
import { adminToken } from '../support/admin';
import { errorCode, startTestApi, TestApi } from '../support/api';
import { signInWith, signInWithTotp, userWithTotp } from '../support/mfa';
import { PASSWORD } from '../support/users';

const clock = new ManualClock(Date.now());
const logLines: string[] = [];
const secretsSeen: string[] = [];
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock, log: (line) => logLines.push(line) });
});
afterAll(() => t.stop());

type NewDevice = { key: string; groupKey: string; secret: string; remembered: boolean };

/** A TOTP user signed in from a new device, which they then remember; the device and the sign-in's token. */
async function rememberedDevice(label: string) {
  const user = await userWithTotp(t, label, clock);
  const done = await signInWithTotp(t, user, clock, { deviceName: 'Firefox on Linux' });
  const signIn = done.data!.confirmSignIn!;
  const device = signIn.newDevice as NewDevice;
  secretsSeen.push(device.secret);
  expect(device).toEqual({ key: expect.stringMatching(/^us-east-1_/), groupKey: expect.any(String), secret: expect.any(String), remembered: false });
  const token = signIn.tokens!.accessToken;
  expect((await t.gql(RememberDeviceDocument, { key: device.key }, { token })).data?.rememberDevice).toBe(true);
  return { user, device, token };
}

const withDevice = (email: string, device: NewDevice, secret = device.secret) =>
  signInWith(t, { username: email, password: PASSWORD, device: { key: device.key, groupKey: device.groupKey, secret } });

test('a remembered device signs in without MFA, and shows in the user\'s list as remembered and current', async () => {
  const { user, device } = await rememberedDevice('remember');
  const signIn = await withDevice(user.email, device);
  expect(signIn.errors).toBeUndefined();
  expect(signIn.data?.signIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' }, newDevice: null });
  const token = signIn.data!.signIn!.tokens!.accessToken;
  const list = await t.gql(MyDevicesDocument, {}, { token });
  // Every earlier sign-in from a new device (the one right after sign-up too) is a device Cognito tracks, not remembered.
  expect(list.data?.myDevices?.items).toContainEqual({
    key: device.key,
    name: 'Firefox on Linux',
    lastIp: '127.0.0.1',
    createdAt: expect.any(String),
    lastSignedInAt: expect.any(String),
    remembered: true,
    current: true,
  });
  expect(list.data!.myDevices!.items.filter((d) => d.remembered || d.current)).toHaveLength(1);
  const page = await t.gql(MyDevicesDocument, { limit: 1 }, { token });
  expect(page.data?.myDevices?.items).toHaveLength(1);
  const rest = await t.gql(MyDevicesDocument, { limit: 1, nextToken: page.data!.myDevices!.nextToken }, { token });
  expect(rest.data?.myDevices?.items).toHaveLength(1);
});

test('forgotten, the device is refused with a clear error, and signing in without it asks for MFA again', async () => {
  const { user, device, token } = await rememberedDevice('forget');
  expect((await t.gql(ForgetDeviceDocument, { key: device.key }, { token })).data?.forgetDevice).toBe(true);
  const refused = await withDevice(user.email, device);
  expect(errorCode(refused)).toBe('DEVICE_NOT_RECOGNIZED');
  const again = await signInWith(t, { username: user.email, password: PASSWORD });
  expect(again.data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  expect(errorCode(await t.gql(ForgetDeviceDocument, { key: device.key }, { token }))).toBe('NOT_FOUND');
});

test('a wrong device secret and another user\'s device key are refused, and the device still works after', async () => {
  const { user, device } = await rememberedDevice('wrong-secret');
  const other = await rememberedDevice('other-owner');
  const wrong = await withDevice(user.email, device, `${device.secret.slice(0, -4)}AAAA`);
  expect([errorCode(wrong), wrong.errors?.[0]?.extensions?.field]).toEqual(['DEVICE_NOT_RECOGNIZED', 'device']);
  expect(wrong.data?.signIn ?? null).toBeNull();
  const foreign = await withDevice(user.email, other.device);
  expect(errorCode(foreign)).toBe('DEVICE_NOT_RECOGNIZED');
  expect((await withDevice(user.email, device)).data?.signIn?.isSignedIn).toBe(true);
  expect((await withDevice(other.user.email, other.device)).data?.signIn?.isSignedIn).toBe(true);
});

test('malformed device input is refused before Cognito is asked', async () => {
  const { user, device } = await rememberedDevice('bad-device');
  for (const [bad, field] of [
    [{ ...device, key: 'not-a-key' }, 'device.key'],
    [{ ...device, groupKey: 'bad key!' }, 'device.groupKey'],
    [{ ...device, secret: 'short' }, 'device.secret'],
  ] as const) {
    const answer = await signInWith(t, { username: user.email, password: PASSWORD, device: { key: bad.key, groupKey: bad.groupKey, secret: bad.secret } });
    expect([errorCode(answer), answer.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
  }
});

test("an admin sees a user's devices and MFA, and forgets a device for them", async () => {
  const { user, device } = await rememberedDevice('admin-view');
  const admin = await adminToken(t);
  const view = await t.gql(AdminUserSecurityDocument, { username: user.email }, { token: admin });
  expect(view.errors).toBeUndefined();
  expect(view.data?.user).toMatchObject({
    sub: user.sub,
    mfaPreference: { enabled: ['TOTP'] },
    devices: { items: expect.arrayContaining([expect.objectContaining({ key: device.key, remembered: true, current: false })]) },
  });
  expect((await t.gql(AdminForgetDeviceDocument, { username: user.email, key: device.key }, { token: admin })).data?.adminForgetDevice).toBe(true);
  expect(errorCode(await withDevice(user.email, device))).toBe('DEVICE_NOT_RECOGNIZED');
  expect(errorCode(await t.gql(AdminForgetDeviceDocument, { username: user.email, key: device.key }, { token: admin }))).toBe('NOT_FOUND');
  // Not for users.
  const denied = await t.gql(AdminForgetDeviceDocument, { username: user.email, key: device.key }, { token: user.accessToken });
  expect(denied.errors?.[0]?.errorType).toBe('Unauthorized');
});

test('no device secret is ever written to the log (at debug level)', () => {
  expect(secretsSeen.length).toBeGreaterThan(0);
  expect(logLines.length).toBeGreaterThan(0);
  for (const secret of secretsSeen) expect(logLines.filter((line) => line.includes(secret))).toEqual([]);
});
