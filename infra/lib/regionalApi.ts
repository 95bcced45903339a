/**
 * What each Region runs the same way: the API service, its alarms and dashboard, its certificate
 * and DNS record (when the deployment has a domain), and its outputs.
 */
import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { ApiService } from './apiService';
import { apiRecord, FailoverRole } from './failover';
import { Monitoring } from './monitoring';
import type { DeploymentSettings } from './settings';
import { PROJECT_ROOT } from './triggerBundles';
import type { TriggerFunctions } from './triggerFunctions';

export interface RegionalApiProps {
  settings: DeploymentSettings;
  role: FailoverRole;
  userPoolId: string;
  clientId: string;
  tableArn: string;
  apiKeys: ISecret;
  triggers: TriggerFunctions;
}

/** A built image when the settings name one; otherwise the Dockerfile, built at deployment (never at synthesis). */
const imageOf = (settings: DeploymentSettings): ecs.ContainerImage =>
  settings.image ? ecs.ContainerImage.fromRegistry(settings.image) : ecs.ContainerImage.fromAsset(PROJECT_ROOT, { file: 'Dockerfile' });

export function regionalApi(stack: Stack, props: RegionalApiProps): { api: ApiService; monitoring: Monitoring } {
  const { settings } = props;
  const zone = settings.domain && route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: settings.domain.hostedZoneId, zoneName: settings.domain.zoneName });
  const certificate = zone && new acm.Certificate(stack, 'Certificate', { domainName: settings.domain!.name, validation: acm.CertificateValidation.fromDns(zone) });
  const api = new ApiService(stack, 'Api', {
    image: imageOf(settings),
    userPoolId: props.userPoolId,
    userPoolArn: stack.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: props.userPoolId }),
    clientId: props.clientId,
    primaryRegion: settings.region,
    tableName: settings.metadataTable,
    tableArn: props.tableArn,
    apiKeys: props.apiKeys,
    certificate,
    minTasks: settings.minTasks,
    maxTasks: settings.maxTasks,
  });
  const monitoring = new Monitoring(stack, 'Monitoring', {
    api,
    userPoolId: props.userPoolId,
    clientId: props.clientId,
    tableName: settings.metadataTable,
    triggers: [...props.triggers.functions.values()],
    alarmEmail: settings.alarmEmail,
  });
  if (zone) apiRecord(stack, zone, settings.domain!.name, api.service.loadBalancer, props.role, true);
  const url = settings.domain ? `https://${settings.domain.name}/graphql` : `http://${api.service.loadBalancer.loadBalancerDnsName}/graphql`;
  new CfnOutput(stack, 'GraphQLUrl', { value: url });
  new CfnOutput(stack, 'LoadBalancer', { value: api.service.loadBalancer.loadBalancerDnsName });
  new CfnOutput(stack, 'AlarmTopic', { value: monitoring.topic.topicArn });
  return { api, monitoring };
}
