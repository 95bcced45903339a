/** A device as GetDevice, ListDevices and their admin forms describe it (Cognito's DeviceType). */
import type { DeviceRecord } from '../model';

export function describeDevice(device: DeviceRecord) {
  const attributes = [
    { Name: 'device_status', Value: 'valid' },
    ...(device.name ? [{ Name: 'device_name', Value: device.name }] : []),
    { Name: 'dev:device_remembered_status', Value: device.remembered ? 'remembered' : 'not_remembered' },
    ...(device.lastIp ? [{ Name: 'last_ip_used', Value: device.lastIp }] : []),
  ];
  return {
    DeviceKey: device.deviceKey,
    DeviceAttributes: attributes,
    DeviceCreateDate: new Date(device.createdAt),
    DeviceLastModifiedDate: new Date(device.modifiedAt),
    DeviceLastAuthenticatedDate: new Date(device.lastAuthenticatedAt),
  };
}
