/**
 * What `/readyz` asks the backends, through the API's own clients (so with its credentials and
 * endpoints): Cognito describes the pool (IAM cognito-idp:DescribeUserPool), DynamoDB reads one
 * key of the metadata table (a probe key nothing writes; GetItem is what the API may do anyway).
 */
import { CognitoIdentityProviderClient, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { Probe } from './readiness';

export function backendProbes(cognito: CognitoIdentityProviderClient, userPoolId: string, dynamo: DynamoDBClient, table: string): Probe[] {
  return [
    { name: 'cognito', check: (abortSignal) => cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }), { abortSignal }) },
    {
      name: 'dynamodb',
      check: (abortSignal) => dynamo.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'PROBE#readyz' }, sk: { S: 'PROBE' } } }), { abortSignal }),
    },
  ];
}
