/** me, updateMyAttributes, sendAttributeVerificationCode and confirmAttribute (signed in). */
import { ManualClock } from '../../src/local/cognito/clock';
import { ConfirmAttributeDocument, MeDocument, SendAttributeVerificationCodeDocument, UpdateMyAttributesDocument } from '../generated/graphql';
import type { UserAttributesInput, VerifiableAttribute } from '../generated/graphql';
import { startTestApi, TestApi } from '../support/api';
import { expectBadCredentials, expectError, expectMaskedEmail } from '../support/expect';
import { HOUR, messagesTo, signedUpUser, signIn, signInTokens, uniqueEmail, wrongCode } from '../support/users';

const clock = new ManualClock(Date.now());
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock });
});
afterAll(() => t.stop());

const PHONE = '+14155550123';
const me = async (token: string) => (await t.gql(MeDocument, {}, { token })).data?.me;
const update = (token: string, input: UserAttributesInput) => t.gql(UpdateMyAttributesDocument, { input }, { token });
const sendCode = (token: string, attribute: VerifiableAttribute) => t.gql(SendAttributeVerificationCodeDocument, { attribute }, { token });
const confirmAttribute = (token: string, attribute: VerifiableAttribute, code: string) =>
  t.gql(ConfirmAttributeDocument, { input: { attribute, code } }, { token });

/** A signed-in user who has just changed their email: the new one is unverified, its code sent. */
async function changedEmail(label: string) {
  const user = await signedUpUser(t, uniqueEmail(label));
  const newEmail = uniqueEmail(`${label}-new`);
  const response = await update(user.accessToken, { email: newEmail });
  expect(response.errors).toBeUndefined();
  return { ...user, newEmail, response };
}

describe('me', () => {
  test("returns the signed-in user's own record", async () => {
    const user = await signedUpUser(t, uniqueEmail('me'));
    const response = await t.gql(MeDocument, {}, { token: user.accessToken });
    expect(response.errors).toBeUndefined();
    const record = response.data!.me!;
    expect(record).toMatchObject({ username: user.sub, sub: user.sub, email: user.email, emailVerified: true, status: 'CONFIRMED', enabled: true });
    expect(record).toMatchObject({ phoneNumber: null, phoneNumberVerified: false, name: null, customAttributes: '{}' });
    expect(Date.parse(record.createdAt)).toBeLessThanOrEqual(Date.parse(record.updatedAt));
  });
});

describe('updateMyAttributes', () => {
  test.each(['2024-02-29', '0000-02-29', '1990-12-31'])('a real birthdate (%s) is stored', async (birthdate) => {
    const user = await signedUpUser(t, uniqueEmail('birthdate'));
    expect((await update(user.accessToken, { birthdate })).errors).toBeUndefined();
    expect((await me(user.accessToken))?.birthdate).toBe(birthdate);
  });

  test('right-to-left names are stored as written (only the reordering controls are refused)', async () => {
    const user = await signedUpUser(t, uniqueEmail('rtl'));
    expect((await update(user.accessToken, { name: 'עדה לאבלייס' })).errors).toBeUndefined();
    expect((await me(user.accessToken))?.name).toBe('עדה לאבלייס');
  });

  test('a postal address may span lines (the one attribute that may hold line breaks)', async () => {
    const user = await signedUpUser(t, uniqueEmail('address'));
    const address = '1 Analytical Row\nLondon';
    expect((await update(user.accessToken, { address })).data?.updateMyAttributes?.user.address).toBe(address);
    expect((await me(user.accessToken))?.address).toBe(address);
  });

  test('changes profile attributes; me shows them and no code is sent', async () => {
    const user = await signedUpUser(t, uniqueEmail('profile'));
    const response = await update(user.accessToken, { name: 'Grace Hopper', givenName: 'Grace', locale: 'en-US', custom: JSON.stringify({ plan: 'team' }) });
    expect(response.errors).toBeUndefined();
    const result = response.data!.updateMyAttributes!;
    expect(result.codeDeliveryDetails).toEqual([]);
    expect(result.user).toMatchObject({ name: 'Grace Hopper', givenName: 'Grace', locale: 'en-US', email: user.email, emailVerified: true });
    expect(JSON.parse(result.user.customAttributes)).toEqual({ plan: 'team' });
    expect(await me(user.accessToken)).toEqual(result.user);
    expect(messagesTo(t, user.email)).toBe(1); // only the sign-up code
  });

  test('a new email is unverified, gets a code, and becomes the sign-in name', async () => {
    const { accessToken, email, newEmail, response } = await changedEmail('move');
    const result = response.data!.updateMyAttributes!;
    expect(result.user).toMatchObject({ email: newEmail, emailVerified: false });
    expect(result.codeDeliveryDetails).toHaveLength(1);
    expectMaskedEmail(result.codeDeliveryDetails[0], newEmail);
    expect(t.codeFor(newEmail)).toMatch(/^\d{6}$/);
    expect((await me(accessToken))?.emailVerified).toBe(false);
    expect((await signIn(t, newEmail)).data?.signIn?.isSignedIn).toBe(true);
    expectBadCredentials(await signIn(t, email));
  });

  test('an email another user has gets ALIAS_EXISTS and nothing changes', async () => {
    const taken = await signedUpUser(t, uniqueEmail('owner'));
    const user = await signedUpUser(t, uniqueEmail('claimant'));
    const before = await me(user.accessToken);
    expectError(await update(user.accessToken, { email: taken.email }), 'updateMyAttributes', 'ALIAS_EXISTS');
    expect(await me(user.accessToken)).toEqual(before);
  });
});

describe('confirmAttribute', () => {
  test('verifies a changed email with its code: me.emailVerified is true', async () => {
    const { accessToken, newEmail } = await changedEmail('verify');
    const response = await confirmAttribute(accessToken, 'EMAIL', t.codeFor(newEmail));
    expect(response.errors).toBeUndefined();
    expect(response.data?.confirmAttribute).toMatchObject({ email: newEmail, emailVerified: true });
    expect(await me(accessToken)).toMatchObject({ email: newEmail, emailVerified: true });
  });

  test('a wrong code gets CODE_MISMATCH and the email stays unverified', async () => {
    const { accessToken, newEmail } = await changedEmail('verify-wrong');
    const code = t.codeFor(newEmail);
    expectError(await confirmAttribute(accessToken, 'EMAIL', wrongCode(code)), 'confirmAttribute', 'CODE_MISMATCH', 'Invalid verification code provided, please try again.');
    expect((await me(accessToken))?.emailVerified).toBe(false);
    expect((await confirmAttribute(accessToken, 'EMAIL', code)).data?.confirmAttribute?.emailVerified).toBe(true);
  });

  test('a phone number is verified by SMS code', async () => {
    const user = await signedUpUser(t, uniqueEmail('phone'));
    const updated = await update(user.accessToken, { phoneNumber: PHONE });
    // The pool auto-verifies only email: no code until one is asked for.
    expect(updated.data?.updateMyAttributes).toMatchObject({ codeDeliveryDetails: [], user: { phoneNumber: PHONE, phoneNumberVerified: false } });
    const sent = await sendCode(user.accessToken, 'PHONE_NUMBER');
    expect(sent.data?.sendAttributeVerificationCode).toEqual({ destination: '+*******0123', deliveryMedium: 'SMS', attributeName: 'phone_number' });
    const confirmed = await confirmAttribute(user.accessToken, 'PHONE_NUMBER', t.codeFor(PHONE));
    expect(confirmed.data?.confirmAttribute).toMatchObject({ phoneNumber: PHONE, phoneNumberVerified: true });
    expect((await me(user.accessToken))?.phoneNumberVerified).toBe(true);
  });
});

describe('sendAttributeVerificationCode', () => {
  test('sends a new code: the earlier one stops working and the new one verifies', async () => {
    const { accessToken, newEmail } = await changedEmail('resend-verify');
    const first = t.codeFor(newEmail);
    const response = await sendCode(accessToken, 'EMAIL');
    expect(response.errors).toBeUndefined();
    expectMaskedEmail(response.data?.sendAttributeVerificationCode, newEmail);
    expect(messagesTo(t, newEmail)).toBe(2);
    const second = t.codeFor(newEmail);
    if (second !== first) expectError(await confirmAttribute(accessToken, 'EMAIL', first), 'confirmAttribute', 'CODE_MISMATCH');
    expect((await confirmAttribute(accessToken, 'EMAIL', second)).data?.confirmAttribute?.emailVerified).toBe(true);
  });

  test('asking for a phone code without a phone number gets BAD_USER_INPUT and sends nothing', async () => {
    const user = await signedUpUser(t, uniqueEmail('no-phone'));
    const sentBefore = t.world.engine.outbox.list().length;
    expectError(await sendCode(user.accessToken, 'PHONE_NUMBER'), 'sendAttributeVerificationCode', 'BAD_USER_INPUT', 'User has no attribute phone_number.');
    expect(t.world.engine.outbox.list().length).toBe(sentBefore);
  });
});

// Last: it moves the engine's clock forward for the rest of this file.
describe('code expiry', () => {
  test('a verification code older than 24 hours gets CODE_EXPIRED and the email stays unverified', async () => {
    const { newEmail } = await changedEmail('verify-expired');
    const code = t.codeFor(newEmail);
    clock.advance(24 * HOUR + 1000);
    // The engine now considers the old access token expired: sign in again.
    const { accessToken } = await signInTokens(t, newEmail);
    expectError(await confirmAttribute(accessToken, 'EMAIL', code), 'confirmAttribute', 'CODE_EXPIRED', 'Invalid code provided, please request a code again.');
    expect((await me(accessToken))?.emailVerified).toBe(false);
    await sendCode(accessToken, 'EMAIL');
    expect((await confirmAttribute(accessToken, 'EMAIL', t.codeFor(newEmail))).data?.confirmAttribute?.emailVerified).toBe(true);
  });
});
