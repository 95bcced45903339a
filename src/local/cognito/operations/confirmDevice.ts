import { plainAddress } from '../domain/caller';
import { confirmDevice as confirm } from '../domain/devices/deviceOps';
import { authenticateAccessToken } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

/** Confirms the device a sign-in got NewDeviceMetadata for, with the access token of that sign-in. */
export const confirmDevice: Operation = {
  access: 'token',
  async run(s, { input, sourceIp }) {
    const { pool, user, claims } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    return confirm(s, pool, user, claims.device_key, input, plainAddress(sourceIp));
  },
};
