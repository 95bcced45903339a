/**
 * The device operations, shared by their token forms (ConfirmDevice, GetDevice, ListDevices,
 * ForgetDevice, UpdateDeviceStatus: the user of the access token) and their admin forms (the user
 * named). A device key is looked up in the user's own partition only, so another user's key is
 * simply not found.
 */
import { DeviceKeyExistsException, InvalidParameterException, ResourceNotFoundException, messages } from '../../errors';
import { oneOf, optionalNumber, optionalString, requiredString } from '../../params';
import type { EngineServices } from '../../services';
import type { DeviceRecord, PoolRecord, UserRecord } from '../model';
import { verifierFromConfig } from '../srp/verifier';
import { deviceGroupKey, devicePartition, remembersOnPrompt } from './deviceKeys';
import { describeDevice } from './deviceShape';

type Input = Record<string, unknown>;

/** Cognito's device keys: `<region>_<uuid>`. */
export const DEVICE_KEY = { max: 55, pattern: /^[\w-]+_[0-9a-f-]+$/ };
export const MAX_DEVICES_PER_PAGE = 60;

const partitionOf = (pool: PoolRecord, user: UserRecord): string => devicePartition(pool, { user });

async function requireDevice(s: EngineServices, pool: PoolRecord, user: UserRecord, deviceKey: string): Promise<DeviceRecord> {
  const device = await s.devices.get(partitionOf(pool, user), deviceKey);
  if (!device) throw new ResourceNotFoundException(messages.deviceNotFound);
  return device;
}

/**
 * ConfirmDevice: the device key must be the one this access token was issued with (the sign-in
 * that got NewDeviceMetadata), and the verifier well-formed. Remembered at once unless the pool
 * asks the user first (DeviceOnlyRememberedOnUserPrompt), which the answer says.
 */
export async function confirmDevice(s: EngineServices, pool: PoolRecord, user: UserRecord, tokenDeviceKey: unknown, input: Input, ipAddress: string) {
  const deviceKey = requiredString(input, 'DeviceKey', DEVICE_KEY);
  const name = optionalString(input, 'DeviceName', { max: 1024 });
  const config = input.DeviceSecretVerifierConfig;
  const verifier = config && typeof config === 'object' ? verifierFromConfig(config as Input) : undefined;
  if (!verifier) throw new InvalidParameterException('DeviceSecretVerifierConfig must hold a PasswordVerifier and a Salt, base64.');
  if (tokenDeviceKey !== deviceKey) throw new ResourceNotFoundException(messages.deviceNotFound);
  const now = s.clock.now();
  const onPrompt = remembersOnPrompt(pool);
  const created = await s.devices.create(partitionOf(pool, user), {
    deviceKey,
    deviceGroupKey: deviceGroupKey(pool, deviceKey),
    salt: verifier.salt,
    verifier: verifier.verifier,
    name,
    remembered: !onPrompt,
    lastIp: ipAddress || undefined,
    createdAt: now,
    modifiedAt: now,
    lastAuthenticatedAt: now,
  });
  if (!created) throw new DeviceKeyExistsException('Device key already exists.');
  return { UserConfirmationNecessary: onPrompt };
}

export async function getDevice(s: EngineServices, pool: PoolRecord, user: UserRecord, input: Input) {
  return { Device: describeDevice(await requireDevice(s, pool, user, requiredString(input, 'DeviceKey', DEVICE_KEY))) };
}

export async function listDevices(s: EngineServices, pool: PoolRecord, user: UserRecord, input: Input) {
  const limit = optionalNumber(input, 'Limit', 0, MAX_DEVICES_PER_PAGE) || MAX_DEVICES_PER_PAGE;
  const token = optionalString(input, 'PaginationToken', { max: 256 });
  const after = token ? Buffer.from(token, 'base64url').toString('utf8') : undefined;
  if (after !== undefined && !DEVICE_KEY.pattern.test(after)) throw new InvalidParameterException('PaginationToken is not valid.');
  const { devices, next } = await s.devices.list(partitionOf(pool, user), limit, after);
  return { Devices: devices.map(describeDevice), PaginationToken: next ? Buffer.from(next).toString('base64url') : undefined };
}

export async function forgetDevice(s: EngineServices, pool: PoolRecord, user: UserRecord, input: Input) {
  if (!(await s.devices.delete(partitionOf(pool, user), requiredString(input, 'DeviceKey', DEVICE_KEY)))) {
    throw new ResourceNotFoundException(messages.deviceNotFound);
  }
  return {};
}

export async function updateDeviceStatus(s: EngineServices, pool: PoolRecord, user: UserRecord, input: Input) {
  const deviceKey = requiredString(input, 'DeviceKey', DEVICE_KEY);
  const status = oneOf('DeviceRememberedStatus', requiredString(input, 'DeviceRememberedStatus'), ['remembered', 'not_remembered']);
  if (!(await s.devices.update(partitionOf(pool, user), deviceKey, { remembered: status === 'remembered', modifiedAt: s.clock.now() }))) {
    throw new ResourceNotFoundException(messages.deviceNotFound);
  }
  return {};
}
