/**
 * The secondary Region: the pool's replica gets its Regional settings (this Region's trigger
 * functions, its status), and a second API serves from it, reading the table's replica here.
 * Cognito's limits apply (see the README): no new users, password resets or profile changes in
 * the secondary, no TOTP, lockout counted per Region.
 */
import { Stack, StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { PoolDefinition } from '../../src/local/poolDefinition';
import { lambdaConfigFor } from './poolProps';
import { API_KEYS_SECRET } from './primaryStack';
import { regionalApi } from './regionalApi';
import type { DeploymentSettings } from './settings';
import type { TriggerBundles } from './triggerBundles';
import { TriggerFunctions } from './triggerFunctions';

export interface SecondaryStackProps extends StackProps {
  settings: DeploymentSettings;
  definition: PoolDefinition;
  bundles: TriggerBundles;
  /** The replicated pool's id and client (shared by both Regions). */
  userPoolId: string;
  clientId: string;
}

export class SecondaryStack extends Stack {
  readonly triggers: TriggerFunctions;
  readonly regionalConfiguration: cognito.CfnUserPoolRegionalConfigurationAttachment;

  constructor(scope: Construct, id: string, props: SecondaryStackProps) {
    super(scope, id, props);
    const { settings } = props;
    // The global table's replica in this Region: same name, this Region's ARN.
    const tableArn = this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: settings.metadataTable });
    this.triggers = new TriggerFunctions(this, 'Triggers', { definition: props.definition, bundles: props.bundles, tableName: settings.metadataTable, tableArn });
    this.triggers.allowInvocationBy(this.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: props.userPoolId }));
    this.regionalConfiguration = new cognito.CfnUserPoolRegionalConfigurationAttachment(this, 'ReplicaSettings', {
      userPoolId: props.userPoolId,
      lambdaConfig: lambdaConfigFor(props.definition, (name) => this.triggers.arnOf(name)),
      status: settings.replicaStatus,
    });
    regionalApi(this, {
      settings,
      role: 'secondary',
      userPoolId: props.userPoolId,
      clientId: props.clientId,
      tableArn,
      apiKeys: secretsmanager.Secret.fromSecretNameV2(this, 'ApiKeys', API_KEYS_SECRET),
      triggers: this.triggers,
    });
  }
}
