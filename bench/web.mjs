// The offline page benchmark: a 5,000-entry workbook checked in the page (headless Chromium, file://, the core in
// its Web Worker) against `govcat score` of the same file on the same machine, same run. Target: ≤ 2×.
//
//   node bench/web.mjs [--size 5000] [--runs 3] [--out bench/results-web.md]
//
// Each page round loads the page afresh (a cold worker, as an editor opening it) and is timed from choosing the
// file to the summary on screen; each CLI round is a fresh process (start-up included), as an editor runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureCatalog } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'govcat.js');
const PAGE = join(ROOT, 'dist', 'govcat-web.html');
const CHROMIUM = process.env.GOVCAT_CHROMIUM || '/usr/bin/chromium';
const TODAY = '2024-06-30';
const TARGET = 2;
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results-web.md') },
  },
});

if (!existsSync(CHROMIUM)) {
  console.log(`bench/web.mjs: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`);
  process.exit(0);
}
const n = Number(args.size);
const runs = Number(args.runs);
const file = await ensureCatalog(n, 'xlsx');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function cliRound() {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'score', file, '--today', TODAY, '--no-config', '-f', 'json'], {
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`govcat score exited ${r.status}: ${r.stderr}`);
  return { ms, summary: JSON.parse(r.stdout.toString()).summary };
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function pageRound() {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(pathToFileURL(PAGE).href);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#opt-today', TODAY);
  const t = performance.now();
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('body[data-state="done"]', { timeout: 600_000 });
  const ms = performance.now() - t;
  await page.waitForSelector('body[data-sheets="ready"]', { timeout: 600_000 });
  const sheetsMs = performance.now() - t;
  const summary = await page.$$eval('.counts .count strong', (els) => els.map((e) => Number(e.textContent)));
  await page.close();
  return { ms, sheetsMs, summary };
}

const cli = [];
const web = [];
for (let i = 0; i < runs; i++) {
  // Alternate which side goes first, so neither always runs on a warmer machine.
  if (i % 2 === 0) {
    cli.push(cliRound());
    web.push(await pageRound());
  } else {
    web.push(await pageRound());
    cli.push(cliRound());
  }
}
await browser.close();

const s = cli[0].summary;
const shown = web[0].summary;
if (shown[0] !== s.entries || shown[1] !== s.errors || shown[2] !== s.warnings)
  throw new Error(`the page counted ${shown} but the CLI ${[s.entries, s.errors, s.warnings]}`);
const cliMs = median(cli.map((r) => r.ms));
const webMs = median(web.map((r) => r.ms));
const sheetsMs = median(web.map((r) => r.sheetsMs));
const ratio = webMs / cliMs;
const lines = [
  '# govcat offline page benchmark',
  '',
  `A ${n}-entry workbook (${s.entries} entries, ${s.errors} errors, ${s.warnings} warnings in both), median of ${runs} rounds, same machine, same run.`,
  '',
  '| side | wall (median) |',
  '|---|---:|',
  `| govcat score catalog-${n}.xlsx (a fresh process) | ${Math.round(cliMs)} ms |`,
  `| the page: file chosen → summary shown (fresh page) | ${Math.round(webMs)} ms |`,
  `| the page: file chosen → sheet view ready | ${Math.round(sheetsMs)} ms |`,
  '',
  `Page / CLI: ${ratio.toFixed(2)}× — target ≤ ${TARGET.toFixed(2)}×: ${ratio <= TARGET ? 'met' : 'MISSED'}.`,
  '',
];
writeFileSync(args.out, lines.join('\n'));
console.log(lines.join('\n'));
