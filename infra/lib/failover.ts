/**
 * The API's DNS name. With one Region, an alias to its load balancer. With two, Route 53 failover:
 * the primary record answers while a health check on the primary's `/readyz` passes (Cognito and
 * DynamoDB answer there), the secondary's record otherwise. Each stack writes its own record in
 * the same hosted zone, so no stack reaches into another Region.
 */
import { Duration } from 'aws-cdk-lib';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import type { Construct } from 'constructs';

export type FailoverRole = 'single' | 'primary' | 'secondary';

export function apiRecord(scope: Construct, zone: route53.IHostedZone, name: string, loadBalancer: elbv2.ILoadBalancerV2, role: FailoverRole, https: boolean): void {
  const target = route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(loadBalancer, { evaluateTargetHealth: true }));
  if (role === 'single') {
    new route53.ARecord(scope, 'ApiRecord', { zone, recordName: name, target });
    return;
  }
  const healthCheck =
    role === 'primary'
      ? new route53.HealthCheck(scope, 'PrimaryHealth', {
          type: https ? route53.HealthCheckType.HTTPS : route53.HealthCheckType.HTTP,
          fqdn: loadBalancer.loadBalancerDnsName,
          port: https ? 443 : 80,
          resourcePath: '/readyz',
          requestInterval: Duration.seconds(10),
          failureThreshold: 3,
        })
      : undefined;
  new route53.ARecord(scope, 'ApiRecord', {
    zone,
    recordName: name,
    target,
    failover: role === 'primary' ? route53.Failover.PRIMARY : route53.Failover.SECONDARY,
    setIdentifier: `identity-api-${role}`,
    healthCheck,
  });
}
