import { listDevices } from '../domain/devices/deviceOps';
import { forNamedUser } from '../domain/userOperation';

export const adminListDevices = forNamedUser(listDevices);
