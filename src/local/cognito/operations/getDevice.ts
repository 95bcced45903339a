import { getDevice as work } from '../domain/devices/deviceOps';
import { forTokenUser } from '../domain/userOperation';

export const getDevice = forTokenUser(work);
