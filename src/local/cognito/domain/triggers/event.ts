/**
 * The envelope every trigger event shares, in Cognito's shape (the `BaseTriggerEvent` of
 * @types/aws-lambda), and the user attributes as triggers see them: every attribute as a string,
 * with the sub and `cognito:user_status`.
 */
import type { Caller } from '../caller';
import type { PoolRecord, UserRecord } from '../model';
import { triggerArn, TriggerName } from './lambdaConfig';
import type { TriggerInvoker, TriggerResponse } from './invoker';

export interface TriggerEvent {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

export function userAttributesOf(user: UserRecord): Record<string, string> {
  return { sub: user.sub, ...user.attributes, 'cognito:user_status': user.status };
}

export interface TriggerCall {
  trigger: TriggerName;
  triggerSource: string;
  userName: string;
  request: Record<string, unknown>;
  /** The response as Cognito pre-fills it (its fields, with their defaults). */
  response?: Record<string, unknown>;
  version?: string;
}

/** Whether the pool has this trigger, so a trigger point can skip building an event it will not send. */
export const hasTrigger = (pool: PoolRecord, trigger: TriggerName): boolean => triggerArn(pool.settings.LambdaConfig, trigger) !== undefined;

/**
 * Sends the event to the pool's function for `call.trigger` and returns the response it filled
 * in; undefined when the pool has no such trigger.
 */
export async function fireTrigger(triggers: TriggerInvoker, pool: PoolRecord, caller: Caller, call: TriggerCall): Promise<TriggerResponse | undefined> {
  const arn = triggerArn(pool.settings.LambdaConfig, call.trigger);
  if (!arn) return undefined;
  const event: TriggerEvent = {
    version: call.version ?? '1',
    triggerSource: call.triggerSource,
    region: pool.region,
    userPoolId: pool.poolId,
    userName: call.userName,
    callerContext: { awsSdkVersion: caller.sdkVersion, clientId: caller.clientId },
    request: call.request,
    response: call.response ?? {},
  };
  return triggers.invoke(call.trigger, arn, event);
}
