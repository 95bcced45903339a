/** resetPassword, confirmResetPassword (API key) and changePassword (signed in). */
import { ManualClock } from '../../src/local/cognito/clock';
import { ChangePasswordDocument, ConfirmResetPasswordDocument, ResetPasswordDocument } from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectBadCredentials, expectError, expectMaskedEmail } from '../support/expect';
import {
  BAD_CREDENTIALS,
  confirmedUser,
  HOUR,
  messagesTo,
  NEW_PASSWORD,
  PASSWORD,
  POLICY_TEXT,
  signedUpUser,
  signIn,
  signUpUser,
  uniqueEmail,
  wrongCode,
  WEAK_PASSWORD,
} from '../support/users';

const clock = new ManualClock(Date.now());
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock });
});
afterAll(() => t.stop());

const resetPassword = (username: string) => t.gql(ResetPasswordDocument, { input: { username } }, { apiKey: API_KEY });
const confirmReset = (username: string, code: string, newPassword = NEW_PASSWORD) =>
  t.gql(ConfirmResetPasswordDocument, { input: { username, code, newPassword } }, { apiKey: API_KEY });
const changePassword = (token: string, oldPassword: string, newPassword: string) =>
  t.gql(ChangePasswordDocument, { input: { oldPassword, newPassword } }, { token });

/** Only `working` signs in; `refused` gets the wrong-password answer. */
async function expectPassword(email: string, working: string, refused: string): Promise<void> {
  expect((await signIn(t, email, working)).data?.signIn?.isSignedIn).toBe(true);
  expectBadCredentials(await signIn(t, email, refused));
}

describe('resetPassword', () => {
  test('sends a reset code to the verified email', async () => {
    const email = uniqueEmail('reset');
    await confirmedUser(t, email);
    const before = messagesTo(t, email);
    const response = await resetPassword(email);
    expect(response.errors).toBeUndefined();
    const result = response.data!.resetPassword!;
    expect(result.isPasswordReset).toBe(false);
    expect(result.nextStep.resetPasswordStep).toBe('CONFIRM_RESET_PASSWORD_WITH_CODE');
    expectMaskedEmail(result.nextStep.codeDeliveryDetails, email);
    expect(messagesTo(t, email)).toBe(before + 1);
    expect(t.world.engine.outbox.latest(email)?.purpose).toBe('FORGOT_PASSWORD');
    // Asking for a reset changes nothing by itself: the password still works.
    expect((await signIn(t, email)).data?.signIn?.isSignedIn).toBe(true);
  });

  test('an unknown user gets a plausible delivery, and nothing is sent', async () => {
    const email = uniqueEmail('reset-ghost');
    const response = await resetPassword(email);
    expect(response.errors).toBeUndefined();
    expect(response.data?.resetPassword?.nextStep.resetPasswordStep).toBe('CONFIRM_RESET_PASSWORD_WITH_CODE');
    expectMaskedEmail(response.data?.resetPassword?.nextStep.codeDeliveryDetails, email);
    expect(messagesTo(t, email)).toBe(0);
  });

  test('an unconfirmed user (no verified address) gets the same plausible answer and no code', async () => {
    const email = uniqueEmail('reset-unconfirmed');
    await signUpUser(t, email);
    const response = await resetPassword(email);
    expectMaskedEmail(response.data?.resetPassword?.nextStep.codeDeliveryDetails, email);
    expect(t.world.engine.outbox.latest(email)?.purpose).toBe('SIGN_UP');
  });
});

describe('confirmResetPassword', () => {
  test('sets the new password: it signs in and the old one does not', async () => {
    const email = uniqueEmail('reset-confirm');
    await confirmedUser(t, email);
    await resetPassword(email);
    const response = await confirmReset(email, t.codeFor(email));
    expect(response.errors).toBeUndefined();
    expect(response.data?.confirmResetPassword).toEqual({ isPasswordReset: true, nextStep: { resetPasswordStep: 'DONE' } });
    await expectPassword(email, NEW_PASSWORD, PASSWORD);
  });

  test('a wrong code gets CODE_MISMATCH and the password is unchanged', async () => {
    const email = uniqueEmail('reset-wrong');
    await confirmedUser(t, email);
    await resetPassword(email);
    const code = t.codeFor(email);
    expectError(await confirmReset(email, wrongCode(code)), 'confirmResetPassword', 'CODE_MISMATCH', 'Invalid verification code provided, please try again.');
    await expectPassword(email, PASSWORD, NEW_PASSWORD);
    // The right code is still good.
    expect((await confirmReset(email, code)).data?.confirmResetPassword?.isPasswordReset).toBe(true);
  });

  test('a weak new password gets INVALID_PASSWORD and does not spend the code', async () => {
    const email = uniqueEmail('reset-weak');
    await confirmedUser(t, email);
    await resetPassword(email);
    const code = t.codeFor(email);
    expectError(await confirmReset(email, code, WEAK_PASSWORD), 'confirmResetPassword', 'INVALID_PASSWORD', new RegExp(`^${POLICY_TEXT}`));
    await expectPassword(email, PASSWORD, WEAK_PASSWORD);
    expect((await confirmReset(email, code)).data?.confirmResetPassword?.isPasswordReset).toBe(true);
    await expectPassword(email, NEW_PASSWORD, PASSWORD);
  });

  test('a used code cannot be used again', async () => {
    const email = uniqueEmail('reset-twice');
    await confirmedUser(t, email);
    await resetPassword(email);
    const code = t.codeFor(email);
    await confirmReset(email, code);
    expectError(await confirmReset(email, code, 'Th1rd-Passw0rd!'), 'confirmResetPassword', 'CODE_MISMATCH');
    await expectPassword(email, NEW_PASSWORD, 'Th1rd-Passw0rd!');
  });

  test('an unknown user gets the answer a wrong code gets', async () => {
    expectError(await confirmReset(uniqueEmail('nobody'), '123456'), 'confirmResetPassword', 'CODE_MISMATCH', 'Invalid verification code provided, please try again.');
  });
});

describe('changePassword', () => {
  test('changes the password: the new one signs in and the old one does not', async () => {
    const user = await signedUpUser(t, uniqueEmail('change'));
    const response = await changePassword(user.accessToken, PASSWORD, NEW_PASSWORD);
    expect(response.errors).toBeUndefined();
    expect(response.data?.changePassword).toMatchObject({ otherSessionsEnded: true, tokens: { accessToken: expect.any(String) } });
    await expectPassword(user.email, NEW_PASSWORD, PASSWORD);
  });

  test('a wrong old password gets NOT_AUTHORIZED and nothing changes', async () => {
    const user = await signedUpUser(t, uniqueEmail('change-wrong'));
    expectError(await changePassword(user.accessToken, 'Wr0ng-Passw0rd!', NEW_PASSWORD), 'changePassword', 'NOT_AUTHORIZED', BAD_CREDENTIALS);
    await expectPassword(user.email, PASSWORD, NEW_PASSWORD);
  });

  test('a weak new password gets INVALID_PASSWORD and nothing changes', async () => {
    const user = await signedUpUser(t, uniqueEmail('change-weak'));
    expectError(await changePassword(user.accessToken, PASSWORD, WEAK_PASSWORD), 'changePassword', 'INVALID_PASSWORD', new RegExp(`^${POLICY_TEXT}`));
    await expectPassword(user.email, PASSWORD, WEAK_PASSWORD);
  });
});

// Last: it moves the engine's clock forward for the rest of this file.
describe('code expiry', () => {
  test('a reset code older than an hour gets CODE_EXPIRED and the password is unchanged', async () => {
    const email = uniqueEmail('reset-expired');
    await confirmedUser(t, email);
    await resetPassword(email);
    const code = t.codeFor(email);
    clock.advance(HOUR + 1000);
    expectError(await confirmReset(email, code), 'confirmResetPassword', 'CODE_EXPIRED', 'Invalid code provided, please request a code again.');
    await expectPassword(email, PASSWORD, NEW_PASSWORD);
    await resetPassword(email);
    expect((await confirmReset(email, t.codeFor(email))).data?.confirmResetPassword?.isPasswordReset).toBe(true);
    await expectPassword(email, NEW_PASSWORD, PASSWORD);
  });
});
