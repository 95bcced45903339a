/**
 * Every field whose resolver can call a backend declares its cost where it is declared
 * (`@BackendCost`), so the cost limit sees it; fields without a resolver read their parent. The
 * marks are field extensions: the printed SDL (schema.graphql, AppSync-deployable) has none.
 */
import { getMetadataStorage } from 'type-graphql';
import { costOf } from '../../src/limits/cost';
import { buildDeclaredSchema, printApiSchema } from '../../src/schema/build';

const schema = buildDeclaredSchema();
const storage = getMetadataStorage();

/** `Type.field` of every field a resolver method serves. */
const resolverFields = [
  ...storage.queries.map((q) => `Query.${q.schemaName}`),
  ...storage.mutations.map((m) => `Mutation.${m.schemaName}`),
  ...storage.fieldResolvers.map((f) => `${(f.getObjectType?.() as { name: string }).name}.${f.schemaName}`),
];

test('the resolvers are found (the check below is not vacuous)', () => {
  expect(resolverFields).toEqual(expect.arrayContaining(['Query.users', 'Mutation.signIn', 'Group.members', 'User.groups']));
});

test.each(resolverFields)('%s declares its backend cost', (name) => {
  const [type, field] = name.split('.');
  const definition = schema.getType(type) as { getFields(): Record<string, Parameters<typeof costOf>[0]> };
  const cost = costOf(definition.getFields()[field]);
  expect(cost).toEqual(expect.objectContaining({ calls: expect.any(Number) }));
  expect(cost!.calls).toBeGreaterThan(0);
});

test('the marks are not printed in the SDL', () => {
  expect(printApiSchema(schema)).not.toMatch(/backendCost|calls:/);
});
