/**
 * The key that, with each pool's pepper, seals the engine's TOTP secrets: kept in its own file
 * beside the database (DATA_DIR/engine-secret.key), not in it, so a copy of the table alone
 * reveals no TOTP secret. Made once, readable by this user only; losing it means users set TOTP
 * up again. `npm start` and `npm run cognito:local` keep the same file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function engineSecretKey(dataDir: string): Buffer {
  const file = join(dataDir, 'engine-secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length < 32) throw new Error(`${file} must hold at least 32 bytes, base64`);
  return key;
}
