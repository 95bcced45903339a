import { listDevices as work } from '../domain/devices/deviceOps';
import { forTokenUser } from '../domain/userOperation';

export const listDevices = forTokenUser(work);
