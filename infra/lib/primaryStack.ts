/**
 * The primary Region: the metadata table (with its replica in the secondary Region, if any), the
 * triggers, the user pool (with its replica), the API keys (replicated too), and the API.
 */
import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { PoolDefinition } from '../../src/local/poolDefinition';
import { regionalApi } from './regionalApi';
import { metadataTable } from './metadataTable';
import type { DeploymentSettings } from './settings';
import type { TriggerBundles } from './triggerBundles';
import { TriggerFunctions } from './triggerFunctions';
import { IdentityUserPool } from './userPool';

export const API_KEYS_SECRET = 'identity-api/api-keys';

export interface PrimaryStackProps extends StackProps {
  settings: DeploymentSettings;
  definition: PoolDefinition;
  bundles: TriggerBundles;
  /** The multi-Region key, when the pool is replicated. */
  poolKeyArn?: string;
}

export class PrimaryStack extends Stack {
  readonly userPool: IdentityUserPool;
  readonly triggers: TriggerFunctions;
  readonly replica?: cognito.CfnUserPoolReplica;

  constructor(scope: Construct, id: string, props: PrimaryStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const table = metadataTable(this, 'MetadataTable', settings.metadataTable, settings.secondaryRegion);
    this.triggers = new TriggerFunctions(this, 'Triggers', { definition: props.definition, bundles: props.bundles, tableName: settings.metadataTable, tableArn: table.tableArn });
    this.userPool = new IdentityUserPool(this, 'UserPool', { definition: props.definition, triggers: this.triggers, kmsKeyArn: props.poolKeyArn, email: settings.email });
    if (settings.secondaryRegion) {
      this.replica = new cognito.CfnUserPoolReplica(this, 'UserPoolReplica', { userPoolId: this.userPool.pool.ref, regionName: settings.secondaryRegion });
    }
    const apiKeys = new secretsmanager.Secret(this, 'ApiKeys', {
      secretName: API_KEYS_SECRET,
      description: 'Identity API: the keys accepted in x-api-key (API_KEYS, comma-separated)',
      generateSecretString: { passwordLength: 40, excludePunctuation: true, includeSpace: false },
      replicaRegions: settings.secondaryRegion ? [{ region: settings.secondaryRegion }] : undefined,
    });
    regionalApi(this, {
      settings,
      role: settings.secondaryRegion ? 'primary' : 'single',
      userPoolId: this.userPool.pool.ref,
      clientId: this.userPool.client.ref,
      tableArn: table.tableArn,
      apiKeys,
      triggers: this.triggers,
    });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.pool.ref });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPool.client.ref });
  }
}
