/**
 * What one attempt at calling a trigger's function produced, whichever way it was called
 * (in-process or through the Lambda Invoke API). The invoker turns it into Cognito's answer.
 */
import type { LambdaArn } from './lambdaConfig';

export type Outcome =
  /** The function returned; `payload` is its result as JSON text. */
  | { kind: 'returned'; payload: string }
  /** The function returned something that is not JSON. */
  | { kind: 'invalid' }
  /** The function threw (or called back with an error): its message, shown to the caller. */
  | { kind: 'threw'; message: string }
  /** The function could not be run; `retryable` when a new attempt might succeed (a timeout, Lambda's 5xx). */
  | { kind: 'unreachable'; reason: string; retryable: boolean };

/** One way of running a function: in-process, or through Lambda. */
export interface FunctionRunner {
  run(target: LambdaArn, event: object, timeoutMs: number): Promise<Outcome>;
}

/** The message a thrown value carries, as the Lambda runtime reports it (`errorMessage`). */
export function thrownMessage(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return typeof thrown === 'string' ? thrown : String(thrown);
}
