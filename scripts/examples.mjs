// Regenerates examples/<name>.expected.json (the golden reports) with `npm run examples`.
// The test imports exampleReport() and passes the validateCatalog of the sources under test.
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Fixed options so the golden reports do not depend on the day they are run. */
export const EXAMPLE_OPTIONS = { today: '2021-11-23', lang: 'zh' };

/** The report of one example, without the tool version (which changes on release). */
export async function exampleReport(name, validateCatalog) {
  const validate = validateCatalog ?? (await import('../dist/src/index.js')).validateCatalog;
  const report = await validate(
    { path: join(root, 'examples', name), name: `examples/${name}` },
    EXAMPLE_OPTIONS,
  );
  const { tool: _tool, ...rest } = report;
  return JSON.parse(JSON.stringify(rest));
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const names = readdirSync(join(root, 'examples')).filter(
    (f) => /\.(json|jsonl|csv|xlsx|xls|xml)$/.test(f) && !f.includes('.expected.'),
  );
  for (const name of names) {
    const out = join(root, 'examples', name.replace(/\.[a-z]+$/, '.expected.json'));
    writeFileSync(out, `${JSON.stringify(await exampleReport(name), null, 2)}\n`);
    console.log(`wrote ${out.slice(root.length + 1)}`);
  }
}
