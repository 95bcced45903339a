/**
 * Cognito's challenges as Amplify's steps, for the challenges the embedded pool does not reach
 * end to end (SMS codes, MFA setup with a choice) as well as those it does, and the budget an
 * answer draws from.
 */
import { answerKind, challengeStep, firstFactors, mfaTypes, peekSession, wrapSession } from '../../../src/datasources/cognito/signInSteps';

const challenge = (ChallengeName: string, ChallengeParameters: Record<string, string> = {}, AvailableChallenges?: string[]) =>
  challengeStep({ ChallengeName: ChallengeName as never, Session: 'cognito-session', ChallengeParameters: { USER_ID_FOR_SRP: 'sub-1', ...ChallengeParameters }, AvailableChallenges: AvailableChallenges as never }, 'ada@example.com');

test('code challenges name their step and the masked destination', () => {
  const sms = challenge('SMS_MFA', { CODE_DELIVERY_DESTINATION: '+*******1234', CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' });
  expect(sms?.nextStep).toEqual({
    signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
    codeDeliveryDetails: { destination: '+*******1234', deliveryMedium: 'SMS', attributeName: 'phone_number' },
  });
  expect(challenge('SMS_OTP', { CODE_DELIVERY_DESTINATION: '+*******1234' })?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_SMS_CODE');
  expect(challenge('SOFTWARE_TOKEN_MFA')?.nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', codeDeliveryDetails: undefined });
  expect(peekSession(sms?.session)).toEqual({ username: 'sub-1', step: 'SMS_MFA', cognitoSession: 'cognito-session', typed: 'ada@example.com', deviceName: undefined });
});

test('choices come back in Amplify\'s names; what the API cannot run for a browser is left out', () => {
  expect(challenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SOFTWARE_TOKEN_MFA","SMS_MFA","EMAIL_OTP"]' })?.nextStep.allowedMfaTypes).toEqual(['TOTP', 'SMS', 'EMAIL']);
  expect(challenge('SELECT_CHALLENGE', {}, ['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP'])?.nextStep.availableChallenges).toEqual(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP']);
  expect(mfaTypes('not json')).toEqual([]);
  expect(firstFactors(undefined)).toEqual([]);
  expect(challenge('CUSTOM_CHALLENGE')).toBeUndefined();
});

test('sessions: ours read back, anything else is not one', () => {
  const session = wrapSession({ username: 'u', step: 'MFA_SETUP', cognitoSession: 's', deviceName: 'Phone' });
  expect(peekSession(session)).toEqual({ username: 'u', step: 'MFA_SETUP', cognitoSession: 's', typed: undefined, deviceName: 'Phone' });
  for (const bad of ['', 'garbage!', Buffer.from('[1,2,3]').toString('base64url'), 42, null]) expect(peekSession(bad)).toBeUndefined();
});

test('an answer draws from the budget of what it checks or sends', () => {
  const at = (step: Parameters<typeof wrapSession>[0]['step']) => wrapSession({ username: 'u', step, cognitoSession: 's' });
  expect(answerKind(at('SMS_OTP'), '123456')).toBe('code');
  expect(answerKind(at('PICK_MFA_SETUP'), 'TOTP')).toBe('code');
  expect(answerKind(at('SELECT_MFA_TYPE'), 'SMS')).toBe('send');
  expect(answerKind(at('SELECT_CHALLENGE'), 'SMS_OTP')).toBe('send');
  expect(answerKind(at('SELECT_CHALLENGE'), 'PASSWORD')).toBe('code');
  expect(answerKind(at('PASSWORD_AFTER_SELECT'), 'pw')).toBe('password');
});
