/**
 * The API's device SRP client (src/datasources/cognito/srp.ts) against the engine's server side of
 * the exchange and against amazon-cognito-identity-js's verifier: a device confirmed with either
 * client's verifier proves itself with the API's answer, and a wrong secret does not.
 */
import { createHmac } from 'node:crypto';
import { DeviceSrp, newDeviceVerifier, srpTimestamp } from '../../../src/datasources/cognito/srp';
import { proofMatches, startExchange } from '../../../src/local/cognito/domain/srp/exchange';
import { formatTimestamp } from '../../../src/local/cognito/domain/srp/timestamp';
import { deviceSecret } from '../../support/srp';

const GROUP = '-abcDEF123';
const DEVICE = 'us-east-1_0b0c1d2e-3f40-4152-8364-758697a8b9ca';
const block = createHmac('sha256', 'k').update('block').digest();

/** The engine's exchange against a verifier (base64, as ConfirmDevice takes it); whether `secret` proves it. */
function proves(config: { Salt: string; PasswordVerifier: string }, secret: string): boolean {
  const client = new DeviceSrp(GROUP, DEVICE);
  const exchange = startExchange(BigInt(`0x${client.A}`), Buffer.from(config.PasswordVerifier, 'base64').toString('hex'));
  const parameters = { SRP_B: exchange.B, SALT: Buffer.from(config.Salt, 'base64').toString('hex'), SECRET_BLOCK: block.toString('base64') };
  const answer = client.answer(parameters, secret, Date.now())!;
  return proofMatches(exchange, GROUP, DEVICE, block, answer.TIMESTAMP, answer.PASSWORD_CLAIM_SIGNATURE) && answer.PASSWORD_CLAIM_SECRET_BLOCK === parameters.SECRET_BLOCK;
}

test("a verifier the API makes is proven by its secret, and by nothing else", () => {
  const device = newDeviceVerifier(GROUP, DEVICE);
  expect(proves(device.config, device.secret)).toBe(true);
  expect(proves(device.config, `${device.secret}x`)).toBe(false);
  expect(proves(newDeviceVerifier(GROUP, DEVICE).config, device.secret)).toBe(false);
});

test("the reference client's verifier is proven by the API's answer (the same group, padding and hashing)", async () => {
  const reference = await deviceSecret(GROUP, DEVICE);
  expect(proves(reference.config, reference.password)).toBe(true);
});

test('degenerate challenges get no answer; the timestamp is written as Cognito reads it', () => {
  const client = new DeviceSrp(GROUP, DEVICE);
  expect(client.answer({ SRP_B: '0', SALT: 'ab', SECRET_BLOCK: 'AA==' }, 's')).toBeUndefined();
  expect(client.answer({ SRP_B: 'zz', SALT: 'ab', SECRET_BLOCK: 'AA==' }, 's')).toBeUndefined();
  const at = Date.UTC(2026, 11, 3, 9, 5, 7);
  expect(srpTimestamp(at)).toBe(formatTimestamp(at));
  expect(srpTimestamp(at)).toBe('Thu Dec 3 09:05:07 UTC 2026');
});
