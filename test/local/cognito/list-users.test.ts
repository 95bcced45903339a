import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminUpdateUserAttributesCommand,
  ListUsersCommand,
  ListUsersCommandInput,
  UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, createApp, signUpUser, TestUser, useEngine } from '../../support/cognito';

const ctx = useEngine();
let app: App;
const users: TestUser[] = [];
const TOTAL = 240;

const list = (input: Omit<ListUsersCommandInput, 'UserPoolId'>) => app.t.admin.send(new ListUsersCommand({ ...input, UserPoolId: app.poolId }));
const emailOf = (u: UserType) => u.Attributes?.find((a) => a.Name === 'email')?.Value;

async function listAll(input: Omit<ListUsersCommandInput, 'UserPoolId' | 'PaginationToken'>): Promise<UserType[]> {
  const all: UserType[] = [];
  let PaginationToken: string | undefined;
  do {
    const page = await list({ ...input, PaginationToken });
    expect(page.Users!.length).toBeLessThanOrEqual(input.Limit ?? 60);
    all.push(...page.Users!);
    PaginationToken = page.PaginationToken;
  } while (PaginationToken);
  return all;
}

beforeAll(async () => {
  app = await createApp(ctx.t);
  for (let i = 0; i < TOTAL; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: 20 }, (_, j) =>
        signUpUser(app, {
          email: `${(i + j) % 3 === 0 ? 'alpha' : 'beta'}-${String(i + j).padStart(3, '0')}@example.com`,
          attributes: [{ Name: 'given_name', Value: (i + j) % 2 === 0 ? 'Ada' : 'Grace' }],
        }),
      ),
    );
    users.push(...batch);
  }
  // Half confirmed, half left UNCONFIRMED.
  for (const user of users.filter((_, i) => i % 2 === 0)) {
    await app.t.admin.send(new AdminConfirmSignUpCommand({ UserPoolId: app.poolId, Username: user.email }));
  }
}, 120_000);

test('pages through every user exactly once, in username order', async () => {
  const all = await listAll({ Limit: 25 });
  expect(all).toHaveLength(TOTAL);
  expect(new Set(all.map((u) => u.Username)).size).toBe(TOTAL);
  const names = all.map((u) => u.Username!);
  expect(names).toEqual([...names].sort());
});

test('filters by exact email, email prefix, sub, status and given name', async () => {
  const target = users[7];
  const exact = await list({ Filter: `email = "${target.email}"` });
  expect(exact.Users!.map((u) => u.Username)).toEqual([target.sub]);

  const alphas = await listAll({ Filter: 'email ^= "alpha-"', Limit: 60 });
  expect(alphas).toHaveLength(users.filter((u) => u.email.startsWith('alpha-')).length);
  expect(alphas.every((u) => emailOf(u)!.startsWith('alpha-'))).toBe(true);

  const bySub = await list({ Filter: `sub = "${target.sub}"` });
  expect(bySub.Users!.map(emailOf)).toEqual([target.email]);

  const unconfirmed = await listAll({ Filter: 'cognito:user_status = "UNCONFIRMED"' });
  expect(unconfirmed).toHaveLength(TOTAL / 2);
  expect(unconfirmed.every((u) => u.UserStatus === 'UNCONFIRMED')).toBe(true);

  const ada = await listAll({ Filter: 'given_name = "ada"' });
  expect(ada).toHaveLength(TOTAL / 2);
});

test('AttributesToGet limits the attributes returned', async () => {
  const page = await list({ Filter: `email = "${users[3].email}"`, AttributesToGet: ['email'] });
  expect(page.Users![0].Attributes).toEqual([{ Name: 'email', Value: users[3].email }]);
});

test('the index follows updates, disables and deletes', async () => {
  const [moved, disabled, deleted] = [users[10], users[11], users[12]];
  await app.t.admin.send(
    new AdminUpdateUserAttributesCommand({ UserPoolId: app.poolId, Username: moved.email, UserAttributes: [{ Name: 'email', Value: 'moved-10@example.com' }] }),
  );
  expect((await list({ Filter: `email = "${moved.email}"` })).Users).toEqual([]);
  expect((await list({ Filter: 'email = "moved-10@example.com"' })).Users!.map((u) => u.Username)).toEqual([moved.sub]);

  await app.t.admin.send(new AdminDisableUserCommand({ UserPoolId: app.poolId, Username: disabled.email }));
  const disabledList = await list({ Filter: 'status = "Disabled"' });
  expect(disabledList.Users!.map((u) => u.Username)).toEqual([disabled.sub]);
  expect(disabledList.Users![0].Enabled).toBe(false);

  await app.t.admin.send(new AdminDeleteUserCommand({ UserPoolId: app.poolId, Username: deleted.email }));
  expect((await list({ Filter: `sub = "${deleted.sub}"` })).Users).toEqual([]);
  expect(await listAll({})).toHaveLength(TOTAL - 1);
});

test.each([
  ['a custom attribute', 'custom:plan = "pro"', 'Invalid search attribute: custom:plan'],
  ['an unknown attribute', 'shoe_size = "9"', 'Invalid search attribute: shoe_size'],
  ['a malformed filter', 'email == alpha', 'Error while parsing filter.'],
])('refuses %s', async (_label, Filter, message) => {
  await expect(list({ Filter })).rejects.toMatchObject({ name: 'InvalidParameterException', message });
});

test('refuses a limit above 60 and a forged pagination token', async () => {
  await expect(list({ Limit: 61 })).rejects.toMatchObject({ name: 'InvalidParameterException' });
  await expect(list({ PaginationToken: 'bm90LWEtdG9rZW4' })).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Invalid pagination token.' });
});

test('is refused without valid admin credentials', async () => {
  await expect(app.t.stranger.send(new ListUsersCommand({ UserPoolId: app.poolId }))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
});
