// The golden reports: the JSON report of every example, fixture, bench and real-portal catalog, kept byte for byte
// under test/golden/ (`npm run golden` checks them, `npm run golden -- --update` rewrites them deliberately).
// The test imports goldenCases() and goldenOutput() and runs the CLI of the sources under test.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv, writeXlsx } from '../bench/lib/write.mjs';
import { corpusFiles, snapshotDay } from './real.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the golden outputs live: one file per case, the report exactly as the CLI prints it. */
export const GOLDEN_DIR = join(root, 'test', 'golden');

/** The fixed day of every case except the real portals (judged as of the day they were crawled). */
export const GOLDEN_TODAY = '2021-11-23';

/** Entries of the generated bench catalogs (the same generator as `npm run bench`, smaller). */
const BENCH_ENTRIES = 60;

const catalogsIn = (dir) =>
  readdirSync(join(root, dir))
    .filter((f) => /\.(json|jsonl|csv|xlsx|xls|xml)$/.test(f) && !f.includes('.expected.'))
    .sort()
    .map((f) => `${dir}/${f}`);

const slug = (path) => path.replace(/[/\\]/g, '__').replace(/[^\w.-]/g, '_');

/**
 * Every case: a name (the golden file) and the CLI arguments, run in `cwd` (the repository, or the folder of
 * the generated bench catalogs: `bench`).
 */
export function goldenCases() {
  const cases = [];
  const base = ['--format', 'json', '--no-config'];
  for (const file of [...catalogsIn('examples'), ...catalogsIn('test/fixtures')]) {
    cases.push({
      name: `validate.${slug(file)}`,
      cwd: 'root',
      argv: ['validate', file, ...base, '--today', GOLDEN_TODAY],
    });
    cases.push({
      name: `validate-en.${slug(file)}`,
      cwd: 'root',
      argv: ['validate', file, ...base, '--today', GOLDEN_TODAY, '--lang', 'en'],
    });
    cases.push({
      name: `score.${slug(file)}`,
      cwd: 'root',
      argv: ['score', file, ...base, '--today', GOLDEN_TODAY],
    });
  }
  const examples = catalogsIn('examples');
  cases.push({
    name: 'validate.examples-together',
    cwd: 'root',
    argv: ['validate', ...examples, ...base, '--today', GOLDEN_TODAY, '--rate-severities', 'error,warning'],
  });
  cases.push({
    name: 'validate-jobs.examples-together',
    cwd: 'root',
    argv: ['validate', ...examples, ...base, '--today', GOLDEN_TODAY, '--jobs', '2'],
  });
  for (const format of ['xlsx', 'csv']) {
    const file = `catalog-${BENCH_ENTRIES}.${format}`;
    cases.push({
      name: `validate.bench__${file}`,
      cwd: 'bench',
      argv: ['validate', file, ...base, '--today', GOLDEN_TODAY],
    });
    cases.push({
      name: `score.bench__${file}`,
      cwd: 'bench',
      argv: ['score', file, ...base, '--today', GOLDEN_TODAY],
    });
  }
  for (const path of corpusFiles()) {
    const file = `test/data/real-data/${basename(path)}`;
    cases.push({
      name: `validate.real__${basename(path)}`,
      cwd: 'root',
      argv: ['validate', file, ...base, '--today', snapshotDay(path)],
      // The portals' reports are megabytes: their golden is the report's hash and size, plus the summary.
      digest: true,
    });
  }
  return cases;
}

/** Writes the generated bench catalogs into a fresh temporary folder; returns it (remove it when done). */
export async function makeBenchDir() {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-golden-'));
  await writeXlsx(join(dir, `catalog-${BENCH_ENTRIES}.xlsx`), BENCH_ENTRIES);
  await writeCsv(join(dir, `catalog-${BENCH_ENTRIES}.csv`), BENCH_ENTRIES);
  return dir;
}

/** What one case prints, with its exit code: `run` is the CLI's run(argv, io). */
export async function goldenOutput(kase, run, benchDir) {
  let stdout = '';
  let stderr = '';
  const text = (chunk) => (typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
  const code = await run(kase.argv, {
    stdout: { write: (s) => (stdout += text(s)), isTTY: false },
    stderr: { write: (s) => (stderr += text(s)), isTTY: false },
    env: { NO_COLOR: '1' },
    cwd: kase.cwd === 'bench' ? benchDir : root,
  });
  return { code, stdout, stderr };
}

/**
 * The stored golden of a case: the exit code on the first line, then the report as printed (or, for a digest
 * case, its sha256, its length in bytes and its summary).
 */
export function goldenText(kase, { code, stdout }) {
  if (!kase.digest) return `exit ${code}\n${stdout}`;
  const sha256 = createHash('sha256').update(stdout).digest('hex');
  const summary = JSON.parse(stdout).summary;
  return `exit ${code}\nsha256 ${sha256}\nbytes ${Buffer.byteLength(stdout)}\nsummary ${JSON.stringify(summary)}\n`;
}

export function goldenFile(kase) {
  return join(GOLDEN_DIR, `${kase.name}.txt`);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const update = process.argv.includes('--update');
  const { run } = await import('../dist/src/cli/run.js');
  const benchDir = await makeBenchDir();
  let differ = 0;
  try {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    const names = new Set();
    for (const kase of goldenCases()) {
      const out = goldenText(kase, await goldenOutput(kase, run, benchDir));
      const file = goldenFile(kase);
      names.add(basename(file));
      let old;
      try {
        old = readFileSync(file, 'utf8');
      } catch {
        old = undefined;
      }
      if (old === out) continue;
      differ++;
      if (update) {
        writeFileSync(file, out);
        console.log(`wrote ${file.slice(root.length + 1)}`);
      } else console.log(`differs: ${file.slice(root.length + 1)}`);
    }
    for (const f of readdirSync(GOLDEN_DIR)) {
      if (names.has(f)) continue;
      differ++;
      if (update) {
        rmSync(join(GOLDEN_DIR, f));
        console.log(`removed ${f}`);
      } else console.log(`no case: ${f}`);
    }
  } finally {
    rmSync(benchDir, { recursive: true, force: true });
  }
  console.log(`${differ} golden file(s) ${update ? 'updated' : 'differ'}`);
  if (differ > 0 && !update) process.exitCode = 1;
}
