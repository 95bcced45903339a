/**
 * The API in one Region: its container (the Dockerfile's image, or a built one) on ECS Fargate
 * behind an Application Load Balancer, scaled on CPU and on requests per task. Settings come from
 * the stack (the pool, the client, the table, the issuers), the API keys from Secrets Manager.
 *
 * - The load balancer checks `/readyz` (Cognito and DynamoDB answer); the container's own check
 *   (the image's HEALTHCHECK, repeated here for ECS) is `/livez`.
 * - Stopping: ECS deregisters the task (30 s of draining at the load balancer) and sends SIGTERM;
 *   the API drains within SHUTDOWN_TIMEOUT_MS (25 s), under the container's 30 s stop timeout.
 * - Metrics: port 9464, open to the VPC only (a Prometheus or ADOT scraper there), never through
 *   the load balancer.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { cognitoIssuer, cognitoUpdatedIssuer } from '../../src/config';

export const API_PORT = 4000;
export const METRICS_PORT = 9464;

export interface ApiServiceProps {
  image: ecs.ContainerImage;
  userPoolId: string;
  userPoolArn: string;
  clientId: string;
  /** The pool's primary Region: its updated issuer is named after it, in every Region. */
  primaryRegion: string;
  tableName: string;
  tableArn: string;
  apiKeys: ISecret;
  certificate?: ICertificate;
  minTasks: number;
  maxTasks: number;
}

/** The Cognito operations the API calls with its credentials (public ones need none). */
const COGNITO_ACTIONS = ['Admin*', 'ListUsers', 'ListUsersInGroup', 'ListGroups', 'GetGroup', 'CreateGroup', 'UpdateGroup', 'DeleteGroup', 'DescribeUserPool'].map(
  (action) => `cognito-idp:${action}`,
);

export class ApiService extends Construct {
  readonly service: patterns.ApplicationLoadBalancedFargateService;
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: ApiServiceProps) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc: this.vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    const task = new ecs.FargateTaskDefinition(this, 'Task', { cpu: 512, memoryLimitMiB: 1024, runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64 } });
    task.addContainer('api', {
      image: props.image,
      portMappings: [{ containerPort: API_PORT, name: 'api' }, { containerPort: METRICS_PORT, name: 'metrics' }],
      environment: {
        NODE_ENV: 'production',
        HOST: '0.0.0.0',
        PORT: String(API_PORT),
        METRICS_PORT: String(METRICS_PORT),
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        // Said outright: a replicated pool keeps its id (and the primary Region in it), and the
        // API would otherwise take the Region from the id and call the primary from the secondary.
        AWS_REGION: Stack.of(this).region,
        COGNITO_USER_POOL_ID: props.userPoolId,
        COGNITO_CLIENT_ID: props.clientId,
        COGNITO_ISSUER: cognitoUpdatedIssuer(props.primaryRegion, props.userPoolId),
        // Tokens issued before the pool moved to the updated issuer still carry the original one.
        COGNITO_ACCEPTED_ISSUERS: cognitoIssuer(props.primaryRegion, props.userPoolId),
        METADATA_TABLE: props.tableName,
        // The load balancer's addresses are the VPC's: only they may say who the client is.
        TRUSTED_PROXIES: this.vpc.vpcCidrBlock,
        SHUTDOWN_TIMEOUT_MS: '25000',
      },
      secrets: { API_KEYS: ecs.Secret.fromSecretsManager(props.apiKeys) },
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'api', logGroup: new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH }) }),
      healthCheck: {
        command: ['CMD', 'node', '-e', `fetch('http://127.0.0.1:${API_PORT}/livez').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))`],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        startPeriod: Duration.seconds(30),
        retries: 3,
      },
      stopTimeout: Duration.seconds(30),
      readonlyRootFilesystem: true,
    });
    task.addToTaskRolePolicy(new iam.PolicyStatement({ actions: COGNITO_ACTIONS, resources: [props.userPoolArn] }));
    task.addToTaskRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem'],
        resources: [props.tableArn, `${props.tableArn}/index/*`],
      }),
    );
    this.service = new patterns.ApplicationLoadBalancedFargateService(this, 'Service', {
      cluster,
      taskDefinition: task,
      desiredCount: props.minTasks,
      publicLoadBalancer: true,
      certificate: props.certificate,
      protocol: props.certificate ? elbv2.ApplicationProtocol.HTTPS : elbv2.ApplicationProtocol.HTTP,
      redirectHTTP: props.certificate !== undefined,
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
    });
    this.service.targetGroup.configureHealthCheck({ path: '/readyz', healthyHttpCodes: '200', interval: Duration.seconds(10), timeout: Duration.seconds(5), healthyThresholdCount: 2, unhealthyThresholdCount: 3 });
    this.service.targetGroup.setAttribute('deregistration_delay.timeout_seconds', '30');
    this.service.service.connections.allowFrom(ec2.Peer.ipv4(this.vpc.vpcCidrBlock), ec2.Port.tcp(METRICS_PORT), 'Prometheus scrapers in the VPC');
    const scaling = this.service.service.autoScaleTaskCount({ minCapacity: props.minTasks, maxCapacity: props.maxTasks });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60, scaleInCooldown: Duration.minutes(5), scaleOutCooldown: Duration.minutes(1) });
    scaling.scaleOnRequestCount('Requests', { requestsPerTarget: 1000, targetGroup: this.service.targetGroup, scaleInCooldown: Duration.minutes(5), scaleOutCooldown: Duration.minutes(1) });
  }
}
