import { updateDeviceStatus } from '../domain/devices/deviceOps';
import { forNamedUser } from '../domain/userOperation';

export const adminUpdateDeviceStatus = forNamedUser(updateDeviceStatus);
