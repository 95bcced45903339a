import { getDevice } from '../domain/devices/deviceOps';
import { forNamedUser } from '../domain/userOperation';

export const adminGetDevice = forNamedUser(getDevice);
