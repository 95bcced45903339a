/**
 * config/user-pool.json, the file the embedded engine creates its pool from, as CloudFormation
 * properties: CreateUserPool's input and CloudFormation's AWS::Cognito::UserPool share their names
 * (bar PoolName), so the definition is carried over key by key and the two worlds cannot drift.
 * Only the triggers change: the engine's ARNs name functions, and here they become the deployed
 * functions' ARNs.
 */
import type { CfnUserPoolClientProps, CfnUserPoolProps } from 'aws-cdk-lib/aws-cognito';
import type { PoolDefinition } from '../../src/local/poolDefinition';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** PascalCase keys to the camelCase the CDK's L1 properties take, at every depth. */
export function camelKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key.charAt(0).toLowerCase() + key.slice(1), camelKeys(v)]));
}

/** The function name a LambdaConfig ARN names (`arn:aws:lambda:<region>:<account>:function:<name>`). */
export const functionNameOf = (arn: string): string => arn.replace(/^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:/, '').split(':')[0];

export interface TriggerRef {
  /** The LambdaConfig entry, e.g. PreSignUp or PreTokenGenerationConfig. */
  point: string;
  functionName: string;
  lambdaVersion?: string;
}

/** The triggers the definition's LambdaConfig names, in its order. */
export function triggersOf(definition: PoolDefinition): TriggerRef[] {
  const config = (definition.pool.LambdaConfig ?? {}) as Record<string, unknown>;
  return Object.entries(config).flatMap(([point, value]): TriggerRef[] => {
    if (typeof value === 'string') return [{ point, functionName: functionNameOf(value) }];
    const { LambdaArn, LambdaVersion } = (value ?? {}) as { LambdaArn?: string; LambdaVersion?: string };
    return LambdaArn ? [{ point, functionName: functionNameOf(LambdaArn), lambdaVersion: LambdaVersion }] : [];
  });
}

/** LambdaConfig with each trigger's deployed ARN. */
export function lambdaConfigFor(definition: PoolDefinition, arnOf: (functionName: string) => string): Record<string, unknown> {
  return Object.fromEntries(
    triggersOf(definition).map(({ point, functionName, lambdaVersion }) => {
      const key = point.charAt(0).toLowerCase() + point.slice(1);
      return [key, lambdaVersion ? { lambdaArn: arnOf(functionName), lambdaVersion } : arnOf(functionName)];
    }),
  );
}

/**
 * The definition's `mfa` section (SetUserPoolMfaConfig's input, which the engine is given after
 * CreateUserPool) as the pool's own CloudFormation properties: the factors offered, and the
 * messages their codes go out in.
 */
export function mfaProps(mfa: PoolDefinition['mfa']): Partial<CfnUserPoolProps> {
  if (!mfa) return {};
  const enabledMfas = [
    ...(mfa.SmsMfaConfiguration ? ['SMS_MFA'] : []),
    ...(mfa.SoftwareTokenMfaConfiguration?.Enabled ? ['SOFTWARE_TOKEN_MFA'] : []),
    ...(mfa.EmailMfaConfiguration ? ['EMAIL_OTP'] : []),
  ];
  return {
    enabledMfas,
    emailAuthenticationMessage: mfa.EmailMfaConfiguration?.Message,
    emailAuthenticationSubject: mfa.EmailMfaConfiguration?.Subject,
    smsAuthenticationMessage: mfa.SmsMfaConfiguration?.SmsAuthenticationMessage,
  };
}

/** Whether the pool sends codes by email for sign-in (email MFA, or EMAIL_OTP as a first factor): Cognito then needs SES. */
export function sendsSignInEmails(definition: PoolDefinition): boolean {
  const factors = (definition.pool.Policies as { SignInPolicy?: { AllowedFirstAuthFactors?: string[] } } | undefined)?.SignInPolicy?.AllowedFirstAuthFactors ?? [];
  return definition.mfa?.EmailMfaConfiguration !== undefined || factors.includes('EMAIL_OTP');
}

export function userPoolProps(definition: PoolDefinition, extra: Partial<CfnUserPoolProps>, arnOf: (functionName: string) => string): CfnUserPoolProps {
  // LambdaConfig is replaced below: its ARNs name the engine's functions, not the deployed ones.
  const rest: Record<string, unknown> = { ...definition.pool };
  delete rest.PoolName;
  delete rest.LambdaConfig;
  return {
    ...(camelKeys(rest as Json) as CfnUserPoolProps),
    userPoolName: definition.pool.PoolName,
    lambdaConfig: lambdaConfigFor(definition, arnOf),
    ...mfaProps(definition.mfa),
    ...extra,
  };
}

export function userPoolClientProps(definition: PoolDefinition, userPoolId: string): CfnUserPoolClientProps {
  return { ...(camelKeys(definition.client as unknown as Json) as unknown as Omit<CfnUserPoolClientProps, 'userPoolId'>), userPoolId };
}
