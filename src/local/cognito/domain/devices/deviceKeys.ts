/**
 * Device tracking: whether a pool tracks devices, the keys a new device gets, and the device a
 * sign-in presents.
 *
 * A sign-in that presents no known device gets NewDeviceMetadata (a new device key and its group
 * key) with its tokens, and its access token names the key (`device_key`). Nothing is stored until
 * the client confirms the device (ConfirmDevice, with that access token), so sign-ins that never
 * confirm cost nothing. The group key is derived from the device key with the pool's pepper,
 * because ConfirmDevice does not send it back and the device's SRP needs it.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { ResourceNotFoundException, messages } from '../../errors';
import type { EngineServices } from '../../services';
import type { NewDeviceMetadata } from '../authResult';
import type { Account } from '../lookup';
import type { DeviceRecord, PoolRecord } from '../model';
import { keys } from '../table';

/** Device tracking is on once any DeviceConfiguration property is given, as in Cognito. */
export function tracksDevices(pool: PoolRecord): boolean {
  const config = pool.settings.DeviceConfiguration;
  return !!config && (config.ChallengeRequiredOnNewDevice !== undefined || config.DeviceOnlyRememberedOnUserPrompt !== undefined);
}

/** ChallengeRequiredOnNewDevice: a remembered device's own proof stands in for MFA. */
export const rememberedDeviceSkipsMfa = (pool: PoolRecord): boolean => pool.settings.DeviceConfiguration?.ChallengeRequiredOnNewDevice === true;

/** DeviceOnlyRememberedOnUserPrompt: a confirmed device waits for UpdateDeviceStatus to be remembered. */
export const remembersOnPrompt = (pool: PoolRecord): boolean => pool.settings.DeviceConfiguration?.DeviceOnlyRememberedOnUserPrompt === true;

export const deviceGroupKey = (pool: PoolRecord, deviceKey: string): string =>
  `-${createHmac('sha256', pool.pepper).update(`device-group:${deviceKey}`).digest('base64url').slice(0, 9)}`;

export function newDeviceMetadata(pool: PoolRecord): NewDeviceMetadata {
  const deviceKey = `${pool.region}_${randomUUID()}`;
  return { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey(pool, deviceKey) };
}

/** Where an account's devices live: the user's partition, or for an unknown name its ghost's (which holds none). */
export const devicePartition = (pool: PoolRecord, account: Account): string =>
  account.user ? keys.userPartition(pool.poolId, account.user.usernameKey) : account.ghost.partition;

/**
 * The device a sign-in presents (DEVICE_KEY), which must be one the account confirmed: otherwise
 * ResourceNotFoundException naming the device, on which the Cognito clients forget their stored
 * key and sign in again without it. A name no user has has no devices, so it answers the same.
 */
export async function presentedDevice(s: EngineServices, pool: PoolRecord, account: Account, deviceKey: string | undefined): Promise<DeviceRecord | undefined> {
  if (!deviceKey) return undefined;
  const device = await s.devices.get(devicePartition(pool, account), deviceKey);
  if (!device) throw new ResourceNotFoundException(messages.deviceNotFound);
  return device;
}
