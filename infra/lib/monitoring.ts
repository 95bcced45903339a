/**
 * Alarms and a dashboard for one Region, from what CloudWatch has without the API's help: the
 * load balancer (5xx rate, p99), Cognito (throttled sign-ins, sign-ups and refreshes of this
 * client, and the quota categories' ThrottleCount on the dashboard), the triggers (AWS/Lambda
 * errors, each function) and DynamoDB (throttled reads and writes). Alarms go to an SNS topic,
 * and to an email address when one is given. The API's own Prometheus metrics (port 9464) go
 * further; see the README.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { ApiService } from './apiService';

export interface MonitoringProps {
  api: ApiService;
  userPoolId: string;
  clientId: string;
  tableName: string;
  triggers: lambda.IFunction[];
  alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms');
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const { loadBalancer, targetGroup } = props.api.service;
    const sum = { statistic: 'Sum', period: Duration.minutes(1) };

    const fiveXxRate = new cloudwatch.MathExpression({
      label: '5xx answers, % of requests',
      expression: '100 * (target5xx + elb5xx) / MAX([requests, 1])',
      usingMetrics: {
        target5xx: targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, sum),
        elb5xx: loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, sum),
        requests: loadBalancer.metrics.requestCount(sum),
      },
      period: Duration.minutes(1),
    });
    const p99 = targetGroup.metrics.targetResponseTime({ statistic: 'p99', period: Duration.minutes(1) });
    const cognitoThrottles = new cloudwatch.MathExpression({
      label: 'Cognito throttled sign-ins, sign-ups and refreshes',
      expression: 'signIn + signUp + refresh',
      usingMetrics: Object.fromEntries(
        [
          ['signIn', 'SignInThrottles'],
          ['signUp', 'SignUpThrottles'],
          ['refresh', 'TokenRefreshThrottles'],
        ].map(([key, metricName]) => [
          key,
          new cloudwatch.Metric({ namespace: 'AWS/Cognito', metricName, dimensionsMap: { UserPool: props.userPoolId, UserPoolClient: props.clientId }, statistic: 'Sum', period: FIVE_MINUTES }),
        ]),
      ),
      period: FIVE_MINUTES,
    });
    const dynamoThrottles = new cloudwatch.MathExpression({
      label: 'DynamoDB throttled reads and writes',
      expression: 'reads + writes',
      usingMetrics: {
        reads: new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName: 'ReadThrottleEvents', dimensionsMap: { TableName: props.tableName }, statistic: 'Sum', period: FIVE_MINUTES }),
        writes: new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName: 'WriteThrottleEvents', dimensionsMap: { TableName: props.tableName }, statistic: 'Sum', period: FIVE_MINUTES }),
      },
      period: FIVE_MINUTES,
    });

    this.alarm('Api5xxRate', fiveXxRate, 1, 'More than 1% of requests answered 5xx for 3 of 5 minutes', 5, 3);
    this.alarm('ApiP99', p99, 1, 'p99 response time over 1 s for 5 minutes', 5, 5);
    this.alarm('CognitoThrottles', cognitoThrottles, 1, 'Cognito throttled requests of this app client (raise the quota, or find the burst)');
    this.alarm('DynamoDbThrottles', dynamoThrottles, 1, 'DynamoDB throttled reads or writes of the metadata table');
    for (const fn of props.triggers) {
      this.alarm(`TriggerErrors-${fn.node.id}`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), 1, `Trigger ${fn.node.id} failed (Cognito answers those sign-ins and sign-ups with an error)`);
    }

    const quotaThrottles = new cloudwatch.MathExpression({
      label: 'Cognito ThrottleCount by quota category',
      expression: `SEARCH('{AWS/Usage,Class,Resource,Service,Type} Service="Cognito User Pools" MetricName="ThrottleCount"', 'Sum', 300)`,
      period: FIVE_MINUTES,
    });
    new cloudwatch.Dashboard(this, 'Dashboard', {
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'Requests and 5xx', left: [loadBalancer.metrics.requestCount(sum)], right: [fiveXxRate] }),
          new cloudwatch.GraphWidget({ title: 'Latency', left: [targetGroup.metrics.targetResponseTime({ statistic: 'p50' }), p99] }),
          new cloudwatch.GraphWidget({ title: 'Tasks: CPU and memory', left: [props.api.service.service.metricCpuUtilization(), props.api.service.service.metricMemoryUtilization()] }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Cognito throttles', left: [cognitoThrottles], right: [quotaThrottles] }),
          new cloudwatch.GraphWidget({ title: 'Triggers: errors', left: props.triggers.map((fn) => fn.metricErrors({ label: fn.node.id })) }),
          new cloudwatch.GraphWidget({ title: 'Triggers: p99 duration', left: props.triggers.map((fn) => fn.metricDuration({ statistic: 'p99', label: fn.node.id })) }),
          new cloudwatch.GraphWidget({ title: 'DynamoDB throttles', left: [dynamoThrottles] }),
        ],
      ],
    });
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string, evaluationPeriods = 1, datapointsToAlarm = 1): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods,
      datapointsToAlarm,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
