/**
 * The metadata table, from the definition the API itself creates it with in embedded mode
 * (src/datasources/metadata/table.ts: keys, the directory's indexes and their attribute types),
 * plus what only a deployment has: the `ttl` attribute DynamoDB deletes expired items by,
 * point-in-time recovery, deletion protection, and a replica in the second Region if there is one.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { metadataTableDefinition } from '../../src/datasources/metadata/table';

const TYPES: Record<string, dynamodb.AttributeType> = { S: dynamodb.AttributeType.STRING, N: dynamodb.AttributeType.NUMBER, B: dynamodb.AttributeType.BINARY };

export function metadataTable(scope: Construct, id: string, tableName: string, replicaRegion?: string): dynamodb.TableV2 {
  const definition = metadataTableDefinition(tableName);
  const attribute = (name: string | undefined): dynamodb.Attribute => {
    const type = definition.AttributeDefinitions?.find((a) => a.AttributeName === name)?.AttributeType;
    if (!name || !type) throw new Error(`the metadata table definition has no type for ${name}`);
    return { name, type: TYPES[type] };
  };
  const key = (schema: { AttributeName?: string; KeyType?: string }[] | undefined, type: 'HASH' | 'RANGE') => schema?.find((k) => k.KeyType === type)?.AttributeName;
  return new dynamodb.TableV2(scope, id, {
    tableName,
    partitionKey: attribute(key(definition.KeySchema, 'HASH')),
    sortKey: attribute(key(definition.KeySchema, 'RANGE')),
    billing: dynamodb.Billing.onDemand(),
    globalSecondaryIndexes: (definition.GlobalSecondaryIndexes ?? []).map((index) => ({
      indexName: index.IndexName!,
      partitionKey: attribute(key(index.KeySchema, 'HASH')),
      sortKey: key(index.KeySchema, 'RANGE') ? attribute(key(index.KeySchema, 'RANGE')) : undefined,
      projectionType: dynamodb.ProjectionType[index.Projection?.ProjectionType as keyof typeof dynamodb.ProjectionType],
    })),
    timeToLiveAttribute: 'ttl',
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    replicas: replicaRegion ? [{ region: replicaRegion }] : undefined,
  });
}
