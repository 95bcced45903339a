/**
 * The Lambda function names of the triggers, keyed by the pool's LambdaConfig entry they serve.
 * A pool names a function by ARN (`arn:aws:lambda:<region>:<account>:function:<name>`); the
 * engine runs the handler of that name in-process, AWS invokes the deployed function.
 */
export const TRIGGER_FUNCTIONS = {
  PreSignUp: 'identity-pre-sign-up',
  PostConfirmation: 'identity-post-confirmation',
  PreAuthentication: 'identity-pre-authentication',
  PostAuthentication: 'identity-post-authentication',
  PreTokenGeneration: 'identity-pre-token-generation',
  CustomMessage: 'identity-custom-message',
  UserMigration: 'identity-user-migration',
} as const;

export type TriggerPoint = keyof typeof TRIGGER_FUNCTIONS;
export type TriggerFunctionName = (typeof TRIGGER_FUNCTIONS)[TriggerPoint];
