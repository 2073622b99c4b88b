// Build step: writes the precompiled validators (every schema and rule option schema) next to the built ajv.js:
// one module of all (for the page) and one module per validator (for Node).
// Run by `npm run build` after tsc; the library compiles at run time when the file is absent (tests from sources).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The seeds/ files, validated here against the schema each names in its $schema: a run parses a seed whose text
// is the one validated here without checking it again (the record holds each text, so a seed edited after the
// build is checked at run time as before). A seed that does not match its schema fails the build.
const { CHECKED_SEEDS_FILE } = await import('../dist/src/data/node.js');
const { getValidator } = await import('../dist/src/schema/ajv.js');
const checked = {};
function seedFiles(folder) {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const name = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return seedFiles(name);
    return entry.name.endsWith('.json') ? [name] : [];
  });
}
for (const name of seedFiles('seeds').sort()) {
  const text = readFileSync(join(root, name), 'utf8');
  const data = JSON.parse(text);
  if (typeof data.$schema !== 'string') continue;
  const schemaFile = join(dirname(join(root, name)), data.$schema);
  const schemaId = JSON.parse(readFileSync(schemaFile, 'utf8')).$id;
  const validate = getValidator(schemaId);
  if (!validate(data)) {
    const first = validate.errors?.[0];
    console.error(`${name}: ${first?.instancePath || '/'} ${first?.message ?? 'does not match its schema'}`);
    process.exit(1);
  }
  checked[name] = { schema: schemaId, text };
}
writeFileSync(join(dir, CHECKED_SEEDS_FILE), `${JSON.stringify({ files: checked })}\n`);
