/**
 * SRP as the reference client computes it, for tests that drive USER_SRP_AUTH and device
 * sign-in through the AWS SDK: amazon-cognito-identity-js's own AuthenticationHelper and
 * DateHelper (not the engine's maths, so the engine is checked against an independent client).
 */
import { createHmac } from 'node:crypto';
import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';

// The package's typings leave these out, though its index exports them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const reference = require('amazon-cognito-identity-js') as { AuthenticationHelper: unknown; DateHelper: new () => { getNowString(): string } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default as new (hex: string, radix: number) => unknown;
const { DateHelper } = reference;

interface Helper {
  getLargeAValue(callback: (error: unknown, A: { toString(radix: number): string }) => void): void;
  getPasswordAuthenticationKey(userId: string, password: string, B: unknown, salt: unknown, callback: (error: unknown, key: Buffer) => void): void;
  generateHashDevice(groupKey: string, deviceKey: string, callback: (error: unknown) => void): void;
  getSaltDevices(): string;
  getVerifierDevices(): string;
  getRandomPassword(): string;
}
const Helper = reference.AuthenticationHelper as new (prefix: string) => Helper;

export const poolNameOf = (poolId: string): string => poolId.split('_')[1];

/** A client's side of one exchange: its SRP_A, then the proof for the server's challenge. */
export class SrpClient {
  private readonly helper: Helper;

  /** `prefix` is the pool name for a user's password, a device's group key for a device. */
  constructor(private readonly prefix: string) {
    this.helper = new Helper(prefix);
  }

  static forPool(poolId: string): SrpClient {
    return new SrpClient(poolNameOf(poolId));
  }

  get A(): string {
    let A = '';
    this.helper.getLargeAValue((error, value) => {
      if (error) throw error;
      A = value.toString(16);
    });
    return A;
  }

  /**
   * The PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) answer to `parameters` for `userId`
   * (USER_ID_FOR_SRP, or the device key) and `password`, signed at `at` (default: now).
   */
  async answer(parameters: Record<string, string>, userId: string, password: string, at?: number): Promise<Record<string, string>> {
    const key = await new Promise<Buffer>((resolve, reject) =>
      this.helper.getPasswordAuthenticationKey(userId, password, new BigInteger(parameters.SRP_B, 16), new BigInteger(parameters.SALT, 16), (error, hkdf) =>
        error ? reject(error) : resolve(hkdf),
      ),
    );
    const timestamp = at === undefined ? new DateHelper().getNowString() : timestampAt(at);
    const signature = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(this.prefix), Buffer.from(userId), Buffer.from(parameters.SECRET_BLOCK, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');
    return { USERNAME: userId, PASSWORD_CLAIM_SECRET_BLOCK: parameters.SECRET_BLOCK, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature };
  }
}

/** A device's secret as the client makes it for ConfirmDevice: the random password and its verifier config. */
export async function deviceSecret(groupKey: string, deviceKey: string): Promise<{ password: string; config: { Salt: string; PasswordVerifier: string } }> {
  const helper = new Helper(groupKey);
  await new Promise<void>((resolve, reject) => helper.generateHashDevice(groupKey, deviceKey, (error) => (error ? reject(error) : resolve())));
  return {
    password: helper.getRandomPassword(),
    config: {
      Salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
      PasswordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
    },
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue Dec 3 12:00:00 UTC 2026` for an instant, as DateHelper writes the present (for a test's own clock). */
export function timestampAt(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** The app a sign-in goes through: a client of a pool, and an SDK client to send with. */
export interface SrpApp {
  poolId: string;
  clientId: string;
  t: { admin: CognitoIdentityProviderClient };
}

/** InitiateAuth USER_SRP_AUTH: the client's side and the PASSWORD_VERIFIER challenge it got. */
export async function startSrp(app: SrpApp, username: string, extra: Record<string, string> = {}) {
  const client = SrpClient.forPool(app.poolId);
  const challenge = await app.t.admin.send(
    new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: client.A, ...extra } }),
  );
  return { client, challenge };
}

/** The full USER_SRP_AUTH sign-in (both round trips); the second step's answer. `at` signs at another instant. */
export async function srpSignIn(app: SrpApp, username: string, password: string, options: { at?: number; responses?: Record<string, string> } = {}) {
  const { client, challenge } = await startSrp(app, username);
  const parameters = challenge.ChallengeParameters!;
  const answer = await client.answer(parameters, parameters.USER_ID_FOR_SRP, password, options.at);
  return app.t.admin.send(
    new RespondToAuthChallengeCommand({
      ClientId: app.clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: challenge.Session,
      ChallengeResponses: { ...answer, ...options.responses },
    }),
  );
}
