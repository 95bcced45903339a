/** The engine's SRP maths against amazon-cognito-identity-js's AuthenticationHelper (the reference client). */
import { makeVerifier, simulatedVerifier } from '../../../../src/local/cognito/domain/srp/verifier';
import { parseClientValue, proofMatches, secretBlockFor, startExchange } from '../../../../src/local/cognito/domain/srp/exchange';
import { formatTimestamp, parseTimestamp } from '../../../../src/local/cognito/domain/srp/timestamp';
import { SrpClient, timestampAt } from '../../../support/srp';

const POOL = 'us-east-1_Abc123XYZ';
const USER = '0b7c5d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
const PASSWORD = 'Correct-horse-1';

async function exchange(verifier: { salt: string; verifier: string }, password: string) {
  const client = SrpClient.forPool(POOL);
  const server = startExchange(parseClientValue(client.A)!, verifier.verifier);
  const block = secretBlockFor('pepper', 'challenge-1');
  const parameters = { SRP_B: server.B, SALT: verifier.salt, SECRET_BLOCK: block.toString('base64') };
  const at = Date.UTC(2026, 11, 3, 12, 0, 0);
  const answer = await client.answer(parameters, USER, password, at);
  return proofMatches(server, 'Abc123XYZ', USER, block, answer.TIMESTAMP, answer.PASSWORD_CLAIM_SIGNATURE);
}

test('a proof made with the right password matches; a wrong password does not', async () => {
  const verifier = makeVerifier(POOL, USER, PASSWORD);
  expect(await exchange(verifier, PASSWORD)).toBe(true);
  expect(await exchange(verifier, 'Wrong-horse-1')).toBe(false);
});

test('repeated exchanges with fresh values all match (padding of every size)', async () => {
  const verifier = makeVerifier(POOL, USER, PASSWORD);
  for (let i = 0; i < 20; i++) expect(await exchange(verifier, PASSWORD)).toBe(true);
});

test('a simulated verifier is stable per name and matches no password', async () => {
  expect(simulatedVerifier('pepper', 'ghost')).toEqual(simulatedVerifier('pepper', 'ghost'));
  expect(simulatedVerifier('pepper', 'ghost').salt).not.toBe(simulatedVerifier('pepper', 'other').salt);
  expect(await exchange(simulatedVerifier('pepper', 'ghost'), PASSWORD)).toBe(false);
});

test('SRP_A that is 0 mod N, or not hex, is refused', () => {
  expect(parseClientValue('0')).toBeUndefined();
  expect(parseClientValue('xyz')).toBeUndefined();
  expect(parseClientValue('ab')).toBe(0xabn);
});

test('TIMESTAMP: Cognito form, day not zero-padded, real dates only', () => {
  const at = Date.UTC(2026, 11, 3, 12, 0, 0);
  expect(formatTimestamp(at)).toBe('Thu Dec 3 12:00:00 UTC 2026');
  expect(timestampAt(at)).toBe(formatTimestamp(at));
  expect(parseTimestamp('Thu Dec 3 12:00:00 UTC 2026')).toBe(at);
  expect(parseTimestamp('Thu Dec 03 12:00:00 UTC 2026')).toBeUndefined();
  expect(parseTimestamp('Tue Dec 3 12:00:00 UTC 2026')).toBeUndefined();
  expect(parseTimestamp('Mon Feb 30 12:00:00 UTC 2026')).toBeUndefined();
});
