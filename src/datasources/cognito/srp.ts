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
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** RFC 5054's 3072-bit prime (appendix A); the generator is 2. */
const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;
const INFO = 'Caldera Derived Key';

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

const fromHex = (hex: string): bigint => BigInt(`0x${hex}`);
const hashHex = (hex: string): string => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const hashText = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const randomNumber = (bytes: number): bigint => fromHex(randomBytes(bytes).toString('hex'));

const k = fromHex(hashHex(padHex(N) + padHex(g)));

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
  const verifier = padHex(modPow(g, deviceX(salt, groupKey, deviceKey, secret), N));
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
      A = modPow(g, a, N);
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
    const base = (((B - k * modPow(g, x, N)) % N) + N) % N;
    const S = modPow(base, this.a + u * x, N);
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
