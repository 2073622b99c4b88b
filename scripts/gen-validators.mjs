// Build step: writes the precompiled validators (every schema and rule option schema) next to the built ajv.js.
// Run by `npm run build` after tsc; the library compiles at run time when the file is absent (tests from sources).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { PRECOMPILED_FILE, useNodeData } = await import('../dist/src/data/node.js');
useNodeData();
const { standaloneValidators } = await import('../dist/src/schema/standalone.js');
const { rules } = await import('../dist/validators/index.js');
const code = standaloneValidators(rules.map((r) => r.meta.options).filter((o) => o !== undefined));
writeFileSync(join(root, 'dist', 'src', 'schema', PRECOMPILED_FILE), code);
