/**
 * The AWS deployment (infra/), synthesized offline: no credentials, no Docker. The user pool is
 * config/user-pool.json's, key for key; the triggers are bundled locally and wired in; the table
 * is src/datasources/metadata/table.ts's; the API runs on Fargate behind a load balancer checking
 * /readyz; alarms and a dashboard watch it; and a second Region adds the pool's replica, the
 * table's, a second API and DNS failover.
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METADATA_INDEXES } from '../../src/datasources/metadata/table';
import { readPoolDefinition } from '../../src/local/poolDefinition';
import { buildIdentityApp, IdentityStacks } from '../../infra/lib/identityApp';
import { DeploymentSettings, deploymentSettings } from '../../infra/lib/settings';
import { TriggerBundles } from '../../infra/lib/triggerBundles';
import { ROOT } from './support/build';

const definition = readPoolDefinition(join(ROOT, 'config', 'user-pool.json'));
const ACCOUNT = '123456789012';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/identity-api:test';
const scratch = mkdtempSync(join(tmpdir(), 'identity-infra-'));
const bundles = new TriggerBundles(join(scratch, 'bundles'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SES_IDENTITY = `arn:aws:ses:us-east-1:${ACCOUNT}:identity/example.com`;
const settingsFor = (context: Record<string, string>): DeploymentSettings =>
  deploymentSettings((key) => ({ account: ACCOUNT, region: 'us-east-1', image: IMAGE, sesIdentityArn: SES_IDENTITY, emailFrom: 'no-reply@example.com', ...context })[key], {});

function synth(context: Record<string, string> = {}): IdentityStacks {
  const app = new App({ outdir: mkdtempSync(join(scratch, 'out-')) });
  return buildIdentityApp(app, settingsFor(context), { bundles });
}

/** The definition's PascalCase keys, as they appear in the template. */
const configured = (value: unknown): unknown => (typeof value === 'object' && value !== null ? Match.objectLike(value as Record<string, unknown>) : value);

describe('one Region', () => {
  let template: Template;
  beforeAll(() => {
    template = Template.fromStack(synth().primary);
  });

  test('the user pool is config/user-pool.json, key for key, on the Essentials plan with the updated issuer', () => {
    const { PoolName, ...rest } = definition.pool;
    delete rest.LambdaConfig;
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: PoolName,
      ...Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, Array.isArray(value) ? value : configured(value)])),
      UserPoolTier: 'ESSENTIALS',
      IssuerConfiguration: { Type: 'UPDATED' },
      DeletionProtection: 'ACTIVE',
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { ...definition.client, UserPoolId: { Ref: Match.anyValue() } });
    // The definition's mfa section (SetUserPoolMfaConfig's input in the engine), as the pool's properties.
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      EnabledMfas: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
      EmailAuthenticationMessage: definition.mfa!.EmailMfaConfiguration!.Message,
      EmailAuthenticationSubject: definition.mfa!.EmailMfaConfiguration!.Subject,
      EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: SES_IDENTITY, From: 'no-reply@example.com' },
    });
    for (const group of definition.groups ?? []) template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group.GroupName, Precedence: group.Precedence });
  });

  test("each trigger the definition names is a Lambda function, wired into the pool's LambdaConfig (PreTokenGeneration V2_0)", () => {
    const named = ['identity-pre-sign-up', 'identity-post-confirmation', 'identity-pre-authentication', 'identity-post-authentication', 'identity-pre-token-generation', 'identity-custom-message'];
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x' } });
    expect(Object.keys(functions)).toHaveLength(named.length);
    const idOf = (name: string) => Object.keys(functions).find((id) => id.startsWith(`Triggers${name.replace(/-/g, '')}`))!;
    for (const name of named) expect(idOf(name)).toBeDefined();
    const arn = (name: string) => ({ 'Fn::GetAtt': [idOf(name), 'Arn'] });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreSignUp: arn('identity-pre-sign-up'),
        PostConfirmation: arn('identity-post-confirmation'),
        PreAuthentication: arn('identity-pre-authentication'),
        PostAuthentication: arn('identity-post-authentication'),
        PreTokenGeneration: arn('identity-pre-token-generation'),
        PreTokenGenerationConfig: { LambdaArn: arn('identity-pre-token-generation'), LambdaVersion: 'V2_0' },
        CustomMessage: arn('identity-custom-message'),
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Timeout: 5, Environment: { Variables: Match.objectLike({ METADATA_TABLE: 'identity-metadata' }) } });
    template.resourcePropertiesCountIs('AWS::Lambda::Permission', { Principal: 'cognito-idp.amazonaws.com', SourceArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } }, named.length);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['dynamodb:UpdateItem', 'dynamodb:Query']), Resource: Match.arrayWith([Match.objectLike({ 'Fn::GetAtt': Match.anyValue() })]) })]) },
    });
  });

  test('the bundles were made here with esbuild, with their config, and run as Lambda runs them', () => {
    const dir = bundles.directoryFor('identity-pre-sign-up');
    for (const file of ['index.js', 'config/triggers.json', 'config/messages/SignUp.json', 'node_modules/@node-rs/argon2/package.json']) expect(existsSync(join(dir, file))).toBe(true);
    const event = {
      version: '1',
      triggerSource: 'PreSignUp_SignUp',
      region: 'us-east-1',
      userPoolId: 'us-east-1_Test',
      userName: 'ada',
      callerContext: { awsSdkVersion: 'x', clientId: 'client' },
      request: { userAttributes: { email: 'ada@example.com' } },
      response: {},
    };
    const script = `require('./index.js').handler(${JSON.stringify(event)}).then((e) => process.stdout.write(JSON.stringify(e.response)))`;
    // Lambda runs Node 22; here Node 20 would make the bundled SDK print its upgrade notice.
    const env = { PATH: process.env.PATH, AWS_REGION: 'us-east-1', METADATA_TABLE: 'identity-metadata', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const out = execFileSync(process.execPath, ['-e', script], { cwd: dir, env }).toString();
    expect(JSON.parse(out)).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  test("the metadata table is table.ts's: keys, the directory's indexes, ttl, point-in-time recovery, deletion protection", () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'identity-metadata',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: METADATA_INDEXES.map((index) => Match.objectLike({ IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: { ProjectionType: 'KEYS_ONLY' } })),
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      Replicas: [Match.objectLike({ Region: 'us-east-1', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
    });
  });

  test('the API: Fargate behind a load balancer that checks /readyz, settings from the stack, API keys from Secrets Manager, autoscaling', () => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [
        Match.objectLike({
          Image: IMAGE,
          Environment: Match.arrayWith([
            { Name: 'NODE_ENV', Value: 'production' },
            { Name: 'METRICS_PORT', Value: '9464' },
            { Name: 'COGNITO_USER_POOL_ID', Value: { Ref: Match.anyValue() } },
            { Name: 'COGNITO_CLIENT_ID', Value: { Ref: Match.anyValue() } },
            { Name: 'METADATA_TABLE', Value: 'identity-metadata' },
            { Name: 'SHUTDOWN_TIMEOUT_MS', Value: '25000' },
          ]),
          Secrets: [{ Name: 'API_KEYS', ValueFrom: { Ref: Match.anyValue() } }],
          HealthCheck: Match.objectLike({ Command: Match.arrayWith([Match.stringLikeRegexp('/livez')]) }),
          StopTimeout: 30,
        }),
      ],
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'identity-api/api-keys', GenerateSecretString: Match.objectLike({ PasswordLength: 40 }) });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/readyz', Port: 80, Protocol: 'HTTP' });
    template.resourceCountIs('AWS::ECS::Service', 1);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } }),
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }) }),
    });
    // Metrics: open to the VPC on their port, never through the load balancer.
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.arrayWith([Match.objectLike({ FromPort: 9464, ToPort: 9464, CidrIp: { 'Fn::GetAtt': [Match.anyValue(), 'CidrBlock'] } })]),
    });
    template.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::Listener', { Port: 9464 }, 0);
  });

  test('alarms on the 5xx rate, p99, Cognito throttles, each trigger and DynamoDB throttles, to a topic; and a dashboard', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => (a.Properties as { AlarmDescription: string }).AlarmDescription);
    expect(alarms).toEqual(
      expect.arrayContaining([
        expect.stringContaining('1% of requests answered 5xx'),
        expect.stringContaining('p99 response time'),
        expect.stringContaining('Cognito throttled'),
        expect.stringContaining('DynamoDB throttled'),
        expect.stringContaining('Trigger identity-pre-sign-up failed'),
      ]),
    );
    expect(alarms.filter((a) => a.startsWith('Trigger '))).toHaveLength(6);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('MonitoringAlarms') }] });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.resourceCountIs('AWS::Route53::RecordSet', 0);
  });
});

describe('two Regions, with a domain', () => {
  let stacks: IdentityStacks;
  let primary: Template;
  let secondary: Template;
  beforeAll(() => {
    stacks = synth({ secondaryRegion: 'us-west-2', domainName: 'api.example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ', hostedZoneName: 'example.com' });
    primary = Template.fromStack(stacks.primary);
    secondary = Template.fromStack(stacks.secondary!);
  });

  test('a multi-Region key made first, with its replica in the second Region', () => {
    Template.fromStack(stacks.key!).hasResourceProperties('AWS::KMS::Key', { MultiRegion: true, EnableKeyRotation: true });
    Template.fromStack(stacks.keyReplica!).resourceCountIs('AWS::KMS::ReplicaKey', 1);
    expect(stacks.keyReplica!.region).toBe('us-west-2');
    expect(stacks.primary.dependencies).toContain(stacks.keyReplica);
    expect(stacks.secondary!.dependencies).toContain(stacks.primary);
  });

  test("the pool is encrypted with it and replicated; the table and the API keys too", () => {
    primary.hasResourceProperties('AWS::Cognito::UserPool', { KeyConfiguration: { KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: Match.anyValue() }, UserPoolTier: 'ESSENTIALS' });
    primary.hasResourceProperties('AWS::Cognito::UserPoolReplica', { RegionName: 'us-west-2', UserPoolId: { Ref: Match.anyValue() } });
    for (const region of ['us-east-1', 'us-west-2']) primary.hasResourceProperties('AWS::DynamoDB::GlobalTable', { Replicas: Match.arrayWith([Match.objectLike({ Region: region })]) });
    primary.hasResourceProperties('AWS::SecretsManager::Secret', { ReplicaRegions: [{ Region: 'us-west-2' }] });
  });

  test("the secondary: its own trigger functions in the replica's Regional settings, and a second API on the same pool", () => {
    secondary.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.handler' }, 6);
    secondary.hasResourceProperties('AWS::Cognito::UserPoolRegionalConfigurationAttachment', {
      Status: 'ACTIVE',
      LambdaConfig: Match.objectLike({ PreSignUp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Triggersidentitypresignup'), 'Arn'] }, PreTokenGenerationConfig: Match.objectLike({ LambdaVersion: 'V2_0' }) }),
    });
    secondary.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [
        Match.objectLike({
          Environment: Match.arrayWith([
            // This Region's Cognito and DynamoDB, though the pool id names the primary's.
            { Name: 'AWS_REGION', Value: 'us-west-2' },
            // One issuer in both Regions: the updated one, named after the primary Region; older tokens carry the original.
            { Name: 'COGNITO_ISSUER', Value: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['https://issuer-cognito-idp.us-east-1.amazonaws.com/'])] }) },
            { Name: 'COGNITO_ACCEPTED_ISSUERS', Value: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['https://cognito-idp.us-east-1.amazonaws.com/'])] }) },
          ]),
        }),
      ],
    });
    secondary.resourceCountIs('AWS::Cognito::UserPool', 0);
    secondary.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
  });

  test('DNS failover: the primary record answers while its /readyz health check passes, the secondary otherwise', () => {
    primary.hasResourceProperties('AWS::Route53::HealthCheck', { HealthCheckConfig: Match.objectLike({ Type: 'HTTPS', ResourcePath: '/readyz', Port: 443 }) });
    primary.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'api.example.com.', Type: 'A', Failover: 'PRIMARY', HealthCheckId: { Ref: Match.anyValue() } });
    secondary.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'api.example.com.', Type: 'A', Failover: 'SECONDARY' });
    for (const template of [primary, secondary]) {
      template.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'api.example.com' });
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS' });
    }
  });
});

test('without an image, the Dockerfile is staged as an asset (built at deployment, never here)', () => {
  const app = new App({ outdir: mkdtempSync(join(scratch, 'out-')) });
  const { primary } = buildIdentityApp(app, settingsFor({ region: 'eu-west-1', image: '' }), { bundles });
  const assembly = app.synth();
  const manifest = JSON.parse(readFileSync(join(assembly.directory, `${primary.artifactId}.assets.json`), 'utf8')) as { dockerImages: Record<string, { source: { directory: string; dockerFile?: string } }> };
  const images = Object.values(manifest.dockerImages);
  expect(images).toHaveLength(1);
  const staged = join(assembly.directory, images[0].source.directory);
  expect(existsSync(join(staged, 'Dockerfile'))).toBe(true);
  // .dockerignore keeps what the image must not get out of the build context.
  expect(existsSync(join(staged, 'node_modules'))).toBe(false);
  expect(existsSync(join(staged, '.data'))).toBe(false);
});

test('a pool that emails sign-in codes is refused without an SES sender, naming the settings', () => {
  expect(() => synth({ sesIdentityArn: '', emailFrom: '' })).toThrow(/sesIdentityArn=.*emailFrom=/);
  expect(() => settingsFor({ emailFrom: '' })).toThrow('sesIdentityArn and emailFrom go together');
  expect(() => settingsFor({ sesIdentityArn: 'example.com' })).toThrow(/sesIdentityArn must be an SES identity ARN/);
});

test('bad deployment settings are named, all at once', () => {
  expect(() => deploymentSettings((key) => ({ account: '42', region: 'mars', secondaryRegion: 'mars', domainName: 'api.example.org', minTasks: '0' })[key], {})).toThrow(
    [
      'Invalid deployment settings:',
      '  - account must be a 12-digit AWS account id (context "account" or CDK_DEFAULT_ACCOUNT; got "42")',
      '  - region must be an AWS Region such as us-east-1 (got "mars")',
      '  - secondaryRegion must be an AWS Region such as us-east-1 (got "mars")',
      '  - secondaryRegion must differ from region',
      '  - domainName, hostedZoneId and hostedZoneName go together',
      '  - minTasks must be a whole number from 1 to 100 (got "0")',
    ].join('\n'),
  );
});
