/**
 * Makes sure the pool described by a declarative file (CreateUserPool's input, an app client
 * and groups) exists, creating what is missing. Idempotent: pools and clients are found by name.
 * It speaks only through the SDK, so it works against any Cognito-compatible endpoint.
 */
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateGroupCommandInput,
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  CreateUserPoolCommandInput,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { readFileSync } from 'node:fs';

export interface PoolDefinition {
  pool: CreateUserPoolCommandInput;
  client: Omit<CreateUserPoolClientCommandInput, 'UserPoolId'>;
  groups?: Omit<CreateGroupCommandInput, 'UserPoolId'>[];
}

export interface EnsuredPool {
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
}

export function readPoolDefinition(path: string): PoolDefinition {
  const definition = JSON.parse(readFileSync(path, 'utf8')) as PoolDefinition;
  if (!definition.pool?.PoolName || !definition.client?.ClientName) {
    throw new Error(`${path} must define pool.PoolName and client.ClientName`);
  }
  return definition;
}

async function findPool(sdk: CognitoIdentityProviderClient, name: string): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await sdk.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
    const found = page.UserPools?.find((p) => p.Name === name);
    if (found?.Id) return found.Id;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

async function findClient(sdk: CognitoIdentityProviderClient, userPoolId: string, name: string): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken }));
    const found = page.UserPoolClients?.find((c) => c.ClientName === name);
    if (found?.ClientId) return found.ClientId;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

export async function ensurePool(sdk: CognitoIdentityProviderClient, definition: PoolDefinition): Promise<EnsuredPool> {
  const userPoolId =
    (await findPool(sdk, definition.pool.PoolName!)) ?? (await sdk.send(new CreateUserPoolCommand(definition.pool))).UserPool!.Id!;
  const clientId =
    (await findClient(sdk, userPoolId, definition.client.ClientName!)) ??
    (await sdk.send(new CreateUserPoolClientCommand({ ...definition.client, UserPoolId: userPoolId }))).UserPoolClient!.ClientId!;
  for (const group of definition.groups ?? []) {
    try {
      await sdk.send(new CreateGroupCommand({ ...group, UserPoolId: userPoolId }));
    } catch (error) {
      if ((error as Error).name !== 'GroupExistsException') throw error;
    }
  }
  const client = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
  return { userPoolId, clientId, clientSecret: client.UserPoolClient?.ClientSecret };
}
