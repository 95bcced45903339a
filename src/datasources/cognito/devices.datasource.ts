/**
 * The devices Cognito tracks for a user: listed, remembered, forgotten, by the user (with their
 * access token) or by an admin (by username); and a new device confirmed for a browser that does
 * not run SRP itself, with a secret made here and handed back once (srp.ts). Cognito sets a
 * device's name at ConfirmDevice only: there is no call to rename one.
 */
import {
  AdminForgetDeviceCommand,
  AdminListDevicesCommand,
  ConfirmDeviceCommand,
  DeviceType,
  ForgetDeviceCommand,
  ListDevicesCommand,
  UpdateDeviceStatusCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ApiError } from '../../errors';
import type { Device } from '../../schema/types/device.types';
import type { NewDevice } from '../../schema/types/session.types';
import { isCognitoException } from './errors';
import type { CognitoGateway } from './gateway';
import { newDeviceVerifier } from './srp';

export interface DevicePage {
  items: Device[];
  nextToken?: string;
}

const deviceNotFound = (): ApiError => new ApiError('NOT_FOUND', 'No such device for this user.', { field: 'key' });
const notFoundRecovery = (error: unknown): never | undefined => {
  if (isCognitoException(error, 'ResourceNotFoundException')) throw deviceNotFound();
  return undefined;
};

export function toDevice(device: DeviceType, currentKey?: string): Device {
  const attribute = (name: string) => device.DeviceAttributes?.find((a) => a.Name === name)?.Value;
  return {
    key: device.DeviceKey ?? '',
    name: attribute('device_name'),
    lastIp: attribute('last_ip_used'),
    createdAt: device.DeviceCreateDate,
    lastSignedInAt: device.DeviceLastAuthenticatedDate,
    lastModifiedAt: device.DeviceLastModifiedDate,
    remembered: attribute('dev:device_remembered_status') === 'remembered',
    current: !!currentKey && device.DeviceKey === currentKey,
  };
}

export class DevicesDataSource {
  constructor(private readonly cognito: CognitoGateway) {}

  async list(accessToken: string, limit: number, nextToken: string | undefined, currentKey?: string): Promise<DevicePage> {
    const page = await this.cognito.call('ListDevices', (sdk) => sdk.send(new ListDevicesCommand({ AccessToken: accessToken, Limit: limit, PaginationToken: nextToken })));
    return { items: (page.Devices ?? []).map((d) => toDevice(d, currentKey)), nextToken: page.PaginationToken };
  }

  async adminList(username: string, limit: number, nextToken: string | undefined): Promise<DevicePage> {
    const page = await this.cognito.call(
      'AdminListDevices',
      (sdk) => sdk.send(new AdminListDevicesCommand({ UserPoolId: this.cognito.settings.userPoolId, Username: username, Limit: limit, PaginationToken: nextToken })),
      { revealMissingUser: true },
    );
    return { items: (page.Devices ?? []).map((d) => toDevice(d)), nextToken: page.PaginationToken };
  }

  async setRemembered(accessToken: string, key: string, remembered: boolean): Promise<void> {
    await this.cognito.call(
      'UpdateDeviceStatus',
      (sdk) => sdk.send(new UpdateDeviceStatusCommand({ AccessToken: accessToken, DeviceKey: key, DeviceRememberedStatus: remembered ? 'remembered' : 'not_remembered' })),
      { recover: notFoundRecovery },
    );
  }

  async forget(accessToken: string, key: string): Promise<void> {
    await this.cognito.call('ForgetDevice', (sdk) => sdk.send(new ForgetDeviceCommand({ AccessToken: accessToken, DeviceKey: key })), { recover: notFoundRecovery });
  }

  async adminForget(username: string, key: string): Promise<void> {
    await this.cognito.call(
      'AdminForgetDevice',
      (sdk) => sdk.send(new AdminForgetDeviceCommand({ UserPoolId: this.cognito.settings.userPoolId, Username: username, DeviceKey: key })),
      { revealMissingUser: true, recover: notFoundRecovery },
    );
  }

  /**
   * Confirms the device a sign-in's tokens name, with a verifier of a secret made here: the
   * secret goes back to the client once and is kept nowhere else.
   */
  async confirm(accessToken: string, metadata: { DeviceKey?: string; DeviceGroupKey?: string }, name: string): Promise<NewDevice | undefined> {
    const { DeviceKey: key, DeviceGroupKey: groupKey } = metadata;
    if (!key || !groupKey) return undefined;
    const device = newDeviceVerifier(groupKey, key);
    const result = await this.cognito.call('ConfirmDevice', (sdk) =>
      sdk.send(new ConfirmDeviceCommand({ AccessToken: accessToken, DeviceKey: key, DeviceSecretVerifierConfig: device.config, DeviceName: name })),
    );
    return { key, groupKey, secret: device.secret, remembered: !result.UserConfirmationNecessary };
  }
}
