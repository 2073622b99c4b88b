// The diff benchmark: `govcat diff` of two 20,000-entry workbooks against `govcat validate` of both, same run.
//
//   node bench/diff.mjs [--size 20000] [--runs 3] [--out bench/results-diff.md]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCatalog, OUT_DIR } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'govcat.js');
const TODAY = '2024-06-30';
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results-diff.md') },
  },
});
const n = Number(args.size);
const tmp = join(OUT_DIR, 'tmp');
mkdirSync(tmp, { recursive: true });

/** The next version of the benchmark workbook: 1 % of entries renamed, re-coded, removed, and 1 % added. */
async function nextVersion(source) {
  const target = join(tmp, `catalog-${n}-next.xlsx`);
  if (existsSync(target)) return target;
  const { useNodeData } = await import('../dist/src/data/node.js');
  useNodeData();
  const { readCatalogFile } = await import('../dist/src/io/readers/index.js');
  const { loadSeeds } = await import('../dist/src/seeds/index.js');
  const { resolveLimits } = await import('../dist/src/limits.js');
  const { writeCatalog } = await import('../dist/src/io/writers/index.js');
  const parsed = await readCatalogFile(source, {
    kind: 'shared',
    limits: resolveLimits(),
    seeds: loadSeeds(),
  });
  const entries = parsed.entries.map((e) => structuredClone(e.data));
  const step = 100;
  for (let i = 0; i < entries.length; i += step) {
    const e = entries[i];
    if (i % (4 * step) === 0) e.name = `${e.name}（新）`;
    else if (i % (4 * step) === step) e.code = `${e.code}9`;
    else if (i % (4 * step) === 2 * step && Array.isArray(e.items)) e.items.pop();
  }
  const kept = entries.filter((_, i) => i % (4 * step) !== 3 * step);
  for (let i = 0; i < n / step / 4; i++)
    kept.push({ ...structuredClone(entries[i]), name: `新增资源${i}`, code: undefined });
  writeFileSync(target, writeCatalog({ kind: 'shared', entries: kept }, 'xlsx'));
  return target;
}

const PRELOAD = join(ROOT, 'bench', 'lib', 'rss-preload.mjs');

/** Runs govcat in a fresh process: wall time, and CPU time (user + sys) and peak RSS reported by the child. */
function run(argv) {
  const usageFile = join(tmp, `diff-usage-${process.pid}.txt`);
  rmSync(usageFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ['--import', PRELOAD, BIN, ...argv, '--no-config', '--today', TODAY],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', GOVCAT_BENCH_RSS_FILE: usageFile },
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`govcat ${argv[0]} failed: ${child.stderr}`);
  const [rssKb, cpuUs] = readFileSync(usageFile, 'utf8').split(' ').map(Number);
  return { ms, cpuMs: cpuUs / 1000, rssMb: rssKb / 1024, stdout: child.stdout };
}

const median = (l) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)];
const old = await ensureCatalog(n, 'xlsx');
const next = await nextVersion(old);
const validate = [];
const diff = [];
const loads = [];
let summary;
for (let r = 0; r < Number(args.runs); r++) {
  for (const which of r % 2 === 0 ? ['validate', 'diff'] : ['diff', 'validate']) {
    loads.push(loadavg()[0]);
    if (which === 'validate') {
      // One thread, as diff reads and validates: the same work, without the worker pool of several files.
      const out = join(tmp, 'diff-validate.json');
      const m = run(['validate', old, next, '--jobs', '1', '--format', 'json', '--output', out]);
      validate.push(m);
      process.stderr.write(`  validate both: ${Math.round(m.ms)} ms (cpu ${Math.round(m.cpuMs)} ms)\n`);
    } else {
      const m = run(['diff', old, next, '--format', 'json']);
      diff.push(m);
      summary = JSON.parse(m.stdout).summary;
      process.stderr.write(`  diff: ${Math.round(m.ms)} ms (cpu ${Math.round(m.cpuMs)} ms)\n`);
    }
  }
}
const med = (list, key) => median(list.map((m) => m[key]));
// CPU time is the measure (the machine may be shared: wall time swings with its load); wall is shown too.
const ratio = med(diff, 'cpuMs') / med(validate, 'cpuMs');
const wallRatio = med(diff, 'ms') / med(validate, 'ms');
const row = (label, list) =>
  `| ${label} | ${Math.round(med(list, 'cpuMs'))} ms | ${Math.round(med(list, 'ms'))} ms | ${Math.round(med(list, 'rssMb'))} MiB |`;
const lines = [
  '# govcat diff benchmark',
  '',
  `Two ${n}-entry workbooks (the benchmark catalog and a next version with 1 % of entries renamed, re-coded, items removed, removed, and 1 % added); median of ${args.runs} alternating runs, each a fresh process, measured in the same run; load average during the runs: median ${median(loads).toFixed(1)}.`,
  '',
  '| command | CPU (user + sys) | wall | peak RSS |',
  '|---|---:|---:|---:|',
  row('govcat validate old.xlsx new.xlsx --jobs 1', validate),
  row('govcat diff old.xlsx new.xlsx (with the score)', diff),
  '',
  `Diff / validate both, CPU time: ${ratio.toFixed(2)}× — target ≤ 1.00×: ${ratio <= 1 ? 'met' : '**missed**'} (wall: ${wallRatio.toFixed(2)}×).`,
  '',
  `Diff summary: ${JSON.stringify(summary)}`,
  '',
];
writeFileSync(args.out, lines.join('\n'));
process.stdout.write(lines.join('\n'));
