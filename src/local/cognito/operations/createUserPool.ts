import { randomBytes } from 'node:crypto';
import { poolSettingsFrom, describePool } from '../domain/poolSettings';
import { generateSigningKey } from '../domain/tokens';
import type { PoolRecord } from '../domain/model';
import { requiredString } from '../params';
import type { Operation } from '../services';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomId = (length: number): string =>
  Array.from(randomBytes(length), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');

export const createUserPool: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const name = requiredString(input, 'PoolName', { max: 128, pattern: /^[\w\s+=,.@-]+$/ });
    const settings = poolSettingsFrom(input);
    const now = s.clock.now();
    const pool: PoolRecord = {
      poolId: `${s.region}_${randomId(9)}`,
      name,
      region: s.region,
      settings,
      signingKey: generateSigningKey(),
      pepper: randomBytes(32).toString('base64'),
      userCount: 0,
      createdAt: now,
      modifiedAt: now,
    };
    await s.pools.createPool(pool);
    return { UserPool: describePool(pool, 0) };
  },
};
