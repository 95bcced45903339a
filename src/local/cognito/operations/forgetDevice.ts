import { forgetDevice as work } from '../domain/devices/deviceOps';
import { forTokenUser } from '../domain/userOperation';

export const forgetDevice = forTokenUser(work);
