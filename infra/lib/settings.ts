/**
 * What a deployment is given: the Regions, the DNS name (optional), the image, the alarm address.
 * Read from CDK context (`cdk synth -c secondaryRegion=us-west-2`, or cdk.json), checked here
 * with messages naming the setting, as the API checks its own configuration.
 */
export interface DeploymentSettings {
  account: string;
  region: string;
  /** A second Region: a replica of the pool and the table, a second API, DNS failover. */
  secondaryRegion?: string;
  /** The API's name (e.g. api.example.com) in a Route 53 hosted zone: HTTPS, and failover between Regions. */
  domain?: { name: string; hostedZoneId: string; zoneName: string };
  /** A built image (e.g. in ECR); otherwise the Dockerfile is built when the stack is deployed. */
  image?: string;
  /** Where alarms are emailed, if anywhere (they always go to the stack's SNS topic). */
  alarmEmail?: string;
  /** The replica's status after deployment: ACTIVE serves sign-ins (a warm standby), INACTIVE does not. */
  replicaStatus: 'ACTIVE' | 'INACTIVE';
  /** Tasks per Region: at least `minTasks`, scaled on CPU and requests up to `maxTasks`. */
  minTasks: number;
  maxTasks: number;
  metadataTable: string;
  /**
   * Email through Amazon SES (a verified identity's ARN, and the From address): Cognito's own
   * sender cannot send sign-in codes, so a pool that emails them (email MFA, EMAIL_OTP) needs it.
   */
  email?: { sesIdentityArn: string; from: string };
}

export class DeploymentError extends Error {}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function deploymentSettings(context: (key: string) => unknown, env: NodeJS.ProcessEnv = process.env): DeploymentSettings {
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value = context(key);
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const count = (key: string, fallback: number): number => {
    const raw = text(key);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 100) problems.push(`${key} must be a whole number from 1 to 100 (got "${raw}")`);
    return value;
  };
  const account = text('account') ?? env.CDK_DEFAULT_ACCOUNT ?? '';
  const region = text('region') ?? env.CDK_DEFAULT_REGION ?? 'us-east-1';
  const secondaryRegion = text('secondaryRegion');
  if (!/^\d{12}$/.test(account)) problems.push(`account must be a 12-digit AWS account id (context "account" or CDK_DEFAULT_ACCOUNT; got "${account}")`);
  for (const [key, value] of [['region', region], ['secondaryRegion', secondaryRegion]] as const) {
    if (value !== undefined && !REGION.test(value)) problems.push(`${key} must be an AWS Region such as us-east-1 (got "${value}")`);
  }
  if (secondaryRegion === region) problems.push('secondaryRegion must differ from region');
  const [name, hostedZoneId, zoneName] = [text('domainName'), text('hostedZoneId'), text('hostedZoneName')];
  if ((name || hostedZoneId || zoneName) && !(name && hostedZoneId && zoneName)) problems.push('domainName, hostedZoneId and hostedZoneName go together');
  if (name && zoneName && !name.endsWith(zoneName)) problems.push(`domainName ${name} must be in the hosted zone ${zoneName}`);
  const [sesIdentityArn, emailFrom] = [text('sesIdentityArn'), text('emailFrom')];
  if ((sesIdentityArn || emailFrom) && !(sesIdentityArn && emailFrom)) problems.push('sesIdentityArn and emailFrom go together');
  if (sesIdentityArn && !/^arn:aws[\w-]*:ses:[a-z0-9-]+:\d{12}:identity\/.+$/.test(sesIdentityArn)) problems.push(`sesIdentityArn must be an SES identity ARN (arn:aws:ses:<region>:<account>:identity/<domain or address>; got "${sesIdentityArn}")`);
  const replicaStatus = text('replicaStatus') ?? 'ACTIVE';
  if (replicaStatus !== 'ACTIVE' && replicaStatus !== 'INACTIVE') problems.push(`replicaStatus must be ACTIVE or INACTIVE (got "${replicaStatus}")`);
  const settings: DeploymentSettings = {
    account,
    region,
    secondaryRegion,
    domain: name && hostedZoneId && zoneName ? { name, hostedZoneId, zoneName } : undefined,
    image: text('image'),
    alarmEmail: text('alarmEmail'),
    replicaStatus: replicaStatus as DeploymentSettings['replicaStatus'],
    minTasks: count('minTasks', 2),
    maxTasks: count('maxTasks', 10),
    metadataTable: text('metadataTable') ?? 'identity-metadata',
    email: sesIdentityArn && emailFrom ? { sesIdentityArn, from: emailFrom } : undefined,
  };
  if (settings.maxTasks < settings.minTasks) problems.push('maxTasks must be at least minTasks');
  if (problems.length) throw new DeploymentError(`Invalid deployment settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return settings;
}
