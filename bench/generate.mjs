// Generates the benchmark catalogs (template layout or canonical JSON, 8 items per entry) into bench/out/, skipping files already made.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv, writeJson, writeXlsx } from './lib/write.mjs';

/** Bumped whenever the generated content changes, so stale files are rebuilt. */
export const GENERATOR_VERSION = 1;

/** Where generated catalogs go (ignored by git). */
export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');

/** Path of the n-entry catalog of a format. */
export function catalogPath(n, format) {
  return join(OUT_DIR, `catalog-${n}.${format}`);
}

/** Makes the n-entry catalog of a format unless an up-to-date one exists; returns its path. */
export async function ensureCatalog(n, format) {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = catalogPath(n, format);
  const stamp = `${path}.version`;
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8') === String(GENERATOR_VERSION))
    return path;
  if (format === 'xlsx') await writeXlsx(path, n);
  else if (format === 'json') await writeJson(path, n);
  else await writeCsv(path, n);
  writeFileSync(stamp, String(GENERATOR_VERSION));
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
  for (const n of sizes) {
    for (const format of ['xlsx', 'csv', 'json']) {
      const t = performance.now();
      const path = await ensureCatalog(n, format);
      process.stdout.write(`${path} (${Math.round(performance.now() - t)} ms)\n`);
    }
  }
}
