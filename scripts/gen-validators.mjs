// Build step: writes the precompiled validators (every schema and rule option schema) next to the built ajv.js:
// one module of all (for the page) and one module per validator (for Node).
// Run by `npm run build` after tsc; the library compiles at run time when the file is absent (tests from sources).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { PRECOMPILED_DIR, PRECOMPILED_FILE, useNodeData } = await import('../dist/src/data/node.js');
useNodeData();
const { standaloneValidatorFiles, standaloneValidators } = await import('../dist/src/schema/standalone.js');
const { rules } = await import('../dist/validators/index.js');
const optionSchemas = rules.map((r) => r.meta.options).filter((o) => o !== undefined);
// One module of every validator, which the page's build bundles (scripts/build-web.mjs)…
writeFileSync(join(root, 'dist', 'src', 'schema', PRECOMPILED_FILE), standaloneValidators(optionSchemas));
// …and one module per validator behind an index, which Node runs load from: a run requires only the validators it
// uses (loading the single module was about a fifth of a small run's CPU).
const dir = join(root, 'dist', 'src', 'schema', PRECOMPILED_DIR);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const [name, code] of Object.entries(standaloneValidatorFiles(optionSchemas)))
  writeFileSync(join(dir, name), code);
