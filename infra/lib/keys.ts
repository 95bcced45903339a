/**
 * Multi-Region replication of a user pool needs its data encrypted with a multi-Region customer
 * managed key, available in both Regions before the replica is made. So the key and its replica
 * are stacks of their own, deployed first: the key in the primary Region, its replica in the
 * secondary. Cognito may use them for this account's pools only.
 */
import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

function keyPolicy(account: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Account', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'CognitoUserPools',
        Effect: 'Allow',
        Principal: { Service: 'cognito-idp.amazonaws.com' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey', 'kms:CreateGrant'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
    ],
  };
}

export class PoolKeyStack extends Stack {
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: StackProps & { account: string }) {
    super(scope, id, props);
    const key = new kms.CfnKey(this, 'PoolKey', {
      description: 'Identity API: the user pool data key (multi-Region, for the pool replica)',
      multiRegion: true,
      enableKeyRotation: true,
      keyPolicy: keyPolicy(props.account),
    });
    // Deleting it would make the pool's data unreadable.
    key.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.keyArn = key.attrArn;
  }
}

export class PoolKeyReplicaStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { account: string; primaryKeyArn: string }) {
    super(scope, id, props);
    new kms.CfnReplicaKey(this, 'PoolKeyReplica', {
      description: 'Identity API: the replica of the user pool data key',
      primaryKeyArn: props.primaryKeyArn,
      keyPolicy: keyPolicy(props.account),
    });
  }
}
