// Retained heap per entry: a catalog read and validated in this process with the library, everything let go
// but the parsed catalog and its result (what a run keeps until the report), heap measured after full
// collections. Run with --expose-gc:
//
//   node --expose-gc bench/retained.mjs FILE      prints "<entries> <retained bytes per entry>"
import { useNodeData } from '../dist/src/data/node.js';
import { readCatalogFile } from '../dist/src/io/readers/index.js';
import { validateParsed } from '../dist/src/pipeline.js';
import { createSession } from '../dist/src/session.js';

// The seeds, schemas and validators from the package folder, as the CLI reads them.
useNodeData();
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
// Past the default --max-nodes guard, which a 100k-entry JSON exceeds on purpose.
const session = createSession({ today: '2024-06-30', limits: { maxNodes: 50_000_000 } });
const before = heap();
const parsed = await readCatalogFile(process.argv[2], {
  kind: session.kind,
  limits: session.limits,
  seeds: session.seeds,
});
const result = validateParsed(parsed, session);
const after = heap();
const n = parsed.entries.length;
if (result.report.entries !== n) throw new Error('entries differ');
process.stdout.write(`${n} ${((after - before) / n).toFixed(0)}\n`);
