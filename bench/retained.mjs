// Retained heap per entry: a catalog read and validated in this process with the library as `govcat validate`
// does (entries checked as they are read), everything let go but the result (findings and the few facts per
// entry the rates need, what a run keeps until the report), heap measured after full collections. Run with
// --expose-gc:
//
//   node --expose-gc bench/retained.mjs FILE      prints "<entries> <retained bytes per entry>"
import { useNodeData } from '../dist/src/data/node.js';
import { createSession } from '../dist/src/session.js';
import { checkSource } from '../dist/src/validate.js';

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
const result = await checkSource(process.argv[2], session);
const after = heap();
const n = result.report.entries;
if (result.report.error || !(n > 0)) throw new Error(`${process.argv[2]}: not read`);
process.stdout.write(`${n} ${((after - before) / n).toFixed(0)}\n`);
