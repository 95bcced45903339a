/**
 * Test harness for the engine: dynalite in memory, the engine on a random loopback port, and
 * real AWS SDK clients pointed at it (one signed with the engine's credentials, one with
 * credentials the engine does not know).
 */
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { Clock, ManualClock } from '../../src/local/cognito/clock';
import { Engine, EngineOptions, startEngine } from '../../src/local/cognito/engine';
import { TEST_COST } from '../../src/local/cognito/domain/passwords';
import { EmbeddedDynamo, startEmbeddedDynamo } from '../../src/local/dynamodb';

export interface TestEngine {
  engine: Engine;
  dynamo: EmbeddedDynamo;
  clock: Clock;
  /** Signed with the engine's credentials: may call admin operations. */
  admin: CognitoIdentityProviderClient;
  /** Signed with credentials the engine does not accept. */
  stranger: CognitoIdentityProviderClient;
  stop(): Promise<void>;
}

export function sdkClient(endpoint: string, region: string, accessKeyId: string, secretAccessKey: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
}

export async function startTestEngine(options: Partial<EngineOptions> & { dynamo?: EmbeddedDynamo } = {}): Promise<TestEngine> {
  const dynamo = options.dynamo ?? (await startEmbeddedDynamo());
  const clock = options.clock ?? new ManualClock(Date.now());
  const engine = await startEngine({
    hashCost: TEST_COST,
    onInternalError: () => undefined,
    ...options,
    clock,
    dynamoEndpoint: dynamo.endpoint,
    dynamoRequestHandler: dynamo.requestHandler,
  });
  const admin = sdkClient(engine.endpoint, engine.region, engine.credentials.accessKeyId, engine.credentials.secretAccessKey);
  const stranger = sdkClient(engine.endpoint, engine.region, 'someone-else', 'not-the-secret');
  return {
    engine,
    dynamo,
    clock,
    admin,
    stranger,
    async stop() {
      admin.destroy();
      stranger.destroy();
      await engine.close();
      if (!options.dynamo) await dynamo.close();
    },
  };
}

export const defaultPool: CreateUserPoolCommandInput = {
  PoolName: 'test-pool',
  UsernameAttributes: ['email'],
  AutoVerifiedAttributes: ['email'],
  Schema: [{ Name: 'plan', AttributeDataType: 'String', Mutable: true }],
};

export const defaultClient: Omit<CreateUserPoolClientCommandInput, 'UserPoolId'> = {
  ClientName: 'web',
  ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
};

export async function createPoolAndClient(
  admin: CognitoIdentityProviderClient,
  pool: Partial<CreateUserPoolCommandInput> = {},
  client: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<{ poolId: string; clientId: string; clientSecret?: string }> {
  const created = await admin.send(new CreateUserPoolCommand({ ...defaultPool, ...pool }));
  const poolId = created.UserPool!.Id!;
  const app = await admin.send(new CreateUserPoolClientCommand({ ...defaultClient, ...client, UserPoolId: poolId }));
  return { poolId, clientId: app.UserPoolClient!.ClientId!, clientSecret: app.UserPoolClient!.ClientSecret };
}
