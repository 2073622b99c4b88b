// The rules engine and the rates in process, on a catalog read once: CPU time of each round (the first one
// cold, as in a run of the command; the later ones warm) and, with --alloc, what the validation allocates by
// function (V8's sampling heap profiler, objects collected since included).
//
//   node bench/engine.mjs FILE [--rounds 3] [--alloc] [--top 25]
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { useNodeData } from '../dist/src/data/node.js';
import { computeRates } from '../dist/src/indicators/rates.js';
import { readCatalogFile } from '../dist/src/io/readers/index.js';
import { runEngine } from '../dist/src/rules/engine.js';
import { createSession } from '../dist/src/session.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    alloc: { type: 'boolean', default: false },
    top: { type: 'string', default: '25' },
  },
});
useNodeData();
// Past the default --max-nodes guard, which a 100k-entry JSON exceeds on purpose.
const session = createSession({ today: '2024-06-30', limits: { maxNodes: 50_000_000 } });
const catalog = await readCatalogFile(positionals[0], {
  kind: session.kind,
  limits: session.limits,
  seeds: session.seeds,
});
const input = { catalog, ruleSet: session.ruleSet, seeds: session.seeds, settings: session.settings };
const cpu = (f) => {
  const start = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(start);
  return [out, (used.user + used.system) / 1000];
};

const rounds = [];
for (let r = 0; r < Number(values.rounds); r++) {
  const [found, engineMs] = cpu(() => runEngine(input));
  const [, ratesMs] = cpu(() => computeRates(catalog, found, session.seeds, { today: '2024-06-30' }));
  rounds.push(`engine ${Math.round(engineMs)} ms, rates ${Math.round(ratesMs)} ms`);
}
process.stdout.write(`${catalog.entries.length} entries; CPU per round: ${rounds.join('; ')}\n`);

if (values.alloc) {
  const inspector = new Session();
  inspector.connect();
  await inspector.post('HeapProfiler.enable');
  await inspector.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const found = runEngine(input);
  computeRates(catalog, found, session.seeds, { today: '2024-06-30' });
  const { profile } = await inspector.post('HeapProfiler.stopSampling');
  const bytes = new Map();
  let total = 0;
  // A built-in (no url) is named with the function that called it.
  const walk = (node, caller) => {
    const f = node.callFrame;
    const here = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
    const key = f.url ? here : `${f.functionName} (from ${caller})`;
    total += node.selfSize;
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, f.url ? here : caller);
  };
  walk(profile.head, '');
  const n = catalog.entries.length;
  process.stdout.write(
    `allocated by the engine and the rates: ${(total / 1e6).toFixed(0)} MB, ${(total / n / 1000).toFixed(1)} KB per entry\n`,
  );
  for (const [key, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    process.stdout.write(`${(size / 1e6).toFixed(1).padStart(8)} MB  ${key}\n`);
}
