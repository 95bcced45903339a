/**
 * PreSignUp: before SignUp (PreSignUp_SignUp) or AdminCreateUser (PreSignUp_AdminCreateUser)
 * stores a user. A thrown error refuses the registration, and no user is created. For SignUp the
 * response may confirm the user at once (autoConfirmUser) and mark the email or phone verified
 * (autoVerifyEmail / autoVerifyPhone, which Cognito only accepts with autoConfirmUser, and only
 * for an address the user has). Cognito ignores the response for AdminCreateUser.
 */
import type { EngineServices } from '../../services';
import type { Caller } from '../caller';
import type { PoolRecord, UserRecord } from '../model';
import { fireTrigger } from './event';
import { badOutput, booleanField } from './responseShape';

export type PreSignUpSource = 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser';

export interface SignUpDecision {
  autoConfirm: boolean;
  /** The `<attribute>_verified` flags to set. */
  verified: Record<string, string>;
}

const NOTHING: SignUpDecision = { autoConfirm: false, verified: {} };

/** SignUp's and AdminCreateUser's ValidationData (a list of Name/Value pairs) as the event's map. */
export function validationDataOf(input: Record<string, unknown>): Record<string, string> {
  const list = Array.isArray(input.ValidationData) ? (input.ValidationData as { Name?: unknown; Value?: unknown }[]) : [];
  return Object.fromEntries(list.filter((e) => typeof e?.Name === 'string').map((e) => [e.Name as string, typeof e.Value === 'string' ? e.Value : '']));
}

export async function preSignUp(
  s: EngineServices,
  pool: PoolRecord,
  caller: Caller,
  source: PreSignUpSource,
  user: UserRecord,
  validationData: Record<string, string>,
): Promise<SignUpDecision> {
  const response = await fireTrigger(s.triggers, pool, caller, {
    trigger: 'PreSignUp',
    triggerSource: source,
    userName: user.username,
    request: { userAttributes: { ...user.attributes }, validationData, clientMetadata: caller.clientMetadata },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  });
  if (!response || source === 'PreSignUp_AdminCreateUser') return NOTHING;
  const autoConfirm = booleanField(response, 'autoConfirmUser') ?? false;
  const verified: Record<string, string> = {};
  for (const [flag, attribute] of [['autoVerifyEmail', 'email'], ['autoVerifyPhone', 'phone_number']] as const) {
    if (!booleanField(response, flag)) continue;
    if (!autoConfirm) throw badOutput('Phone or email cannot be auto verified, when user is not being auto confirmed.');
    if (!user.attributes[attribute]) throw badOutput(`${flag} requires a ${attribute} attribute.`);
    verified[`${attribute}_verified`] = 'true';
  }
  return { autoConfirm, verified };
}
