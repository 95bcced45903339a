/**
 * CustomMessage: before a message with a code (or an invitation's temporary password) is sent,
 * the pool's function may rewrite it. The event offers placeholders (`{####}` for the code,
 * `{username}` for an invitation's username, `{##Click Here##}` for a link); the response's
 * emailSubject / emailMessage / smsMessage replace the default text, and the engine fills in the
 * placeholders, so the handler never sees the code.
 *
 * A message without the code placeholder is refused as Cognito refuses it: InvalidParameterException
 * naming the pattern the message must match (an invitation needs `{username}` too), as does one
 * over Cognito's lengths (20,000 characters for email, 140 for SMS, 140 for a subject). A refused
 * message stores no code and sends nothing; the user a SignUp or AdminCreateUser just created
 * stays (as in Cognito), and ResendConfirmationCode or MessageAction RESEND sends another.
 */
import { patternViolation } from '../../params';
import type { Caller } from '../caller';
import type { PoolRecord, UserRecord } from '../model';
import { fireTrigger, userAttributesOf } from './event';
import type { TriggerInvoker } from './invoker';
import { stringField } from './responseShape';
import { InvalidParameterException } from '../../errors';

export type CustomMessageSource =
  | 'CustomMessage_SignUp'
  | 'CustomMessage_AdminCreateUser'
  | 'CustomMessage_ResendCode'
  | 'CustomMessage_ForgotPassword'
  | 'CustomMessage_UpdateUserAttribute'
  | 'CustomMessage_VerifyUserAttribute'
  | 'CustomMessage_Authentication';

export const CODE_PARAMETER = '{####}';
export const USERNAME_PARAMETER = '{username}';
export const LINK_PARAMETER = '{##Click Here##}';

/** Cognito's patterns for message bodies (from its API model). */
const EMAIL_BODY = /[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*/u;
const SMS_BODY = /.*\{####\}.*/u;
const INVITE_BODY = /[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{username\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*/u;
const LIMITS = { EMAIL: 20_000, SMS: 140, subject: 140 };

export interface MessageText {
  subject: string;
  body: string;
}

export interface MessageRequest {
  pool: PoolRecord;
  user: UserRecord;
  caller: Caller;
  source: CustomMessageSource;
  medium: 'EMAIL' | 'SMS';
  /** The text sent when the pool has no CustomMessage trigger (or its response leaves it out). */
  standard: MessageText;
  code: string;
  /** For invitations: what `{username}` stands for. */
  username?: string;
}

function checkBody(request: MessageRequest, body: string): void {
  const field = request.medium === 'EMAIL' ? 'EmailMessage' : 'SmsMessage';
  if (!body.includes(CODE_PARAMETER)) throw patternViolation(field, request.medium === 'EMAIL' ? EMAIL_BODY : SMS_BODY);
  if (request.source === 'CustomMessage_AdminCreateUser' && !body.includes(USERNAME_PARAMETER)) throw patternViolation(field, INVITE_BODY);
  if (body.length > LIMITS[request.medium]) {
    throw new InvalidParameterException(`${field} must have length less than or equal to ${LIMITS[request.medium]}.`);
  }
}

/** Composes messages through the pool's CustomMessage trigger, if it has one. */
export class CustomMessages {
  constructor(private readonly triggers: TriggerInvoker) {}

  async compose(request: MessageRequest): Promise<MessageText> {
    const invitation = request.source === 'CustomMessage_AdminCreateUser';
    const response = await fireTrigger(this.triggers, request.pool, request.caller, {
      trigger: 'CustomMessage',
      triggerSource: request.source,
      userName: request.user.username,
      request: {
        userAttributes: userAttributesOf(request.user),
        codeParameter: CODE_PARAMETER,
        linkParameter: LINK_PARAMETER,
        usernameParameter: invitation ? USERNAME_PARAMETER : null,
        clientMetadata: request.caller.clientMetadata,
      },
      response: { smsMessage: null, emailMessage: null, emailSubject: null },
    });
    if (!response) return request.standard;
    const body = stringField(response, request.medium === 'EMAIL' ? 'emailMessage' : 'smsMessage');
    const subject = request.medium === 'EMAIL' ? stringField(response, 'emailSubject') : undefined;
    if (subject !== undefined && subject.length > LIMITS.subject) {
      throw new InvalidParameterException(`EmailSubject must have length less than or equal to ${LIMITS.subject}.`);
    }
    if (body !== undefined) checkBody(request, body);
    // Replacers are functions, so a `$` in a temporary password is never read as a pattern.
    const fill = (text: string) =>
      text.replaceAll(CODE_PARAMETER, () => request.code).replaceAll(USERNAME_PARAMETER, () => request.username ?? request.user.username);
    return {
      subject: subject ?? request.standard.subject,
      body: body === undefined ? request.standard.body : fill(body),
    };
  }
}
