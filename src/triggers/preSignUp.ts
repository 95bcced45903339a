/**
 * PreSignUp: who may sign up, and who is confirmed without a code. The email-domain allow-list
 * applies to self sign-ups and external providers; an admin's invitation is the admin's call.
 * An auto-confirm rule matches when every condition it gives holds; the first match applies.
 */
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import type { HandlerDeps } from './deps';
import { TriggerRefusal, Trigger } from './refusal';
import type { AutoConfirmRule } from './settings';
import { fromEnvironment } from './lambda';
import { TRIGGER_FUNCTIONS } from './names';

export const DOMAIN_REFUSED = 'Sign-up is not open to this email address. Please use an address from an allowed domain.';

const domainOf = (email: string | undefined): string | undefined => email?.split('@').pop()?.toLowerCase() || undefined;

function matches(rule: AutoConfirmRule, event: PreSignUpTriggerEvent, domain: string | undefined): boolean {
  if (rule.triggerSources && !rule.triggerSources.includes(event.triggerSource)) return false;
  return !rule.emailDomains || (domain !== undefined && rule.emailDomains.includes(domain));
}

export function preSignUp({ settings }: HandlerDeps): Trigger<PreSignUpTriggerEvent> {
  return async (event) => {
    const attributes = event.request.userAttributes ?? {};
    const domain = domainOf(attributes.email);
    const allowList = settings.allowedEmailDomains;
    if (event.triggerSource !== 'PreSignUp_AdminCreateUser' && allowList.length > 0 && (!domain || !allowList.includes(domain))) {
      throw new TriggerRefusal(DOMAIN_REFUSED);
    }
    const rule = settings.autoConfirm.find((candidate) => matches(candidate, event, domain));
    event.response = {
      autoConfirmUser: rule !== undefined,
      autoVerifyEmail: rule?.verifyEmail === true && Boolean(attributes.email),
      autoVerifyPhone: rule?.verifyPhone === true && Boolean(attributes.phone_number),
    };
    return event;
  };
}

/** The deployed Lambda function (PreSignUp). */
export const handler = fromEnvironment(TRIGGER_FUNCTIONS.PreSignUp, preSignUp);
