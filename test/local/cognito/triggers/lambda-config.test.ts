/** LambdaConfig through CreateUserPool, UpdateUserPool and DescribeUserPool, as Cognito takes and echoes it. */
import { CreateUserPoolCommand, DescribeUserPoolCommand, UpdateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createApp, signedInUser, useEngine } from '../../../support/cognito';
import { arn } from './support';

const ctx = useEngine();

const createPool = (LambdaConfig: Record<string, unknown>) =>
  ctx.t.admin.send(new CreateUserPoolCommand({ PoolName: 'triggers', LambdaConfig: LambdaConfig as never }));
const describePool = async (poolId: string) => (await ctx.t.admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!;

test('every trigger is stored by ARN and echoed; PreTokenGeneration and its config name the same function', async () => {
  const config = {
    PreSignUp: arn('a'),
    PostConfirmation: arn('b'),
    PreAuthentication: arn('c:live'),
    PostAuthentication: arn('d'),
    CustomMessage: arn('e'),
    UserMigration: arn('f'),
    DefineAuthChallenge: arn('g'),
    CreateAuthChallenge: arn('h'),
    VerifyAuthChallengeResponse: arn('i'),
    PreTokenGenerationConfig: { LambdaArn: arn('j'), LambdaVersion: 'V2_0' },
  };
  const { UserPool } = await createPool(config);
  expect(UserPool!.LambdaConfig).toEqual({ ...config, PreTokenGeneration: arn('j') });
  expect((await describePool(UserPool!.Id!)).LambdaConfig).toEqual(UserPool!.LambdaConfig);

  const legacy = await createPool({ PreTokenGeneration: arn('k') });
  expect(legacy.UserPool!.LambdaConfig).toEqual({ PreTokenGeneration: arn('k'), PreTokenGenerationConfig: { LambdaArn: arn('k'), LambdaVersion: 'V1_0' } });
});

test.each([
  ['not an ARN', { PreSignUp: 'my-function' }],
  ['another service', { PreSignUp: 'arn:aws:sqs:us-east-1:123456789012:queue' }],
  ['a short account', { PostConfirmation: 'arn:aws:lambda:us-east-1:1234:function:f' }],
  ['a bad version', { PreTokenGenerationConfig: { LambdaArn: arn('x'), LambdaVersion: 'V9_0' } }],
  ['two different token functions', { PreTokenGeneration: arn('x'), PreTokenGenerationConfig: { LambdaArn: arn('y'), LambdaVersion: 'V1_0' } }],
])('refuses %s with InvalidParameterException', async (_label, config) => {
  await expect(createPool(config)).rejects.toMatchObject({ name: 'InvalidParameterException' });
});

test('UpdateUserPool changes the LambdaConfig at once; what it leaves out returns to the default, naming and schema stay', async () => {
  const app = await createApp(ctx.t, { LambdaConfig: { PostAuthentication: arn('first') }, Policies: { PasswordPolicy: { MinimumLength: 12 } } });
  // An update that leaves LambdaConfig out removes the triggers (Cognito resets what is not sent).
  await ctx.t.admin.send(new UpdateUserPoolCommand({ UserPoolId: app.poolId, AutoVerifiedAttributes: ['email'] }));
  expect((await describePool(app.poolId)).LambdaConfig).toEqual({});
  await signedInUser(app, { password: 'Long-enough-pass-1' });
  await ctx.t.admin.send(
    new UpdateUserPoolCommand({ UserPoolId: app.poolId, LambdaConfig: { PreSignUp: arn('unregistered') }, AutoVerifiedAttributes: ['email'], DeletionProtection: 'ACTIVE' }),
  );
  const pool = await describePool(app.poolId);
  expect(pool.LambdaConfig).toEqual({ PreSignUp: arn('unregistered') });
  expect(pool.Policies!.PasswordPolicy!.MinimumLength).toBe(8);
  expect(pool).toMatchObject({ UsernameAttributes: ['email'], DeletionProtection: 'ACTIVE', EstimatedNumberOfUsers: 1 });
  expect(pool.SchemaAttributes).toEqual(expect.arrayContaining([expect.objectContaining({ Name: 'custom:plan' })]));
  // The new trigger is in force for the next request (its function exists nowhere, so sign-up fails).
  await expect(signedInUser(app)).rejects.toMatchObject({ name: 'UnexpectedLambdaException' });

  await expect(ctx.t.admin.send(new UpdateUserPoolCommand({ UserPoolId: app.poolId, LambdaConfig: { PreSignUp: 'nope' } }))).rejects.toMatchObject({
    name: 'InvalidParameterException',
  });
  expect((await describePool(app.poolId)).LambdaConfig).toEqual({ PreSignUp: arn('unregistered') });
  await expect(ctx.t.stranger.send(new UpdateUserPoolCommand({ UserPoolId: app.poolId }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
  await expect(ctx.t.admin.send(new UpdateUserPoolCommand({ UserPoolId: 'us-east-1_missing00' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
});
