/**
 * Sealing secrets the engine must be able to read back (TOTP secrets), so that a copy of the user
 * records does not hand them out: AES-256-GCM, with the user's sub as associated data (a sealed
 * value moved to another user's record does not open).
 *
 * The key is derived (HKDF) from the pool's pepper, which lives with the pool's signing key, and,
 * when the engine is given one (EngineOptions.secretKey; `npm run cognito:local` keeps one in the
 * data directory), from an engine key kept outside the table. With an engine key, a dump of the
 * table alone reveals no TOTP secret; without one, the pool record is the key's only home, as the
 * signing key's is. Changing or losing the engine key makes every sealed secret unreadable: TOTP
 * then fails as a wrong code, and users set it up again.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { PoolRecord } from '../model';

const VERSION = 'v1';

export class SecretBox {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly engineKey?: Buffer) {}

  private key(pool: PoolRecord): Buffer {
    let key = this.keys.get(pool.poolId);
    if (!key) {
      const material = Buffer.concat([Buffer.from(pool.pepper, 'base64'), this.engineKey ?? Buffer.alloc(0)]);
      key = Buffer.from(hkdfSync('sha256', material, pool.poolId, 'cognito-local secret box', 32));
      this.keys.set(pool.poolId, key);
    }
    return key;
  }

  seal(pool: PoolRecord, owner: string, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(pool), iv).setAAD(Buffer.from(owner));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, body, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** The plaintext, or undefined when the value was sealed for someone else, with another key, or is damaged. */
  open(pool: PoolRecord, owner: string, sealed: string): string | undefined {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== VERSION || !iv || !body || !tag) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(pool), Buffer.from(iv, 'base64url')).setAAD(Buffer.from(owner));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
