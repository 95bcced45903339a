/** The schema has cycles (Group.members → User.groups → …); queries deeper than the limit are refused before they run. */
import { MAX_QUERY_DEPTH } from '../../src/depthLimit';
import { adminToken } from '../support/admin';
import { startTestApi, TestApi } from '../support/api';

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await startTestApi();
  token = await adminToken(t);
});
afterAll(() => t.stop());

/** `group(name) { members { items { groups { members { … } } } } }`, `levels` fields deep. */
function nested(levels: number): string {
  let inner = 'name';
  let depth = 1;
  while (depth + 4 <= levels) {
    inner = `members { items { groups { ${inner} } } }`;
    depth += 3;
  }
  return `{ group(name: "Admins") { ${inner} } }`;
}

test('a query within the limit runs', async () => {
  const response = await t.raw({ query: nested(MAX_QUERY_DEPTH) }, { token });
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  expect(response.data).toMatchObject({ group: { members: { items: [{ groups: expect.any(Array) }] } } });
});

test('a deeper query is refused with a validation error, and nothing runs', async () => {
  let calls = 0;
  const stop = t.world.engine.observe(() => calls++);
  const response = await t.raw({ query: nested(MAX_QUERY_DEPTH + 3) }, { token });
  stop();
  expect(response.status).toBe(400);
  expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringContaining(`the limit is ${MAX_QUERY_DEPTH}`) });
  expect(calls).toBe(0);
});

test('fragments count towards the depth', async () => {
  const query = `fragment Deep on Group { members { items { groups { members { items { groups { members { items { groups { name } } } } } } } } } }
    { group(name: "Admins") { ...Deep } }`;
  const response = await t.raw({ query }, { token });
  expect(response.status).toBe(400);
  expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});
