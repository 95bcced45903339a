/** `npm run schema:print`: writes schema.graphql from the code-first schema. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from './build';

const target = join(process.cwd(), 'schema.graphql');
writeFileSync(target, printApiSchema());
console.log(`wrote ${target}`);
