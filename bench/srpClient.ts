/**
 * A lean SRP client for the engine benchmark, so that the bench measures the engine's SRP work and
 * not a JavaScript big-integer client's: it uses the engine's own group arithmetic (OpenSSL
 * exponentiation) and keeps one secret `a` (so one A) per client, leaving two exponentiations
 * per sign-in on the client side (g^x and S; the engine does three). Nothing per user is cached,
 * so the client's share is the same at every pool size.
 * The tests check the engine against the reference client (amazon-cognito-identity-js); this one
 * only has to agree with the engine.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { fromHex, g, hashHex, hashText, k, N, padHex, power } from '../src/lib/srpGroup';
import { formatTimestamp } from '../src/local/cognito/domain/srp/timestamp';

export class BenchSrpClient {
  private readonly a = fromHex(randomBytes(32).toString('hex'));
  readonly A = padHex(power(g, this.a)!);
  /** `prefix` is the pool name (or a device's group key). */
  constructor(private readonly prefix: string) {}

  /** The PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) answer for `userId` (USER_ID_FOR_SRP, or the device key). */
  answer(parameters: Record<string, string>, userId: string, password: string): Record<string, string> {
    const B = fromHex(parameters.SRP_B);
    const x = fromHex(hashHex(padHex(fromHex(parameters.SALT)) + hashText(`${this.prefix}${userId}:${password}`)));
    const u = fromHex(hashHex(padHex(fromHex(this.A)) + padHex(B)));
    const base = (((B - k * power(g, x)!) % N) + N) % N;
    const S = power(base, this.a + u * x)!;
    const key = Buffer.from(hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), 'Caldera Derived Key', 16));
    const timestamp = formatTimestamp(Date.now());
    const signature = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(this.prefix), Buffer.from(userId), Buffer.from(parameters.SECRET_BLOCK, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');
    return { USERNAME: userId, PASSWORD_CLAIM_SECRET_BLOCK: parameters.SECRET_BLOCK, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature };
  }
}

/** A device's secret for ConfirmDevice: its random password and DeviceSecretVerifierConfig. */
export function benchDeviceSecret(groupKey: string, deviceKey: string): { password: string; config: { Salt: string; PasswordVerifier: string } } {
  const password = randomBytes(40).toString('base64');
  const salt = padHex(fromHex(randomBytes(16).toString('hex')));
  const x = fromHex(hashHex(salt + hashText(`${groupKey}${deviceKey}:${password}`)));
  const verifier = padHex(power(g, x)!);
  return { password, config: { Salt: Buffer.from(salt, 'hex').toString('base64'), PasswordVerifier: Buffer.from(verifier, 'hex').toString('base64') } };
}
