import {
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, MINUTE, createApp, decodeJwt, signedInUser, useEngine, userCount } from '../../support/cognito';

const ctx = useEngine();

const createClient = (poolId: string, input: Partial<CreateUserPoolClientCommandInput> = {}) =>
  ctx.t.admin.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web', ...input }));

describe('CreateUserPool + DescribeUserPool', () => {
  test('a new pool has Cognito defaults, and describes as created', async () => {
    const { UserPool: created } = await ctx.t.admin.send(
      new CreateUserPoolCommand({ PoolName: 'defaults', UsernameAttributes: ['email'], Schema: [{ Name: 'plan', AttributeDataType: 'String' }] }),
    );
    expect(created!.Id).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(created).toMatchObject({
      Name: 'defaults',
      Arn: `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${created!.Id}`,
      Policies: {
        PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 },
      },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OFF',
      EstimatedNumberOfUsers: 0,
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
    expect(created!.CreationDate).toBeInstanceOf(Date);
    expect(created!.SchemaAttributes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Name: 'sub', Required: true, Mutable: false }),
        expect.objectContaining({ Name: 'email', AttributeDataType: 'String' }),
        expect.objectContaining({ Name: 'custom:plan', AttributeDataType: 'String', Mutable: true }),
      ]),
    );
    const { UserPool: described } = await ctx.t.admin.send(new DescribeUserPoolCommand({ UserPoolId: created!.Id }));
    expect(described).toEqual(created);
  });

  test('EstimatedNumberOfUsers follows sign-ups', async () => {
    const app = await createApp(ctx.t);
    await signedInUser(app);
    await signedInUser(app);
    expect(await userCount(app)).toBe(2);
  });

  test('refuses invalid settings and unknown pools', async () => {
    const before = (await ctx.t.admin.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!.length;
    const create = (input: Record<string, unknown>) => ctx.t.admin.send(new CreateUserPoolCommand({ PoolName: 'bad', ...input }));
    await expect(create({ Policies: { PasswordPolicy: { MinimumLength: 5 } } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'MinimumLength must be between 6 and 99.',
    });
    await expect(create({ UsernameAttributes: ['email'], AliasAttributes: ['email'] })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'UsernameAttributes and AliasAttributes cannot both be set.',
    });
    await expect(create({ PoolName: 'no/slashes' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    expect((await ctx.t.admin.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools).toHaveLength(before);
    await expect(ctx.t.admin.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_nothere' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere does not exist.',
    });
  });
});

describe('CreateUserPoolClient + DescribeUserPoolClient', () => {
  let app: App;
  beforeAll(async () => {
    app = await createApp(ctx.t);
  });

  test('a new client has Cognito defaults and no secret', async () => {
    const { UserPoolClient: client } = await createClient(app.poolId);
    expect(client!.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(client).toMatchObject({
      UserPoolId: app.poolId,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 3600,
      IdTokenValidity: 3600,
      RefreshTokenValidity: 30 * 86400,
      TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'seconds', RefreshToken: 'seconds' },
      AuthSessionValidity: 3,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
    expect(client!.ClientSecret).toBeUndefined();
    const { UserPoolClient: described } = await ctx.t.admin.send(new DescribeUserPoolClientCommand({ UserPoolId: app.poolId, ClientId: client!.ClientId }));
    expect(described).toEqual(client);
  });

  test('GenerateSecret gives a secret that DescribeUserPoolClient returns', async () => {
    const { UserPoolClient: client } = await createClient(app.poolId, { GenerateSecret: true });
    expect(client!.ClientSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const { UserPoolClient: described } = await ctx.t.admin.send(new DescribeUserPoolClientCommand({ UserPoolId: app.poolId, ClientId: client!.ClientId }));
    expect(described!.ClientSecret).toBe(client!.ClientSecret);
  });

  test('token validity: units are honoured, and the tokens follow them', async () => {
    const { UserPoolClient: client } = await createClient(app.poolId, {
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 5,
      IdTokenValidity: 2,
      RefreshTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'minutes' },
    });
    expect(client).toMatchObject({ AccessTokenValidity: 300, IdTokenValidity: 7200, RefreshTokenValidity: 3600 });
    const user = await signedInUser({ ...app, clientId: client!.ClientId! });
    expect(user.tokens.ExpiresIn).toBe(300);
    const access = decodeJwt(user.tokens.AccessToken).payload;
    const id = decodeJwt(user.tokens.IdToken).payload;
    expect((access.exp as number) - (access.iat as number)).toBe(300);
    expect((id.exp as number) - (id.iat as number)).toBe(7200);
    ctx.clock.advance(5 * MINUTE);
    await expect(ctx.t.admin.send(new GetUserCommand({ AccessToken: user.tokens.AccessToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });
  });

  test('without TokenValidityUnits, access and ID validity are in hours and refresh validity in days', async () => {
    const { UserPoolClient: client } = await createClient(app.poolId, { AccessTokenValidity: 2, IdTokenValidity: 24, RefreshTokenValidity: 10 });
    expect(client).toMatchObject({ AccessTokenValidity: 7200, IdTokenValidity: 86400, RefreshTokenValidity: 10 * 86400 });
  });

  test('refuses bad flows, out-of-range validity, and unknown pools or clients', async () => {
    const before = (await ctx.t.admin.send(new ListUserPoolClientsCommand({ UserPoolId: app.poolId }))).UserPoolClients!.length;
    await expect(createClient(app.poolId, { ExplicitAuthFlows: ['ALLOW_EVERYTHING' as 'ALLOW_USER_AUTH'] })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid ExplicitAuthFlows value ALLOW_EVERYTHING',
    });
    await expect(createClient(app.poolId, { AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'AccessTokenValidity is out of range.',
    });
    await expect(createClient(app.poolId, { RefreshTokenValidity: 30, TokenValidityUnits: { RefreshToken: 'minutes' } })).rejects.toMatchObject({
      message: 'RefreshTokenValidity is out of range.',
    });
    expect((await ctx.t.admin.send(new ListUserPoolClientsCommand({ UserPoolId: app.poolId }))).UserPoolClients).toHaveLength(before);
    await expect(createClient('us-east-1_nothere')).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'User pool us-east-1_nothere does not exist.' });
    const other = await createApp(ctx.t);
    await expect(ctx.t.admin.send(new DescribeUserPoolClientCommand({ UserPoolId: other.poolId, ClientId: app.clientId }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `User pool client ${app.clientId} does not exist.`,
    });
  });
});

describe('ListUserPools + ListUserPoolClients', () => {
  test('ListUserPools pages through every pool', async () => {
    const created = [await createApp(ctx.t), await createApp(ctx.t), await createApp(ctx.t)].map((a) => a.poolId);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await ctx.t.admin.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: token }));
      expect(page.UserPools!.length).toBeLessThanOrEqual(2);
      for (const pool of page.UserPools!) {
        expect(pool).toMatchObject({ Id: expect.any(String), Name: expect.any(String), CreationDate: expect.any(Date) });
        seen.push(pool.Id!);
      }
      token = page.NextToken;
    } while (token);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created));
    await expect(ctx.t.admin.send(new ListUserPoolsCommand({} as { MaxResults: number }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'MaxResults is required.',
    });
    await expect(ctx.t.admin.send(new ListUserPoolsCommand({ MaxResults: 61 }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  test('ListUserPoolClients pages through the clients of one pool only', async () => {
    const app = await createApp(ctx.t);
    const extra = [await createClient(app.poolId, { ClientName: 'ios' }), await createClient(app.poolId, { ClientName: 'android' })];
    await createApp(ctx.t); // another pool's client must not appear
    const seen: UserPoolClientType[] = [];
    let token: string | undefined;
    do {
      const page = await ctx.t.admin.send(new ListUserPoolClientsCommand({ UserPoolId: app.poolId, MaxResults: 2, NextToken: token }));
      seen.push(...(page.UserPoolClients ?? []));
      token = page.NextToken;
    } while (token);
    expect(seen.map((c) => c.ClientId).sort()).toEqual([app.clientId, ...extra.map((c) => c.UserPoolClient!.ClientId)].sort());
    expect(seen.map((c) => c.ClientName).sort()).toEqual(['android', 'ios', 'web']);
    expect(seen.every((c) => c.UserPoolId === app.poolId)).toBe(true);
    await expect(ctx.t.admin.send(new ListUserPoolClientsCommand({ UserPoolId: 'us-east-1_nothere' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere does not exist.',
    });
  });
});
