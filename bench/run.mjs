// The benchmark runner: govcat validate against a bare parse of the same file, each run in its own child process.
//
//   node bench/run.mjs [--sizes 1000,10000,20000,100000] [--formats xlsx,csv] [--runs 5] [--big-runs 3]
//                      [--jobs-files 4] [--jobs-size 10000] [--no-jobs] [--annotate-size 20000] [--no-annotate]
//                      [--out bench/results.md]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCatalog, OUT_DIR } from './generate.mjs';
import { ITEMS_PER_ENTRY } from './lib/catalog.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PRELOAD = join(ROOT, 'bench', 'lib', 'rss-preload.mjs');
const BIN = join(ROOT, 'bin', 'govcat.js');
const BASELINE = join(ROOT, 'bench', 'baseline.mjs');
/** The memory budget of the issue: 4 GiB of heap and of peak RSS. */
const BUDGET_MB = 4096;
const TODAY = '2024-06-30';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,20000,100000' },
    formats: { type: 'string', default: 'xlsx,csv' },
    runs: { type: 'string', default: '5' },
    'big-runs': { type: 'string', default: '3' },
    'jobs-files': { type: 'string', default: '4' },
    'jobs-size': { type: 'string', default: '10000' },
    'no-jobs': { type: 'boolean', default: false },
    'annotate-size': { type: 'string', default: '20000' },
    'no-annotate': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.md') },
  },
});

const sizes = args.sizes.split(',').map(Number);
const formats = args.formats.split(',');
const runs = (n) => Number(n >= 100_000 ? args['big-runs'] : args.runs);
const tmp = join(OUT_DIR, 'tmp');
mkdirSync(tmp, { recursive: true });

/** Runs one node child with the RSS preload; returns wall ms, peak RSS in MiB, exit code and stdout. */
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
  const [rssKb, cpuUs] = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').split(' ').map(Number) : [];
  const rssMb = rssKb === undefined ? Number.NaN : rssKb / 1024;
  const cpuMs = cpuUs === undefined ? Number.NaN : cpuUs / 1000;
  if (child.error) throw child.error;
  process.stderr.write(
    `  ${label}: ${Math.round(wallMs)} ms (cpu ${Math.round(cpuMs)} ms), ${Math.round(rssMb)} MiB, exit ${child.status} (load ${loadavg()[0].toFixed(1)})\n`,
  );
  return { wallMs, cpuMs, rssMb, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function median(list) {
  const s = [...list].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function stats(list) {
  return { median: median(list), min: Math.min(...list), max: Math.max(...list) };
}

function summary(measures) {
  return {
    wall: stats(measures.map((m) => m.wallMs)),
    cpu: stats(measures.map((m) => m.cpuMs)),
    rss: stats(measures.map((m) => m.rssMb)),
  };
}

const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMb = (mb) => `${Math.round(mb)} MiB`;
const span = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const kilo = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${Math.round(n / 1000)}k`);

function govcatArgs(files, report, extra = []) {
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

function checkReport(report, expectedEntries) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  for (const f of r.files) {
    if (f.error) throw new Error(`${f.path}: ${f.error.code} ${f.error.message}`);
  }
  const entries = r.files.reduce((n, f) => n + f.entries, 0);
  if (entries !== expectedEntries)
    throw new Error(`report has ${entries} entries, expected ${expectedEntries}`);
  return r;
}

const loads = [];
const rows = [];
for (const n of sizes) {
  for (const format of formats) {
    const file = await ensureCatalog(n, format);
    const report = join(tmp, `report-${n}-${format}.json`);
    const base = [];
    const gov = [];
    process.stderr.write(`${n} entries, ${format} (${(statSync(file).size / 1048576).toFixed(1)} MiB)\n`);
    for (let r = 0; r < runs(n); r++) {
      loads.push(loadavg()[0]);
      // Alternate the order so neither side always runs on a warmer (or busier) machine.
      const order = r % 2 === 0 ? ['base', 'gov'] : ['gov', 'base'];
      for (const which of order) {
        if (which === 'base') {
          const m = measure([BASELINE, format, file], 'bare parse');
          if (m.status !== 0) throw new Error(`baseline failed: ${m.stderr}`);
          base.push(m);
        } else {
          rmSync(report, { force: true });
          const m = measure(govcatArgs([file], report), 'govcat validate');
          if (m.status !== 0 && m.status !== 1) throw new Error(`govcat failed (${m.status}): ${m.stderr}`);
          const parsed = checkReport(report, n);
          m.findings = parsed.summary.errors + parsed.summary.warnings + parsed.summary.infos;
          gov.push(m);
        }
      }
    }
    rows.push({
      n,
      format,
      bytes: statSync(file).size,
      base: summary(base),
      gov: summary(gov),
      findings: gov[0].findings,
      runs: gov.length,
    });
  }
}

/** Start-up: govcat on a 10-entry CSV, i.e. loading, rules, seeds and the report around almost no data. */
const startup = [];
{
  const tiny = await ensureCatalog(10, 'csv');
  const report = join(tmp, 'report-startup.json');
  process.stderr.write('start-up (10-entry csv)\n');
  for (let r = 0; r < Number(args.runs); r++) {
    rmSync(report, { force: true });
    const m = measure(govcatArgs([tiny], report), 'govcat validate');
    if (m.status !== 0 && m.status !== 1) throw new Error(`govcat failed (${m.status}): ${m.stderr}`);
    startup.push(m);
  }
}
const startupStats = summary(startup);

/** Several files: `govcat validate a b c d` with --jobs 1 and --jobs 2, when the CLI has --jobs. */
let scaling;
const help = spawnSync(process.execPath, [BIN, 'validate', '--help'], { encoding: 'utf8' }).stdout ?? '';
if (!args['no-jobs'] && help.includes('--jobs')) {
  const n = Number(args['jobs-size']);
  const count = Number(args['jobs-files']);
  const source = await ensureCatalog(n, 'xlsx');
  const files = [];
  for (let i = 0; i < count; i++) {
    const copy = join(tmp, `jobs-${i}.xlsx`);
    copyFileSync(source, copy);
    files.push(copy);
  }
  const report = join(tmp, 'report-jobs.json');
  const byJobs = { 1: [], 2: [] };
  process.stderr.write(`${count} files of ${n} entries, xlsx, --jobs 1 and 2\n`);
  for (let r = 0; r < Number(args.runs); r++) {
    loads.push(loadavg()[0]);
    for (const jobs of r % 2 === 0 ? [1, 2] : [2, 1]) {
      rmSync(report, { force: true });
      const m = measure(govcatArgs(files, report, ['--jobs', String(jobs)]), `--jobs ${jobs}`);
      if (m.status !== 0 && m.status !== 1)
        throw new Error(`govcat --jobs failed (${m.status}): ${m.stderr}`);
      checkReport(report, n * count);
      byJobs[jobs].push(m);
    }
  }
  scaling = {
    n,
    count,
    one: summary(byJobs[1]),
    two: summary(byJobs[2]),
  };
}

/** --annotate: validating and writing the annotated copy against validating alone, the same file and run. */
let annotate;
if (!args['no-annotate']) {
  const n = Number(args['annotate-size']);
  const file = await ensureCatalog(n, 'xlsx');
  const report = join(tmp, 'report-annotate.json');
  const copy = join(tmp, 'annotated.xlsx');
  const plain = [];
  const annotated = [];
  process.stderr.write(`${n} entries, xlsx: validate and validate --annotate\n`);
  for (let r = 0; r < Math.max(3, Number(args.runs)); r++) {
    loads.push(loadavg()[0]);
    for (const which of r % 2 === 0 ? ['plain', 'annotate'] : ['annotate', 'plain']) {
      rmSync(report, { force: true });
      rmSync(copy, { force: true });
      const extra = which === 'annotate' ? ['--annotate', copy] : [];
      const m = measure(
        govcatArgs([file], report, extra),
        `validate${which === 'annotate' ? ' --annotate' : ''}`,
      );
      if (m.status !== 0 && m.status !== 1) throw new Error(`govcat failed (${m.status}): ${m.stderr}`);
      checkReport(report, n);
      if (which === 'annotate' && !existsSync(copy)) throw new Error('--annotate wrote no workbook');
      (which === 'annotate' ? annotated : plain).push(m);
    }
  }
  annotate = { n, plain: summary(plain), annotated: summary(annotated), bytes: statSync(copy).size };
}

const verdict = (ok) => (ok ? 'met' : '**missed**');
const lines = [];
lines.push('# govcat benchmark results', '');
lines.push(
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${process.platform}. ` +
    `Load average during the runs: median ${median(loads).toFixed(1)}, ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}. ` +
    `Each figure is the median of the runs, (min–max); every run is a fresh child process with \`--max-old-space-size=${BUDGET_MB}\`, ` +
    'wall time from spawn to exit, peak RSS from `process.resourceUsage().maxRSS`.',
  '',
);
lines.push(
  '| entries | data-item rows | format | file | runs | bare parse: wall | govcat validate: wall | wall ratio | CPU ratio | bare parse: peak RSS | govcat validate: peak RSS | RSS ratio | entries/s | item rows/s | findings |',
  '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
);
for (const r of rows) {
  const items = r.n * ITEMS_PER_ENTRY;
  const secs = r.gov.wall.median / 1000;
  lines.push(
    `| ${kilo(r.n)} | ${kilo(items)} | ${r.format} | ${(r.bytes / 1048576).toFixed(1)} MiB | ${r.runs} | ${span(r.base.wall, fmtMs)} | ${span(r.gov.wall, fmtMs)} | ${(r.gov.wall.median / r.base.wall.median).toFixed(2)}× | ${(r.gov.cpu.median / r.base.cpu.median).toFixed(2)}× | ${span(r.base.rss, fmtMb)} | ${span(r.gov.rss, fmtMb)} | ${(r.gov.rss.median / r.base.rss.median).toFixed(2)}× | ${kilo(r.n / secs)} | ${kilo(items / secs)} | ${r.findings} |`,
  );
}
lines.push(
  '',
  `Start-up (govcat on a 10-entry CSV: Node, modules, seeds, rules, report): ${span(startupStats.wall, fmtMs)} wall, ${span(startupStats.cpu, fmtMs)} CPU, ${fmtMb(startupStats.rss.median)} peak RSS.`,
);
lines.push('', '## Targets', '');
lines.push('| target | measured | verdict |', '|---|---|---|');
const at = (n, format) => rows.find((r) => r.n === n && r.format === format);
const x20 = at(20_000, 'xlsx');
if (x20) {
  const w = x20.gov.wall.median / x20.base.wall.median;
  const m = x20.gov.rss.median / x20.base.rss.median;
  lines.push(
    `| 20k-entry xlsx: validate ≤ 1.5× bare parse wall time | ${w.toFixed(2)}× | ${verdict(w <= 1.5)} |`,
  );
  lines.push(
    `| 20k-entry xlsx: validate ≤ 1.5× bare parse peak RSS | ${m.toFixed(2)}× | ${verdict(m <= 1.5)} |`,
  );
}
const x100 = at(100_000, 'xlsx');
if (x100) {
  lines.push(
    `| 100k-entry xlsx completes within 4 GiB (heap cap ${BUDGET_MB} MiB, peak RSS ≤ 4096 MiB) | max peak RSS ${fmtMb(x100.gov.rss.max)} | ${verdict(x100.gov.rss.max <= BUDGET_MB)} |`,
  );
}
const csvRows = rows.filter((r) => r.format === 'csv');
for (const r of csvRows.filter((c) => c.n >= 10_000)) {
  const rate = (r.n * ITEMS_PER_ENTRY) / (r.gov.wall.median / 1000);
  const net = (r.n * ITEMS_PER_ENTRY) / (Math.max(1, r.gov.wall.median - startupStats.wall.median) / 1000);
  lines.push(
    `| CSV ${kilo(r.n)} entries: ≥ 200k data-item rows/s end to end | ${kilo(rate)} rows/s (${kilo(net)} rows/s after start-up) | ${verdict(rate >= 200_000)} |`,
  );
}
if (csvRows.length >= 2) {
  const small = csvRows[0];
  const big = csvRows[csvRows.length - 1];
  const growth = big.gov.rss.median / small.gov.rss.median;
  const fileGrowth = big.bytes / small.bytes;
  lines.push(
    `| CSV memory flat in the file size | ${fmtMb(small.gov.rss.median)} at ${kilo(small.n)} → ${fmtMb(big.gov.rss.median)} at ${kilo(big.n)} entries (file ×${fileGrowth.toFixed(0)}, RSS ×${growth.toFixed(2)}) | ${verdict(growth <= 1.5)} |`,
  );
}
if (scaling) {
  const speedup = scaling.one.wall.median / scaling.two.wall.median;
  lines.push(
    `| ${scaling.count} files × ${kilo(scaling.n)} entries: 2 workers close to linear | --jobs 1 ${span(scaling.one.wall, fmtMs)}, --jobs 2 ${span(scaling.two.wall, fmtMs)}: speed-up ${speedup.toFixed(2)}× (CPU ${fmtMs(scaling.one.cpu.median)} → ${fmtMs(scaling.two.cpu.median)}, peak RSS ${fmtMb(scaling.one.rss.median)} → ${fmtMb(scaling.two.rss.median)}) | ${verdict(speedup >= 1.7)} |`,
  );
}
if (annotate) {
  const ratio = annotate.annotated.wall.median / annotate.plain.wall.median;
  lines.push(
    `| ${kilo(annotate.n)}-entry xlsx: validate --annotate ≤ 2× validate wall time | validate ${span(annotate.plain.wall, fmtMs)}, --annotate ${span(annotate.annotated.wall, fmtMs)} (${(annotate.bytes / 1048576).toFixed(1)} MiB written): ${ratio.toFixed(2)}× (CPU ${(annotate.annotated.cpu.median / annotate.plain.cpu.median).toFixed(2)}×, peak RSS ${fmtMb(annotate.plain.rss.median)} → ${fmtMb(annotate.annotated.rss.median)}) | ${verdict(ratio <= 2)} |`,
  );
}
const text = `${lines.join('\n')}\n`;
writeFileSync(args.out, text);
process.stdout.write(text);
