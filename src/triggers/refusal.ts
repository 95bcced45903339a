/**
 * What a trigger's caller may see. Cognito shows the message of anything a trigger throws
 * ("<Trigger> failed with error <message>."), so only a TriggerRefusal carries a message written
 * for end users; any other failure (DynamoDB unreachable, a bug) is reported to the operator and
 * shown as a generic line, so no internal detail reaches a sign-in screen.
 */
import { TRIGGER_INTERNAL_FAILURE } from '../lib/triggerFailure';

export class TriggerRefusal extends Error {
  override readonly name = 'TriggerRefusal';
}

export const INTERNAL_FAILURE = TRIGGER_INTERNAL_FAILURE;

export type Trigger<E> = (event: E) => Promise<E>;

export type ErrorReporter = (trigger: string, error: unknown) => void;

/** Logs the failure's kind and message, never the event (it may hold a password or a code). */
export const reportToConsole: ErrorReporter = (trigger, error) =>
  console.error(JSON.stringify({ level: 'error', message: 'trigger failed', trigger, error: (error as Error)?.name ?? 'Error', detail: (error as Error)?.message }));

export function guarded<E>(trigger: string, handler: Trigger<E>, report: ErrorReporter = reportToConsole): Trigger<E> {
  return async (event) => {
    try {
      return await handler(event);
    } catch (error) {
      if (error instanceof TriggerRefusal) throw error;
      report(trigger, error);
      // eslint-disable-next-line preserve-caught-error -- reported above; the cause must not travel to the caller
      throw new Error(INTERNAL_FAILURE);
    }
  };
}
