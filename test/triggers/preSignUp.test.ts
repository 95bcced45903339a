/** PreSignUp with Cognito-shaped events: the allow-list of email domains and the auto-confirm rules. */
import { SignInRecords } from '../../src/triggers/signInRecords';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import type { Directory } from '../../src/datasources/metadata/directory.types';
import { DOMAIN_REFUSED, preSignUp } from '../../src/triggers/preSignUp';
import { TriggerRefusal } from '../../src/triggers/refusal';
import type { TriggerSettings } from '../../src/triggers/settings';
import { cognitoEvent, shippedSettings } from './fixtures';

const handler = (changes: Partial<TriggerSettings>) => preSignUp({ directory: {} as Directory, settings: shippedSettings(changes), now: Date.now, signInRecords: new SignInRecords(Date.now) });

function signUp(email: string | undefined, triggerSource: PreSignUpTriggerEvent['triggerSource'] = 'PreSignUp_SignUp', phone?: string): PreSignUpTriggerEvent {
  const userAttributes: Record<string, string> = {};
  if (email) userAttributes.email = email;
  if (phone) userAttributes.phone_number = phone;
  return cognitoEvent(triggerSource, email ?? phone ?? 'someone', { userAttributes, validationData: undefined }, { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
}

test('with the shipped settings anyone may sign up and nobody is confirmed without a code', async () => {
  const answer = await handler({})(signUp('ada@anywhere.example'));
  expect(answer.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
});

test('an allow-list refuses other domains (case-insensitively) with a message safe to show, but not an admin invitation', async () => {
  const allowOnly = handler({ allowedEmailDomains: ['acme.io'] });
  await expect(allowOnly(signUp('eve@evil.example'))).rejects.toThrow(new TriggerRefusal(DOMAIN_REFUSED));
  await expect(allowOnly(signUp(undefined, 'PreSignUp_SignUp', '+15555550100'))).rejects.toThrow(DOMAIN_REFUSED);
  await expect(allowOnly(signUp('eve@evil.example', 'PreSignUp_ExternalProvider'))).rejects.toThrow(DOMAIN_REFUSED);
  expect((await allowOnly(signUp('ada@ACME.io'))).response.autoConfirmUser).toBe(false);
  expect((await allowOnly(signUp('contractor@other.example', 'PreSignUp_AdminCreateUser'))).response.autoConfirmUser).toBe(false);
});

test('the first matching auto-confirm rule confirms, and verifies only what the user has', async () => {
  const rules = handler({
    autoConfirm: [
      { triggerSources: ['PreSignUp_ExternalProvider'], verifyEmail: true },
      { emailDomains: ['trusted.example'], verifyEmail: true, verifyPhone: true },
    ],
  });
  expect((await rules(signUp('ada@social.example', 'PreSignUp_ExternalProvider'))).response).toEqual({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false });
  expect((await rules(signUp('bob@trusted.example', 'PreSignUp_SignUp', '+15555550100'))).response).toEqual({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: true });
  expect((await rules(signUp('carol@elsewhere.example'))).response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
});
