/**
 * One Lambda function per trigger the pool definition names, from the local bundles
 * (triggerBundles.ts), with the table's data permissions and the settings the handlers read
 * (src/triggers/lambda.ts). Cognito waits 5 s for a trigger, so that is their timeout too.
 */
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { PoolDefinition } from '../../src/local/poolDefinition';
import { triggersOf } from './poolProps';
import type { TriggerBundles } from './triggerBundles';

export interface TriggerFunctionsProps {
  definition: PoolDefinition;
  bundles: TriggerBundles;
  tableName: string;
  /** The table's ARN in this Region (a global table's replica has the name, not the stack). */
  tableArn: string;
}

export class TriggerFunctions extends Construct {
  /** By function name, as config/user-pool.json names them. */
  readonly functions = new Map<string, lambda.Function>();

  constructor(scope: Construct, id: string, props: TriggerFunctionsProps) {
    super(scope, id);
    const names = [...new Set(triggersOf(props.definition).map((t) => t.functionName))];
    for (const functionName of names) {
      const fn = new lambda.Function(this, functionName, {
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.X86_64,
        handler: 'index.handler',
        code: lambda.Code.fromAsset(props.bundles.directoryFor(functionName)),
        timeout: Duration.seconds(5),
        memorySize: 256,
        environment: { METADATA_TABLE: props.tableName, NODE_OPTIONS: '--enable-source-maps' },
        logGroup: new logs.LogGroup(this, `${functionName}-logs`, { retention: logs.RetentionDays.ONE_MONTH }),
        description: `Cognito trigger ${functionName} (src/triggers)`,
      });
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem'],
          resources: [props.tableArn, `${props.tableArn}/index/*`],
        }),
      );
      this.functions.set(functionName, fn);
    }
  }

  arnOf(functionName: string): string {
    const fn = this.functions.get(functionName);
    if (!fn) throw new Error(`no trigger function ${functionName}`);
    return fn.functionArn;
  }

  /** Lets Cognito (this pool only) invoke every trigger. */
  allowInvocationBy(userPoolArn: string): void {
    for (const fn of this.functions.values()) {
      fn.addPermission('InvokedByCognito', { principal: new iam.ServicePrincipal('cognito-idp.amazonaws.com'), sourceArn: userPoolArn });
    }
  }
}
