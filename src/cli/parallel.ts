// `govcat validate --jobs n`: several files read and validated at once on the worker pool, one file per task.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { InvalidArgumentError, Option } from 'commander';
import type { LoadedConfig } from '../config/load.js';
import type { Limits, Report } from '../generated/schema-types.js';
import { type Lang, translate } from '../i18n/index.js';
import type { TaskOptions } from '../workers/pool.js';
import type { CliIO } from './io.js';
import type { ReportCliOptions } from './report-command.js';
import { SessionResolver } from './shared.js';

/** The --jobs option: files validated at once on worker threads. */
export function jobsOption(lang: Lang): Option {
  return new Option(
    '-j, --jobs <n>',
    translate(lang, 'cli.optionJobs', { cores: availableParallelism() }),
  ).argParser((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`--jobs ${v}`);
    return n;
  });
}

/**
 * Work per worker before the default uses one: a worker loads the modules and warms up its own compiled
 * code, which costs about as much as validating a few thousand entries, so small files are faster in process.
 */
export const BYTES_PER_WORKER = 8 * 1024 * 1024;

/** Bytes of input a file stands for: a workbook is compressed, about three times as much work per byte. */
function workOf(file: string, bytes: number): number {
  return /\.xls[xmb]?$/i.test(file) ? 3 * bytes : bytes;
}

/**
 * Worker threads for a run: --jobs as given (never more than the files); by default the available
 * parallelism, as long as each worker gets about BYTES_PER_WORKER of input, else 1 (in process).
 */
export async function jobsFor(
  files: readonly string[],
  jobs: number | undefined,
  cwd: string,
): Promise<number> {
  if (jobs !== undefined) return Math.max(1, Math.min(files.length, jobs));
  if (files.length < 2) return 1;
  let work = 0;
  for (const file of files) {
    try {
      work += workOf(file, (await stat(resolve(cwd, file))).size);
    } catch {
      // missing or unreadable: the reader reports it
    }
  }
  return Math.max(1, Math.min(files.length, availableParallelism(), Math.floor(work / BYTES_PER_WORKER)));
}

/**
 * Validates files on a pool of `threads` workers with the configuration that applies to each, and returns
 * the report the in-process path would return (files in the given order, rates summed over the files).
 * Each worker may use as much heap as this process may, and only the reader's own --timeout-ms bounds a
 * file, so a file that validates in process validates here too.
 */
export async function validateOnPool(
  files: readonly string[],
  opts: ReportCliOptions,
  io: CliIO,
  lang: Lang,
  limits: Limits,
  threads: number,
  onFileDone?: (file: string) => void,
): Promise<Report> {
  // Configurations are found and checked here, file by file, so a bad one ends the run exactly as it
  // does in process (the same error, for the first file it applies to).
  const sessions = new SessionResolver(opts, io.cwd, lang, limits);
  const configs: LoadedConfig[] = [];
  for (const file of files) configs.push((await sessions.forInput(file)).loaded);
  // The pool (piscina) loads only when files go to workers.
  const { CatalogPool, poolReport } = await import('../workers/pool.js');
  const pool = new CatalogPool({
    threads,
    maxQueue: files.length,
    maxWorkerMemoryMb: Math.floor(getHeapStatistics().heap_size_limit / 1024 / 1024),
    taskTimeoutMs: 2 ** 31 - 1,
  });
  try {
    const results = await Promise.all(
      files.map((file, i) => {
        const loaded = configs[i]!;
        const options: TaskOptions = {
          lang,
          config: loaded.config,
          limits,
          ...(loaded.file ? { configFile: loaded.file } : {}),
          ...(opts.kind ? { kind: opts.kind } : {}),
          ...(opts.today ? { today: opts.today } : {}),
          ...(opts.rateSeverities ? { rateSeverities: opts.rateSeverities } : {}),
        };
        const task = pool.validate({ path: resolve(io.cwd, file), name: file }, options);
        return onFileDone ? task.finally(() => onFileDone(file)) : task;
      }),
    );
    return poolReport(results, {
      ...(opts.quiet ? { quiet: true } : {}),
      ...(opts.maxWarnings !== undefined ? { maxWarnings: opts.maxWarnings } : {}),
    });
  } finally {
    await pool.destroy();
  }
}
