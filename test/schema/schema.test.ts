import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from '../../src/schema/build';

test('schema.graphql is the printed schema (run `npm run schema:print` after changing the schema)', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
  expect(printApiSchema()).toBe(committed);
});
