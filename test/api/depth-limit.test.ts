/** The schema has cycles (Group.members → User.groups → …); queries deeper than the limit are refused before they run. */
import { LIMITS } from '../../src/limits/caps';
import { adminToken } from '../support/admin';
import { startTestApi, TestApi } from '../support/api';

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await startTestApi();
  token = await adminToken(t);
});
afterAll(() => t.stop());

/**
 * `group(name) { members(limit: 1) { items { groups { members(limit: 1) … } } } }`, `levels`
 * fields deep. Pages of one member keep a deep query within the cost limit, so only its depth
 * is tested.
 */
function nested(levels: number): string {
  const cycle = ['members(limit: 1)', 'items', 'groups'];
  const fields = ['group(name: "Admins")', ...Array.from({ length: levels - 2 }, (_, i) => cycle[i % 3])];
  const leaf = { 'members(limit: 1)': 'nextToken', items: 'username', groups: 'name' }[fields.at(-1)!] ?? 'name';
  return `{ ${fields.reduceRight((inner, field) => `${field} { ${inner} }`, leaf)} }`;
}

test('a query at the limit runs', async () => {
  const response = await t.raw({ query: nested(LIMITS.depth) }, { token });
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  expect(response.data).toMatchObject({ group: { members: { items: [expect.any(Object)] } } });
});

test('a deeper query is refused with QUERY_TOO_COMPLEX naming the limit, and nothing runs', async () => {
  let calls = 0;
  const stop = t.world.engine.observe(() => calls++);
  const response = await t.raw({ query: nested(LIMITS.depth + 3) }, { token });
  stop();
  expect(response.status).toBe(400);
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]).toMatchObject({
    errorType: 'QueryTooComplexException',
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', maximum: LIMITS.depth },
    message: `Query is nested ${LIMITS.depth + 3} levels deep; the limit is ${LIMITS.depth}.`,
  });
  expect(calls).toBe(0);
});

test('fragments count towards the depth', async () => {
  const query = `fragment Deep on Group { members { items { groups { members { items { groups { members { items { groups { name } } } } } } } } } }
    { group(name: "Admins") { ...Deep } }`;
  const response = await t.raw({ query }, { token });
  expect(response.status).toBe(400);
  expect(response.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
});
