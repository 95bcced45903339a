/**
 * The CDK app: `npm run infra:synth` writes the CloudFormation templates and assets to
 * dist/cdk.out; `npx aws-cdk@2 deploy --app "node dist/infra/bin/app.js" --all` (the CDK CLI, not a dependency of the project) deploys them.
 * Settings are CDK context (-c key=value): account, region, secondaryRegion, domainName,
 * hostedZoneId, hostedZoneName, image, alarmEmail, replicaStatus, minTasks, maxTasks, metadataTable.
 */
import { App } from 'aws-cdk-lib';
import { join } from 'node:path';
import { buildIdentityApp } from '../lib/identityApp';
import { DeploymentError, deploymentSettings } from '../lib/settings';
import { PROJECT_ROOT } from '../lib/triggerBundles';

const app = new App({ outdir: process.env.CDK_OUTDIR ?? join(PROJECT_ROOT, 'dist', 'cdk.out') });
try {
  buildIdentityApp(app, deploymentSettings((key) => app.node.tryGetContext(key)));
  app.synth();
} catch (error) {
  console.error(error instanceof DeploymentError ? error.message : error);
  process.exit(1);
}
