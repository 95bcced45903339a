/**
 * Test handlers for the engine's Lambda triggers: one in-process function per name, each
 * recording the events it receives and then doing what the test told it to (by default, return
 * the event unchanged, as a handler with nothing to say does). Pools name them by ARN.
 */
import type { CreateUserPoolClientCommandInput, CreateUserPoolCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import type { Callback, Context, Handler } from 'aws-lambda';
import { App, createApp, useEngine } from '../../../support/cognito';

export const FUNCTION_NAMES = [
  'preSignUp',
  'postConfirmation',
  'preAuthentication',
  'postAuthentication',
  'preTokenGeneration',
  'customMessage',
  'userMigration',
  'defineAuthChallenge',
  'createAuthChallenge',
  'verifyAuthChallengeResponse',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export const arn = (name: string, region = 'us-east-1'): string => `arn:aws:lambda:${region}:123456789012:function:${name}`;

// Events are plain JSON; tests read and fill them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TriggerEvent = Record<string, any>;
export type Behaviour = (event: TriggerEvent) => unknown;

export class TriggerRecorder {
  readonly events: TriggerEvent[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly handlers = new Map<string, Handler>();
  readonly calls = new Map<string, number>();

  readonly functions: Record<string, Handler> = Object.fromEntries(
    FUNCTION_NAMES.map((name): [string, Handler] => [name, (event, context, callback) => this.handle(name, event, context, callback)]),
  );

  private handle(name: string, event: TriggerEvent, context: Context, callback: Callback): void | Promise<unknown> {
    this.events.push(structuredClone(event));
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    const handler = this.handlers.get(name);
    if (handler) return handler(event, context, callback);
    const behaviour = this.behaviours.get(name);
    return (async () => (behaviour ? behaviour(event) : event))();
  }

  /** What `name` does from now on (until reset): given the event, what the handler returns or throws. */
  on(name: FunctionName, behaviour: Behaviour): void {
    this.behaviours.set(name, behaviour);
  }

  /** A whole Lambda handler for `name` (for callback- and context-style answers). */
  handleWith(name: FunctionName, handler: Handler): void {
    this.handlers.set(name, handler);
  }

  /** Events received, optionally only those of one trigger source (or prefix, e.g. `CustomMessage_`). */
  received(source?: string): TriggerEvent[] {
    return this.events.filter((e) => !source || e.triggerSource === source || (source.endsWith('_') && String(e.triggerSource).startsWith(source)));
  }

  sources(): string[] {
    return this.events.map((e) => e.triggerSource as string);
  }

  reset(): void {
    this.events.length = 0;
    this.behaviours.clear();
    this.handlers.clear();
    this.calls.clear();
  }
}

/** A LambdaConfig naming the recorder's functions for the given triggers. */
export function lambdaConfig(...triggers: Capitalize<FunctionName>[]): NonNullable<CreateUserPoolCommandInput['LambdaConfig']> {
  return Object.fromEntries(triggers.map((t) => [t, arn(t.charAt(0).toLowerCase() + t.slice(1))]));
}

/** An engine whose pools' triggers reach a fresh recorder (reset before each test). */
export function useTriggerEngine(timeoutMs = 300) {
  const recorder = new TriggerRecorder();
  const ctx = useEngine({ triggers: { functions: recorder.functions, timeoutMs } });
  beforeEach(() => recorder.reset());
  return { ctx, recorder };
}

/** An app whose pool calls the recorder for these triggers. */
export function appWithTriggers(
  ctx: ReturnType<typeof useEngine>,
  triggers: Capitalize<FunctionName>[],
  pool: Partial<CreateUserPoolCommandInput> = {},
  client: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<App> {
  return createApp(ctx.t, { ...pool, LambdaConfig: { ...lambdaConfig(...triggers), ...pool.LambdaConfig } }, client);
}

/** The fields every Cognito trigger event has. */
export function envelope(app: App, triggerSource: string, userName: string, clientId: string = app.clientId) {
  return {
    version: '1',
    triggerSource,
    region: 'us-east-1',
    userPoolId: app.poolId,
    userName,
    callerContext: { awsSdkVersion: expect.stringMatching(/^aws-sdk-js-\d/), clientId },
  };
}
