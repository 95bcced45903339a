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
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolCommand,
  UpdateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { isDeepStrictEqual } from 'node:util';
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

/**
 * The settings of CreateUserPool's input that UpdateUserPool can change. UpdateUserPool resets
 * whatever it is not given, so an update always carries all of them.
 */
function updatableSettings(pool: CreateUserPoolCommandInput): Omit<UpdateUserPoolCommandInput, 'UserPoolId'> {
  const { Policies, LambdaConfig, AutoVerifiedAttributes, MfaConfiguration, DeviceConfiguration, AdminCreateUserConfig, UserAttributeUpdateSettings, DeletionProtection } = pool;
  return { Policies, LambdaConfig, AutoVerifiedAttributes, MfaConfiguration, DeviceConfiguration, AdminCreateUserConfig, UserAttributeUpdateSettings, DeletionProtection };
}

/**
 * A pool made by an earlier start keeps its triggers in step with the definition: LambdaConfig
 * is what a new version of the file most often changes (attributes and the sign-in name cannot
 * change after a pool is created).
 */
async function syncTriggers(sdk: CognitoIdentityProviderClient, userPoolId: string, pool: CreateUserPoolCommandInput): Promise<void> {
  const current = (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))).UserPool?.LambdaConfig ?? {};
  if (isDeepStrictEqual(JSON.parse(JSON.stringify(current)), JSON.parse(JSON.stringify(pool.LambdaConfig ?? {})))) return;
  await sdk.send(new UpdateUserPoolCommand({ UserPoolId: userPoolId, ...updatableSettings(pool) }));
}

export async function ensurePool(sdk: CognitoIdentityProviderClient, definition: PoolDefinition): Promise<EnsuredPool> {
  const existing = await findPool(sdk, definition.pool.PoolName!);
  if (existing) await syncTriggers(sdk, existing, definition.pool);
  const userPoolId = existing ?? (await sdk.send(new CreateUserPoolCommand(definition.pool))).UserPool!.Id!;
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
