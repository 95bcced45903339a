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
  GetUserPoolMfaConfigCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommandInput,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  UpdateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';

export interface PoolDefinition {
  pool: CreateUserPoolCommandInput;
  client: Omit<CreateUserPoolClientCommandInput, 'UserPoolId'>;
  groups?: Omit<CreateGroupCommandInput, 'UserPoolId'>[];
  /**
   * SetUserPoolMfaConfig's factor sections (SoftwareTokenMfaConfiguration, EmailMfaConfiguration,
   * SmsMfaConfiguration): CreateUserPool cannot say which factors a pool with MFA offers.
   */
  mfa?: Omit<SetUserPoolMfaConfigCommandInput, 'UserPoolId' | 'MfaConfiguration'>;
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

/** A value as it comes back over the wire (undefined entries dropped), for comparing settings. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}));

/** The settings a newer definition most often changes, as DescribeUserPool shows them. */
function syncedView(pool: { LambdaConfig?: unknown; MfaConfiguration?: string; DeviceConfiguration?: unknown; Policies?: { SignInPolicy?: { AllowedFirstAuthFactors?: string[] } } }) {
  return plain({
    LambdaConfig: pool.LambdaConfig ?? {},
    MfaConfiguration: pool.MfaConfiguration ?? 'OFF',
    DeviceConfiguration: pool.DeviceConfiguration ?? {},
    AllowedFirstAuthFactors: pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'],
  });
}

/** The factor sections as GetUserPoolMfaConfig answers them, for the sections the definition names. */
function mfaView(config: Record<string, unknown>, wanted: NonNullable<PoolDefinition['mfa']>): unknown {
  return plain(Object.fromEntries(Object.keys(wanted).map((section) => [section, config[section]])));
}

/**
 * A pool made by an earlier start (an older .data directory) is brought in step with the
 * definition: the factors it offers (SetUserPoolMfaConfig first, so the MFA mode that follows has
 * a factor to use), then the updatable settings (triggers, MFA mode, device tracking, first
 * factors). Attributes and the sign-in name cannot change after a pool is created.
 */
async function syncPool(sdk: CognitoIdentityProviderClient, userPoolId: string, definition: PoolDefinition): Promise<void> {
  const { pool, mfa } = definition;
  if (mfa) {
    const current = await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId }));
    if (!isDeepStrictEqual(mfaView(current as unknown as Record<string, unknown>, mfa), plain(mfa))) {
      await sdk.send(new SetUserPoolMfaConfigCommand({ ...mfa, UserPoolId: userPoolId, MfaConfiguration: pool.MfaConfiguration }));
    }
  }
  const described = (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))).UserPool ?? {};
  if (isDeepStrictEqual(syncedView(described), syncedView(pool))) return;
  await sdk.send(new UpdateUserPoolCommand({ UserPoolId: userPoolId, ...updatableSettings(pool) }));
}

/** An app client made by an earlier start gets the definition's auth flows (UpdateUserPoolClient resets what it is not given). */
async function syncClient(sdk: CognitoIdentityProviderClient, userPoolId: string, clientId: string, client: PoolDefinition['client']): Promise<void> {
  const current = (await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))).UserPoolClient;
  const sorted = (flows: string[] | undefined) => [...(flows ?? [])].sort();
  if (isDeepStrictEqual(sorted(current?.ExplicitAuthFlows), sorted(client.ExplicitAuthFlows))) return;
  const updatable: Record<string, unknown> = { ...client };
  delete updatable.GenerateSecret; // fixed when the client is created
  await sdk.send(new UpdateUserPoolClientCommand({ ...updatable, UserPoolId: userPoolId, ClientId: clientId }));
}

async function createPool(sdk: CognitoIdentityProviderClient, definition: PoolDefinition): Promise<string> {
  const userPoolId = (await sdk.send(new CreateUserPoolCommand(definition.pool))).UserPool!.Id!;
  if (definition.mfa) await sdk.send(new SetUserPoolMfaConfigCommand({ ...definition.mfa, UserPoolId: userPoolId, MfaConfiguration: definition.pool.MfaConfiguration }));
  return userPoolId;
}

export async function ensurePool(sdk: CognitoIdentityProviderClient, definition: PoolDefinition): Promise<EnsuredPool> {
  const existing = await findPool(sdk, definition.pool.PoolName!);
  if (existing) await syncPool(sdk, existing, definition);
  const userPoolId = existing ?? (await createPool(sdk, definition));
  const existingClient = await findClient(sdk, userPoolId, definition.client.ClientName!);
  if (existingClient) await syncClient(sdk, userPoolId, existingClient, definition.client);
  const clientId =
    existingClient ?? (await sdk.send(new CreateUserPoolClientCommand({ ...definition.client, UserPoolId: userPoolId }))).UserPoolClient!.ClientId!;
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
