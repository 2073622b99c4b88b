// The committed generated types must equal what `npm run gen:types` produces from the schemas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { generate } from '../scripts/gen-types.mjs';

it('src/generated/schema-types.ts is up to date with schemas/ (run npm run gen:types)', async () => {
  const committed = readFileSync(
    join(import.meta.dirname, '..', 'src', 'generated', 'schema-types.ts'),
    'utf8',
  );
  expect(await generate()).toBe(committed);
}, 60_000);
