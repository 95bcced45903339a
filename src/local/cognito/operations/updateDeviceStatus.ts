import { updateDeviceStatus as work } from '../domain/devices/deviceOps';
import { forTokenUser } from '../domain/userOperation';

export const updateDeviceStatus = forTokenUser(work);
