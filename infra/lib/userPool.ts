/**
 * The user pool, its app client and its groups, from config/user-pool.json (poolProps.ts), with
 * the triggers wired to the deployed functions. On the Essentials feature plan: access-token
 * customisation (PreTokenGenerationConfig V2_0, which the definition asks for) and multi-Region
 * replication both need it. The updated issuer (one JWKS for every Region) is always on; when the
 * pool is replicated its data is encrypted with the given multi-Region key.
 */
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { PoolDefinition } from '../../src/local/poolDefinition';
import { DeploymentError, DeploymentSettings } from './settings';
import { sendsSignInEmails, userPoolClientProps, userPoolProps } from './poolProps';
import type { TriggerFunctions } from './triggerFunctions';

export interface IdentityUserPoolProps {
  definition: PoolDefinition;
  triggers: TriggerFunctions;
  /** A multi-Region customer managed key (needed for a replica). */
  kmsKeyArn?: string;
  email?: DeploymentSettings['email'];
}

/** Amazon SES as the pool's sender, when given; a pool that emails sign-in codes cannot do without it. */
function emailConfiguration(definition: PoolDefinition, email: DeploymentSettings['email']): cognito.CfnUserPool.EmailConfigurationProperty | undefined {
  if (email) return { emailSendingAccount: 'DEVELOPER', sourceArn: email.sesIdentityArn, from: email.from };
  if (sendsSignInEmails(definition)) {
    throw new DeploymentError(
      'Invalid deployment settings:\n  - config/user-pool.json emails sign-in codes (email MFA or EMAIL_OTP), which Cognito sends only through Amazon SES: set -c sesIdentityArn=<verified identity ARN> -c emailFrom=<address>',
    );
  }
  return undefined;
}

export class IdentityUserPool extends Construct {
  readonly pool: cognito.CfnUserPool;
  readonly client: cognito.CfnUserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityUserPoolProps) {
    super(scope, id);
    const { definition, triggers } = props;
    this.pool = new cognito.CfnUserPool(
      this,
      'Pool',
      userPoolProps(
        definition,
        {
          userPoolTier: 'ESSENTIALS',
          deletionProtection: 'ACTIVE',
          issuerConfiguration: { type: 'UPDATED' },
          keyConfiguration: props.kmsKeyArn ? { keyType: 'CUSTOMER_MANAGED_KEY', kmsKeyArn: props.kmsKeyArn } : undefined,
          emailConfiguration: emailConfiguration(definition, props.email),
        },
        (name) => triggers.arnOf(name),
      ),
    );
    triggers.allowInvocationBy(this.pool.attrArn);
    this.client = new cognito.CfnUserPoolClient(this, 'Client', userPoolClientProps(definition, this.pool.ref));
    for (const group of definition.groups ?? []) {
      new cognito.CfnUserPoolGroup(this, `Group${group.GroupName}`, {
        userPoolId: this.pool.ref,
        groupName: group.GroupName,
        description: group.Description,
        precedence: group.Precedence,
        roleArn: group.RoleArn,
      });
    }
  }
}
