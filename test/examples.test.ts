// Golden tests: each examples/<name>.json validates to examples/<name>.expected.json (run `npm run examples`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { EXAMPLE_OPTIONS, exampleReport } from '../scripts/examples.mjs';
import { validateCatalog } from '../src/validate.js';

const dir = join(import.meta.dirname, '..', 'examples');
const examples = readdirSync(dir).filter(
  (f) => /\.(json|jsonl|csv|xlsx|xls|xml)$/.test(f) && !f.includes('.expected.'),
);

describe('examples', () => {
  it('are bundled', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(EXAMPLE_OPTIONS.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  for (const name of examples) {
    it(`${name} matches its expected report`, async () => {
      const expectedFile = join(dir, name.replace(/\.[a-z]+$/, '.expected.json'));
      expect(existsSync(expectedFile)).toBe(true);
      const actual = await exampleReport(name, validateCatalog);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
