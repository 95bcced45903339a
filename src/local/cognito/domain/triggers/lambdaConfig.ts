/**
 * A pool's LambdaConfig, as CreateUserPool and UpdateUserPool take it: each trigger named by a
 * Lambda ARN. Validated when stored, so a trigger point only has to ask which ARN (if any) it
 * calls. PreTokenGeneration and PreTokenGenerationConfig.LambdaArn name the same function (as in
 * Cognito, either may be given and both are echoed back).
 */
import { InvalidParameterException } from '../../errors';
import { patternViolation } from '../../params';

/** Triggers configured by a plain ARN. */
const PLAIN = [
  'PreSignUp',
  'CustomMessage',
  'PostConfirmation',
  'PreAuthentication',
  'PostAuthentication',
  'DefineAuthChallenge',
  'CreateAuthChallenge',
  'VerifyAuthChallengeResponse',
  'PreTokenGeneration',
  'UserMigration',
] as const;
/** Triggers configured by `{ LambdaArn, LambdaVersion }`, with the versions Cognito accepts. */
const VERSIONED: Record<string, readonly string[]> = {
  PreTokenGenerationConfig: ['V1_0', 'V2_0', 'V3_0'],
  CustomSMSSender: ['V1_0'],
  CustomEmailSender: ['V1_0'],
};

export type TriggerName = (typeof PLAIN)[number];
export type PreTokenGenerationVersion = 'V1_0' | 'V2_0' | 'V3_0';

/** `arn:aws:lambda:<region>:<account>:function:<name>[:<version or alias>]`. */
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;
const KMS_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[\w/-]+$/;

export interface LambdaArn {
  arn: string;
  region: string;
  functionName: string;
  qualifier?: string;
}

export function parseLambdaArn(arn: string): LambdaArn | undefined {
  const match = LAMBDA_ARN.exec(arn);
  return match ? { arn, region: match[1], functionName: match[3], qualifier: match[4] } : undefined;
}

const field = (path: string): string => `LambdaConfig.${path}`;

function arnAt(value: unknown, path: string): string {
  if (typeof value !== 'string' || !parseLambdaArn(value)) throw patternViolation(field(path), LAMBDA_ARN);
  return value;
}

function versioned(value: unknown, name: string): { LambdaArn: string; LambdaVersion: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidParameterException(`${field(name)} must be an object with LambdaArn and LambdaVersion.`);
  const { LambdaArn, LambdaVersion } = value as Record<string, unknown>;
  const versions = VERSIONED[name];
  if (typeof LambdaVersion !== 'string' || !versions.includes(LambdaVersion)) {
    throw new InvalidParameterException(`${field(name)}.LambdaVersion must be one of ${versions.join(', ')}.`);
  }
  return { LambdaArn: arnAt(LambdaArn, `${name}.LambdaArn`), LambdaVersion };
}

/** Checks and normalises a LambdaConfig; refuses unknown keys and anything that is not a Lambda ARN. */
export function lambdaConfigFrom(input: unknown): Record<string, unknown> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new InvalidParameterException('LambdaConfig must be an object.');
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    if ((PLAIN as readonly string[]).includes(key)) config[key] = arnAt(value, key);
    else if (key in VERSIONED) config[key] = versioned(value, key);
    else if (key === 'KMSKeyID') {
      if (typeof value !== 'string' || !KMS_ARN.test(value)) throw patternViolation(field(key), KMS_ARN);
      config[key] = value;
    } else throw new InvalidParameterException(`Unknown LambdaConfig member ${key}.`);
  }
  const legacy = config.PreTokenGeneration as string | undefined;
  const current = config.PreTokenGenerationConfig as { LambdaArn: string; LambdaVersion: string } | undefined;
  if (legacy && current && legacy !== current.LambdaArn) {
    throw new InvalidParameterException('PreTokenGeneration and PreTokenGenerationConfig.LambdaArn must name the same function.');
  }
  if (legacy && !current) config.PreTokenGenerationConfig = { LambdaArn: legacy, LambdaVersion: 'V1_0' };
  if (current && !legacy) config.PreTokenGeneration = current.LambdaArn;
  return config;
}

/** The ARN a trigger calls in this LambdaConfig, or undefined when the trigger is not configured. */
export function triggerArn(lambdaConfig: Record<string, unknown>, trigger: TriggerName): string | undefined {
  const arn = lambdaConfig[trigger];
  return typeof arn === 'string' ? arn : undefined;
}

export function preTokenGenerationVersion(lambdaConfig: Record<string, unknown>): PreTokenGenerationVersion {
  const config = lambdaConfig.PreTokenGenerationConfig as { LambdaVersion?: PreTokenGenerationVersion } | undefined;
  return config?.LambdaVersion ?? 'V1_0';
}
