// The benchmark: every performance target of the project as a ratio measured in one run, with PASS or MISS.
//
// Each measure is a fresh child process; the sides of a comparison run alternately (their order rotates every
// round) and the table gives medians. CPU time (user + system, all threads, from process.resourceUsage at exit)
// is compared where the work is the same on one thread; wall time where parallelism is the point; peak RSS
// for memory.
//
//   node bench/run.mjs [--runs 5] [--big-runs 3] [--quick] [--readme] [--out bench/results.md]
//
//   GOVCAT_BENCH_100K=1      also the 100k-entry xlsx against the floor and SheetJS (about 2 minutes more)
//   GOVCAT_BENCH_MILLION=1   also a 1,000,000-entry CSV in one process within 4 GiB (about 10 minutes more)
//
// `--quick` runs 3 rounds and leaves out the 100k-entry CSV and JSON, for a look while working.
// `--only startup,xlsx,tabular,jobs,folder` runs those parts only: their rows replace the same rows of the
// results file (and README with --readme), the other rows stay as last measured, and the file says so.
// `--readme` writes the table into README.md between the bench:targets markers.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCatalog, OUT_DIR } from './generate.mjs';
import { median, medianInterval } from './lib/paired.mjs';
import { loadTableSchema } from './tableschema.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PRELOAD = join(ROOT, 'bench', 'lib', 'rss-preload.mjs');
const BIN = join(ROOT, 'bin', 'govcat.js');
const BASELINE = join(ROOT, 'bench', 'baseline.mjs');
const TABLESCHEMA = join(ROOT, 'bench', 'tableschema.mjs');
const RETAINED = join(ROOT, 'bench', 'retained.mjs');
/** The memory budget: 4 GiB of heap for every child. */
const BUDGET_MB = 4096;
const TODAY = '2024-06-30';
/** "Never slower": a default within this share of --jobs 1 counts as not slower (run-to-run noise). */
const NOISE = 0.05;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'big-runs': { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.md') },
    only: { type: 'string' },
  },
});
const RUNS = args.quick ? 3 : Number(args.runs);
const PARTS = ['startup', 'xlsx', 'tabular', 'jobs', 'folder'];
const only = args.only?.split(',');
for (const part of only ?? [])
  if (!PARTS.includes(part)) throw new Error(`--only: unknown part ${part} (${PARTS.join(', ')})`);
const runs = (part) => !only || only.includes(part);
const BIG_RUNS = args.quick ? 1 : Number(args['big-runs']);
const tmp = join(OUT_DIR, 'tmp');
mkdirSync(tmp, { recursive: true });
const loads = [];

/** Runs one node child with the RSS/CPU preload; returns wall ms, CPU ms, peak RSS in MiB, exit code, output. */
function measure(argv, label) {
  const rssFile = join(tmp, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${BUDGET_MB}`, '--import', PRELOAD, ...argv],
    {
      cwd: ROOT,
      env: { ...process.env, GOVCAT_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const [rssKb, cpuUs, workers] = existsSync(rssFile)
    ? readFileSync(rssFile, 'utf8').split(' ').map(Number)
    : [];
  if (child.error) throw child.error;
  const m = {
    wallMs,
    cpuMs: cpuUs === undefined ? Number.NaN : cpuUs / 1000,
    rssMb: rssKb === undefined ? Number.NaN : rssKb / 1024,
    /** Worker threads the child started (0: everything ran on its main thread). */
    workers: workers ?? Number.NaN,
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
  };
  process.stderr.write(
    `  ${label}: ${Math.round(wallMs)} ms (cpu ${Math.round(m.cpuMs)} ms), ${Math.round(m.rssMb)} MiB, exit ${child.status}${m.workers > 0 ? `, ${m.workers} workers` : ''} (load ${loadavg()[0].toFixed(1)})\n`,
  );
  return m;
}

/**
 * Runs every variant `runs` times, rotating which goes first each round so none always meets a warmer or busier
 * machine. A variant is `{ argv, ok?(m) }`: `ok` checks the child's result (default: exit 0). Returns the
 * median wall, CPU and peak RSS of each variant.
 */
function compare(title, variants, runs) {
  process.stderr.write(`${title}\n`);
  const names = Object.keys(variants);
  const got = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < runs; r++) {
    loads.push(loadavg()[0]);
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      const v = variants[name];
      v.before?.();
      const m = measure(v.argv, name);
      const ok = v.ok ? v.ok(m) : m.status === 0;
      if (ok !== true)
        throw new Error(`${title}, ${name}: ${ok === false ? `exit ${m.status}` : ok}\n${m.stderr}`);
      got[name].push(m);
    }
  }
  const out = {};
  for (const n of names) {
    out[n] = {
      wall: median(got[n].map((m) => m.wallMs)),
      cpu: median(got[n].map((m) => m.cpuMs)),
      rss: median(got[n].map((m) => m.rssMb)),
      maxRss: Math.max(...got[n].map((m) => m.rssMb)),
      runs: got[n].length,
    };
  }
  return out;
}

function govcat(files, report, extra = []) {
  return [
    BIN,
    'validate',
    ...files,
    '--format',
    'json',
    '--output',
    report,
    '--no-config',
    '--today',
    TODAY,
    ...extra,
  ];
}

/** Checks a govcat run: exit 0 or 1 (findings), a report with the expected entries and no unreadable file. */
function reportOk(report, expected) {
  return (m) => {
    if (m.status !== 0 && m.status !== 1) return `exit ${m.status}`;
    const bytes = readFileSync(report);
    // A million entries' report (over 1 GB) is more text than one string holds: its summary says enough.
    if (bytes.length > 256 * 1024 * 1024) return summaryOk(bytes, expected);
    const r = JSON.parse(bytes.toString('utf8'));
    const bad = r.files.find((f) => f.error);
    if (bad) return `${bad.path}: ${bad.error.code}`;
    const entries = r.files.reduce((n, f) => n + f.entries, 0);
    return entries === expected || `report has ${entries} entries, expected ${expected}`;
  };
}

/** Checks a report too large to parse whole by its summary (the last member of the report, pretty-printed). */
function summaryOk(bytes, expected) {
  const at = bytes.lastIndexOf('\n  "summary": ');
  if (at < 0) return 'report has no summary';
  const tail = bytes.subarray(at).toString('utf8').trim();
  const summary = JSON.parse(`{${tail}`).summary;
  if (summary.unreadable > 0) return `${summary.unreadable} unreadable file(s)`;
  return summary.entries === expected || `report has ${summary.entries} entries, expected ${expected}`;
}

function govcatVariant(files, expected, extra = []) {
  const report = join(tmp, `report-${process.pid}.json`);
  return {
    argv: govcat(files, report, extra),
    before: () => rmSync(report, { force: true }),
    ok: reportOk(report, expected),
  };
}

/** validate with --annotate: the report as govcatVariant's, and an annotated copy that must be a zip. */
function annotateVariant(file, expected) {
  const v = govcatVariant([file], expected);
  const annotated = join(tmp, `annotated-${process.pid}.xlsx`);
  return {
    argv: [...v.argv, '--annotate', annotated],
    before: () => {
      v.before();
      rmSync(annotated, { force: true });
    },
    ok: (m) => {
      const ok = v.ok(m);
      if (ok !== true) return ok;
      const head = readFileSync(annotated).subarray(0, 2).toString('latin1');
      return head === 'PK' || 'the annotated copy is not an xlsx';
    },
  };
}

const kilo = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const ms = (v) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const mib = (v) => `${Math.round(v)} MiB`;
const times = (v) => `${v.toFixed(2)}×`;

/** The result rows: what, govcat's figure, the reference's, the ratio, the goal and the verdict. */
const targets = [];
const notices = [];
function target(what, govcatText, referenceText, ratioText, goal, pass, missNote) {
  const verdict = pass ? 'PASS' : missNote ? `MISS (${missNote})` : 'MISS';
  targets.push({ what, govcatText, referenceText, ratioText, goal, verdict });
}

// 1. Start-up: CPU of `--version` and of validating a 10-entry catalog against `node -e 0`.
if (runs('startup')) {
  const tiny = await ensureCatalog(10, 'csv');
  const r = compare(
    'start-up',
    {
      'node -e 0': { argv: ['-e', '0'] },
      'govcat --version': { argv: [BIN, '--version'] },
      'validate 10 entries': govcatVariant([tiny], 10),
    },
    Math.max(RUNS, 7),
  );
  const node = r['node -e 0'];
  const v = r['govcat --version'].cpu / node.cpu;
  target(
    'Start-up: `govcat --version`, CPU',
    ms(r['govcat --version'].cpu),
    `node -e 0: ${ms(node.cpu)}`,
    times(v),
    '≤ 2×',
    v <= 2,
  );
  const s = r['validate 10 entries'].cpu / node.cpu;
  target(
    'Start-up: validate a 10-entry CSV, CPU',
    ms(r['validate 10 entries'].cpu),
    `node -e 0: ${ms(node.cpu)}`,
    times(s),
    '≤ 2.5×',
    s <= 2.5,
  );
}

// 2. xlsx: govcat against the floor (inflate + decode + byte scan) and a bare SheetJS parse, CPU.
const xlsxSizes = !runs('xlsx') ? [] : process.env.GOVCAT_BENCH_100K === '1' ? [20_000, 100_000] : [20_000];
for (const n of xlsxSizes) {
  const file = await ensureCatalog(n, 'xlsx');
  const r = compare(
    `${kilo(n)}-entry xlsx`,
    {
      floor: { argv: [BASELINE, 'floor', file] },
      SheetJS: { argv: [BASELINE, 'xlsx', file] },
      govcat: govcatVariant([file], n),
      // The annotated copy (the workbook's own parts patched: comments, fills, a 校验结果 sheet), same run.
      ...(n === 20_000 ? { annotate: annotateVariant(file, n) } : {}),
    },
    n >= 100_000 ? BIG_RUNS : RUNS,
  );
  if (r.annotate) {
    const a = r.annotate.cpu / r.govcat.cpu;
    target(
      `xlsx ${kilo(n)} entries: \`validate --annotate\` vs \`validate\`, CPU (peak RSS ${mib(r.govcat.rss)} → ${mib(r.annotate.rss)})`,
      ms(r.annotate.cpu),
      `validate: ${ms(r.govcat.cpu)}`,
      times(a),
      '≤ 2×',
      a <= 2,
    );
  }
  const f = r.govcat.cpu / r.floor.cpu;
  const x = r.govcat.cpu / r.SheetJS.cpu;
  if (n === 20_000)
    target(
      `xlsx ${kilo(n)} entries vs the floor, CPU`,
      ms(r.govcat.cpu),
      `floor: ${ms(r.floor.cpu)}`,
      times(f),
      '≤ 3×',
      f <= 3,
    );
  target(
    `xlsx ${kilo(n)} entries vs a bare SheetJS parse, CPU`,
    ms(r.govcat.cpu),
    `SheetJS: ${ms(r.SheetJS.cpu)}`,
    times(x),
    '≤ 1.0×',
    x <= 1,
  );
}

// 3. CSV and JSON: against tableschema-js on the same rows (CPU) and the bare parse's memory (peak RSS).
const tableschema = loadTableSchema();
if (!tableschema && runs('tabular'))
  notices.push(
    'tableschema-js is not installed (`npm run bench:vendor`): the comparison with it was skipped.',
  );
const tabularSizes = args.quick ? [1000, 10_000] : [1000, 10_000, 100_000];
const rssAt = {};
for (const format of runs('tabular') ? ['csv', 'json'] : []) {
  rssAt[format] = {};
  for (const n of tabularSizes) {
    const file = await ensureCatalog(n, format);
    const variants = {
      [format === 'csv' ? 'papaparse' : 'JSON.parse']: { argv: [BASELINE, format, file] },
      // A 100k-entry JSON has about 5 million JSON values, past the default --max-nodes input guard.
      govcat: govcatVariant([file], n, format === 'json' ? ['--max-nodes', '50000000'] : []),
    };
    if (tableschema && n >= 10_000) variants.tableschema = { argv: [TABLESCHEMA, format, file] };
    const r = compare(`${kilo(n)}-entry ${format}`, variants, n >= 100_000 ? BIG_RUNS : RUNS);
    const base = format === 'csv' ? r.papaparse : r['JSON.parse'];
    const baseName = format === 'csv' ? 'papaparse' : 'JSON.parse';
    rssAt[format][n] = r.govcat.rss;
    if (r.tableschema) {
      const speed = r.tableschema.cpu / r.govcat.cpu;
      target(
        `${format.toUpperCase()} ${kilo(n)} entries: faster than tableschema-js (every govcat rule on), CPU`,
        ms(r.govcat.cpu),
        `tableschema: ${ms(r.tableschema.cpu)}`,
        `${speed.toFixed(2)}× faster`,
        '≥ 3× faster',
        speed >= 3,
      );
    }
    const mem = r.govcat.rss / base.rss;
    target(
      `${format.toUpperCase()} ${kilo(n)} entries: memory vs ${baseName}, peak RSS`,
      mib(r.govcat.rss),
      `${baseName}: ${mib(base.rss)}`,
      times(mem),
      '≤ 2×',
      mem <= 2,
    );
    if (n === 100_000)
      target(
        `${format.toUpperCase()} 100k entries in 300 MB, peak RSS`,
        mib(r.govcat.rss),
        '—',
        '—',
        '≤ 300 MiB',
        r.govcat.rss <= 300,
      );
  }
  const sizes = Object.keys(rssAt[format]).map(Number);
  const [lo, hi] = [sizes.at(-2), sizes.at(-1)];
  // Retained: the heap a run keeps per entry until the report (in process, after full collections).
  const file = await ensureCatalog(hi, format);
  const kept = [];
  process.stderr.write(`${kilo(hi)}-entry ${format}: retained heap per entry\n`);
  for (let r = 0; r < Math.min(3, RUNS); r++) {
    const m = measure(['--expose-gc', RETAINED, file], 'retained');
    if (m.status !== 0) throw new Error(`retained: ${m.stderr}`);
    kept.push(Number(m.stdout.split(' ')[1]) / 1024);
  }
  const retained = median(kept);
  target(
    `${format.toUpperCase()}: retained heap per entry at ${kilo(hi)} entries (findings and per-entry facts kept for the report)`,
    `${retained.toFixed(2)} KB`,
    '—',
    '—',
    '≤ 1.5 KB',
    retained <= 1.5,
  );
  const perEntry = ((rssAt[format][hi] - rssAt[format][lo]) * 1024) / (hi - lo);
  target(
    `${format.toUpperCase()}: peak memory per entry (peak RSS growth from ${kilo(lo)} to ${kilo(hi)} entries)`,
    `${perEntry.toFixed(2)} KB`,
    '—',
    '—',
    '≤ 1.5 KB',
    perEntry <= 1.5,
  );
}

// 4. --jobs: the default against one thread (wall time), on files that repay workers and files that do not.
//
// The two sides run as pairs, back to back (which goes first alternates), and the ratio is taken within each pair,
// so a change of load between pairs — other processes coming and going — moves both sides of a pair alike. The row
// gives the median of the pair ratios with its 95 % interval, and PASS only when that whole interval is within the
// bound; pairs are added until the question is resolved or the case's cap is reached. The preload counts the worker threads each child started, so the row says
// whether the default ran the pool or the one-thread path of --jobs 1.
const jobsCases = [
  { count: 4, n: 10_000, format: 'xlsx' },
  { count: 8, n: 1000, format: 'csv' },
  { count: 2, n: 20_000, format: 'csv' },
];

/**
 * Runs `a` and `b` as pairs, at least `min` and at most `max`, until the 99 % interval of the median of the pair
 * ratios a/b (wall) lies wholly on one side of the bound 1 + NOISE (checked after every pair from `min` on; the
 * stricter level keeps that repeated look from resolving on noise). Returns each side's runs, the pair ratios and
 * their 95 % interval.
 */
function pairs(title, a, b, { min, max }) {
  process.stderr.write(`${title}\n`);
  const runsOf = { a: [], b: [] };
  const ratios = [];
  for (let i = 0; i < max; i++) {
    loads.push(loadavg()[0]);
    for (const side of i % 2 ? ['b', 'a'] : ['a', 'b']) {
      const v = side === 'a' ? a : b;
      v.before?.();
      const m = measure(v.argv, `${v.name} (pair ${i + 1})`);
      const ok = v.ok ? v.ok(m) : m.status === 0;
      if (ok !== true)
        throw new Error(`${title}, ${v.name}: ${ok === false ? `exit ${m.status}` : ok}\n${m.stderr}`);
      runsOf[side].push(m);
    }
    ratios.push(runsOf.a[i].wallMs / runsOf.b[i].wallMs);
    const strict = medianInterval(ratios, 0.99);
    if (ratios.length >= min && strict && (strict.high <= 1 + NOISE || strict.low > 1 + NOISE)) break;
  }
  return { a: runsOf.a, b: runsOf.b, ratios, ci: medianInterval(ratios) };
}

const pairRounds = (short) =>
  args.quick
    ? { min: 3, max: 3 }
    : short
      ? { min: Math.max(RUNS, 9), max: 24 }
      : { min: Math.max(RUNS, 9), max: 16 };
const interval = (ci) =>
  ci ? `${ci.low.toFixed(2)}–${ci.high.toFixed(2)}` : 'too few pairs for a 95 % interval';
/**
 * What the default ran: the one-thread path of --jobs 1 or the pool, from the workers each child started; `sampled`:
 * whether the default may have sampled the CPU first (when the load average read busy).
 */
function pathOf(runsList, sampled) {
  const counts = runsList.map((m) => m.workers);
  const pooled = counts.filter((w) => w > 0);
  const after = sampled ? `; a ${JOB_COST.sampleMs} ms CPU sample first when the load average read busy` : '';
  if (!pooled.length)
    return {
      text: `one thread in every run (the path of --jobs 1${after})`,
      short: `one thread (the path of --jobs 1${after})`,
    };
  const workers = [...new Set(pooled)].sort().join(' or ');
  return pooled.length === counts.length
    ? { text: `${workers} workers in every run`, short: `${workers} workers` }
    : {
        text: `${workers} workers in ${pooled.length} of ${counts.length} runs, one thread in the others`,
        short: `${workers} workers in ${pooled.length} of ${counts.length} runs`,
      };
}

// The default's cost model (seeds/jobs.json, read by src/cli/parallel.ts): its constants are checked against this
// run below.
const JOB_COST = JSON.parse(readFileSync(join(ROOT, 'seeds', 'jobs.json'), 'utf8'));
const model = runs('jobs') ? await import(join(ROOT, 'dist', 'src', 'cli', 'parallel.js')) : undefined;
if (model) (await import(join(ROOT, 'dist', 'src', 'data', 'node.js'))).useNodeData();
/**
 * Whether the default samples the CPU before it decides for these inputs when the load average reads busy: when an
 * idle machine would take a pool and the run is predicted long enough (jobsFor in src/cli/parallel.ts).
 */
const samples = (inputs) => {
  const idle = { cores: availableParallelism(), load: 0 };
  return (
    model.planJobs(inputs, idle, JOB_COST) > 1 &&
    model.predictedWallMs(inputs, 1, idle, JOB_COST) >= JOB_COST.sampleMs * JOB_COST.sampleWorth
  );
};
for (const { count, n, format } of runs('jobs') ? jobsCases : []) {
  const source = await ensureCatalog(n, format);
  const files = [];
  for (let i = 0; i < count; i++) {
    const copy = join(tmp, `jobs-${n}-${i}.${format}`);
    if (!existsSync(copy) || statSync(copy).size !== statSync(source).size) copyFileSync(source, copy);
    files.push(copy);
  }
  const r = pairs(
    `${count} × ${kilo(n)}-entry ${format}: default --jobs against --jobs 1`,
    { name: 'default', ...govcatVariant(files, n * count) },
    { name: '--jobs 1', ...govcatVariant(files, n * count, ['--jobs', '1']) },
    pairRounds(n * count <= 10_000),
  );
  const ratio = median(r.ratios);
  const path = pathOf(r.a, samples(files.map((f) => ({ format, bytes: statSync(f).size }))));
  const seen = loads.slice(-r.ratios.length);
  notices.push(
    `--jobs default on ${count} × ${kilo(n)}-entry ${format}: ${path.text}; ${r.ratios.length} pairs at loads ` +
      `${Math.min(...seen).toFixed(1)}–${Math.max(...seen).toFixed(1)}; pair ratios ${Math.min(...r.ratios).toFixed(2)}–` +
      `${Math.max(...r.ratios).toFixed(2)}, median ${ratio.toFixed(2)}× (95 % interval ${interval(r.ci)}).`,
  );
  target(
    `--jobs default on ${count} × ${kilo(n)}-entry ${format}: not slower than one thread, wall`,
    `${ms(median(r.a.map((m) => m.wallMs)))}, ${path.short}`,
    `--jobs 1: ${ms(median(r.b.map((m) => m.wallMs)))}`,
    `${times(ratio)} (${interval(r.ci)}, ${r.ratios.length} pairs)`,
    `≤ ${(1 + NOISE).toFixed(2)}× (noise)`,
    // PASS only when the whole interval is within the bound; an interval that spans it has not resolved the
    // question, whatever side of the bound the median fell on.
    r.ci ? r.ci.high <= 1 + NOISE : ratio <= 1 + NOISE,
    r.ci && r.ci.low <= 1 + NOISE ? 'unresolved: the interval spans the bound' : undefined,
  );
}

// The cost model's constants against this machine: one thread's CPU per MiB of each format (the slope between a
// 1k- and a 10k-entry file, so start-up is left out), and what a pool adds before its first file (paired wall
// time of --jobs 2 against --jobs 1 on two 10-entry files).
if (runs('jobs')) {
  const variants = {};
  const sizes = {};
  for (const format of ['xlsx', 'csv', 'json'])
    for (const n of [1000, 10_000]) {
      const file = await ensureCatalog(n, format);
      sizes[`${format} ${kilo(n)}`] = statSync(file).size / 1048576;
      variants[`${format} ${kilo(n)}`] = govcatVariant([file], n, ['--jobs', '1']);
    }
  const c = compare('the cost model: one thread per format and size', variants, Math.max(RUNS, 5));
  const slopes = ['xlsx', 'csv', 'json'].map((format) => {
    const [small, big] = [`${format} 1k`, `${format} 10k`];
    const perMiB = (c[big].cpu - c[small].cpu) / (sizes[big] - sizes[small]);
    const cores = c[big].cpu / c[big].wall;
    return `${format} ${Math.round(perMiB)} ms per MiB (model ${JOB_COST.cpuMsPerMiB[format]}), one 10k file keeps ${cores.toFixed(2)} cores busy (model ${JOB_COST.coresPerFile[format]})`;
  });
  const tiny = await ensureCatalog(10, 'csv');
  const two = [0, 1].map((i) => {
    const copy = join(tmp, `jobs-10-${i}.csv`);
    copyFileSync(tiny, copy);
    return copy;
  });
  const start = pairs(
    'the cost model: a pool of 2 against one thread on two 10-entry files',
    { name: '--jobs 2', ...govcatVariant(two, 20, ['--jobs', '2']) },
    { name: '--jobs 1', ...govcatVariant(two, 20, ['--jobs', '1']) },
    args.quick ? { min: 3, max: 3 } : { min: 9, max: 9 },
  );
  const startMs = median(start.a.map((m, i) => m.wallMs - start.b[i].wallMs));
  const startCpu = median(start.a.map((m, i) => m.cpuMs - start.b[i].cpuMs));
  notices.push(
    `The cost model's constants (seeds/jobs.json) against this run, one thread's CPU: ${slopes.join('; ')}; ` +
      `a pool of 2 adds ${Math.round(startMs)} ms of wall before its first file (model ${JOB_COST.poolStartMs}; ` +
      `median of ${start.ratios.length} paired differences at load ${median(loads.slice(-start.ratios.length)).toFixed(1)}; ` +
      `its CPU: ${Math.round(startCpu)} ms, i.e. ${Math.round(startCpu / 2)} ms per worker, which two free cores run at once). ` +
      `Cores busy per file and the start-up's wall time are inflated by load; CPU per MiB is not.`,
  );
}

// 5. A folder of many small files against one file with the same entries: start-up paid once, not per file.
if (runs('folder')) {
  const FILES = 1000;
  const PER_FILE = 10;
  const one = await ensureCatalog(PER_FILE, 'csv');
  const dir = join(tmp, `folder-${FILES}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const copy = join(dir, `dept-${String(i).padStart(4, '0')}.csv`);
    if (!existsSync(copy)) copyFileSync(one, copy);
  }
  const big = await ensureCatalog(FILES * PER_FILE, 'csv');
  const r = compare(
    `a folder of ${FILES} × ${PER_FILE}-entry csv against one ${kilo(FILES * PER_FILE)}-entry csv`,
    { folder: govcatVariant([dir], FILES * PER_FILE), 'one file': govcatVariant([big], FILES * PER_FILE) },
    Math.min(RUNS, 3),
  );
  const ratio = r.folder.wall / r['one file'].wall;
  target(
    `A folder of ${FILES} files × ${PER_FILE} entries vs one ${kilo(FILES * PER_FILE)}-entry file, wall`,
    ms(r.folder.wall),
    `one file: ${ms(r['one file'].wall)}`,
    times(ratio),
    '≤ 2×',
    ratio <= 2,
  );
}

// 6. A national aggregate: 1,000,000 entries in one process within 4 GiB.
if (process.env.GOVCAT_BENCH_MILLION === '1') {
  const n = 1_000_000;
  const file = await ensureCatalog(n, 'csv');
  // Past the default input guards (rows, entries, bytes, the read's 2 minutes), which a national aggregate
  // raises on purpose.
  const big = [
    ...['--max-rows', '20000000', '--max-entries', '2000000', '--max-bytes', '4000000000'],
    ...['--timeout-ms', '3600000'],
  ];
  const r = compare(
    '1M-entry csv',
    { govcat: govcatVariant([file], n, [...big, '--max-findings', '1000000']) },
    1,
  );
  target(
    '1M-entry CSV validates in one process within 4 GiB, peak RSS',
    `${mib(r.govcat.rss)}, ${ms(r.govcat.wall)}`,
    '—',
    '—',
    '≤ 4096 MiB',
    r.govcat.rss <= BUDGET_MB,
  );
}

const cpu = cpus()[0]?.model.trim() ?? 'CPU';
const machine =
  `Machine: ${availableParallelism()} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${process.platform}; ` +
  `load average during the runs: median ${median(loads).toFixed(1)} (${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}). ` +
  `Medians of ${RUNS} alternating runs (${BIG_RUNS} at 100k entries), each a fresh process with \`--max-old-space-size=${BUDGET_MB}\`.`;
let rows = targets.map(
  (t) => `| ${t.what} | ${t.govcatText} | ${t.referenceText} | ${t.ratioText} | ${t.goal} | ${t.verdict} |`,
);
let header = [machine];
if (only && existsSync(args.out)) {
  // A partial run: its rows replace the same rows of the last full results; the rest stay as measured then.
  const old = readFileSync(args.out, 'utf8').split('\n');
  // A row's target, without figures some targets carry in their name (the annotate row's peak RSS).
  const what = (row) => row.split(' | ')[0].replace(/ \(peak RSS [^)]*\)/, '');
  const fresh = new Map(rows.map((r) => [what(r), r]));
  const oldRows = old.filter((l) => l.startsWith('| ') && !l.startsWith('| target |'));
  rows = [
    ...oldRows.map((r) => fresh.get(what(r)) ?? r),
    ...rows.filter((r) => !oldRows.some((o) => what(o) === what(r))),
  ];
  const oldHeader = old.filter((l) => l.startsWith('Machine: ') || l.startsWith('Re-measured '));
  header = [
    ...oldHeader.filter((l) => !l.startsWith(`Re-measured (${only.join(', ')})`)),
    `Re-measured (${only.join(', ')}) in a later run, whose rows replace those above — ${machine}`,
  ];
}
const lines = [
  ...header.flatMap((l) => [l, '']),
  '| target | govcat | reference | ratio | goal | verdict |',
  '|---|---:|---:|---:|---|---|',
  ...rows,
];
const passed = rows.filter((r) => r.endsWith('| PASS |')).length;
lines.push('', `${passed} of ${rows.length} targets met.`);
// A partial run keeps the notices of the parts it did not run (each notice names what it is about).
const partOfNotice = (text) =>
  /^(--jobs|The cost model)/.test(text) ? 'jobs' : /^tableschema-js/.test(text) ? 'tabular' : undefined;
const keptNotices =
  only && existsSync(args.out)
    ? readFileSync(args.out, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('Notice: '))
        .map((l) => l.slice('Notice: '.length))
        .filter((text) => !only.includes(partOfNotice(text)))
    : [];
for (const n of [...keptNotices, ...notices]) lines.push('', `Notice: ${n}`);
const text = `${lines.join('\n')}\n`;
writeFileSync(args.out, `# govcat benchmark results\n\n${text}`);
process.stdout.write(text);

if (args.readme) {
  const readme = join(ROOT, 'README.md');
  const START = '<!-- bench:targets -->';
  const END = '<!-- /bench:targets -->';
  const old = readFileSync(readme, 'utf8');
  const a = old.indexOf(START);
  const b = old.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} block`);
  writeFileSync(readme, `${old.slice(0, a + START.length)}\n${text}${old.slice(b)}`);
  process.stderr.write('README.md: the targets table is updated\n');
}
