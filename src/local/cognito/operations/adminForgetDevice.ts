import { forgetDevice } from '../domain/devices/deviceOps';
import { forNamedUser } from '../domain/userOperation';

export const adminForgetDevice = forNamedUser(forgetDevice);
