/**
 * The client side of Cognito's SRP. Mainly for remembered devices: the API acts for a browser
 * that does not run SRP itself. At ConfirmDevice it makes the device's random secret and the
 * verifier Cognito keeps ({Salt, PasswordVerifier}); at a later sign-in it answers DEVICE_SRP_AUTH
 * (SRP_A) and DEVICE_PASSWORD_VERIFIER (the proof) with that secret. The same proof answers
 * USER_SRP_AUTH's PASSWORD_VERIFIER for `authFlow: USER_SRP_AUTH`. Cognito's variant of SRP-6a,
 * as amazon-cognito-identity-js computes it: the 3072-bit group of RFC 5054, SHA-256, and
 *
 *   x = H(salt ‖ H(prefix ‖ userId ‖ ":" ‖ secret)),  v = g^x
 *   k = H(N ‖ g),  u = H(A ‖ B),  S = (B − k·g^x)^(a + u·x)
 *   K = HKDF-SHA256(ikm = S, salt = u, info = "Caldera Derived Key", 16 bytes)
 *   PASSWORD_CLAIM_SIGNATURE = HMAC-SHA256(K, prefix ‖ userId ‖ secret block ‖ timestamp)
 *
 * where prefix and userId are the device's group key and key, or the pool's name (the part of
 * its id after "_") and USER_ID_FOR_SRP.
 *
 * Numbers travel as hex, padded as the reference client pads them (a leading 00 when the first
 * nibble has its high bit set, so they read as positive).
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { fromHex, g, hashHex, hashText, k, N, padHex, power } from '../../lib/srpGroup';

const INFO = 'Caldera Derived Key';
const randomNumber = (bytes: number): bigint => fromHex(randomBytes(bytes).toString('hex'));

/** g^x mod N, x being a positive secret (OpenSSL refuses nothing there). */
const gPower = (x: bigint): bigint => power(g, x)!;

/** x: the salt (hex, padded) and secret, under the prefix and user id. */
const deviceX = (saltHex: string, prefix: string, userId: string, secret: string): bigint =>
  fromHex(hashHex(padHex(fromHex(saltHex)) + hashText(`${prefix}${userId}:${secret}`)));

/** What ConfirmDevice needs, and the secret only the client keeps. */
export interface DeviceVerifier {
  secret: string;
  config: { Salt: string; PasswordVerifier: string };
}

/** A new device's random secret and its verifier (Salt and PasswordVerifier, base64, as ConfirmDevice takes them). */
export function newDeviceVerifier(groupKey: string, deviceKey: string): DeviceVerifier {
  const secret = randomBytes(40).toString('base64');
  const salt = padHex(randomNumber(16));
  const verifier = padHex(gPower(deviceX(salt, groupKey, deviceKey, secret)));
  return { secret, config: { Salt: Buffer.from(salt, 'hex').toString('base64'), PasswordVerifier: Buffer.from(verifier, 'hex').toString('base64') } };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue Dec 3 12:00:00 UTC 2026`: the TIMESTAMP format Cognito signs and checks. */
export function srpTimestamp(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** One exchange: SRP_A to send, then the proof for the server's challenge. */
export class SrpProof {
  private readonly a: bigint;
  readonly A: string;

  /** `prefix`: the pool's name, or a device's group key. */
  constructor(private readonly prefix: string) {
    let a = 0n;
    let A = 0n;
    // a of 256 bits; an A of 0 mod N would be refused.
    while (A === 0n) {
      a = randomNumber(32);
      A = gPower(a);
    }
    this.a = a;
    this.A = A.toString(16);
  }

  /**
   * The answer to a challenge's SRP_B, SALT and SECRET_BLOCK for `userId` (USER_ID_FOR_SRP, or the
   * device key), proving `secret`; undefined when the challenge is degenerate (B or u zero, or
   * not hex), which no honest server sends.
   */
  answer(parameters: Record<string, string | undefined>, userId: string, secret: string, at = Date.now()): Record<string, string> | undefined {
    const { SRP_B, SALT, SECRET_BLOCK } = parameters;
    if (!SRP_B || !SALT || !SECRET_BLOCK || !/^[0-9a-fA-F]+$/.test(SRP_B) || !/^[0-9a-fA-F]+$/.test(SALT)) return undefined;
    const B = fromHex(SRP_B);
    if (B % N === 0n) return undefined;
    const u = fromHex(hashHex(padHex(fromHex(this.A)) + padHex(B)));
    if (u === 0n) return undefined;
    const x = deviceX(SALT, this.prefix, userId, secret);
    const base = (((B - k * gPower(x)) % N) + N) % N;
    const S = power(base, this.a + u * x);
    // OpenSSL refuses a degenerate base (0, 1 or N-1), which no honest server's B gives.
    if (S === undefined) return undefined;
    const key = Buffer.from(hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), INFO, 16));
    const timestamp = srpTimestamp(at);
    const signature = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(this.prefix), Buffer.from(userId), Buffer.from(SECRET_BLOCK, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');
    return { PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature };
  }
}

/** One device sign-in's exchange: SRP_A to send, then the answer to DEVICE_PASSWORD_VERIFIER. */
export class DeviceSrp {
  private readonly proof: SrpProof;

  constructor(
    groupKey: string,
    private readonly deviceKey: string,
  ) {
    this.proof = new SrpProof(groupKey);
  }

  get A(): string {
    return this.proof.A;
  }

  /** The DEVICE_PASSWORD_VERIFIER responses proving `secret`; undefined for a degenerate challenge. */
  answer(parameters: Record<string, string | undefined>, secret: string, at = Date.now()): Record<string, string> | undefined {
    const answer = this.proof.answer(parameters, this.deviceKey, secret, at);
    return answer && { ...answer, DEVICE_KEY: this.deviceKey };
  }
}
