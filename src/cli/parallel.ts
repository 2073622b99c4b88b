// `govcat validate --jobs n`: several files read and validated at once on the worker pool, one file per task.
import { stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { LoadedConfig } from '../config/load.js';
import type { Limits, Report } from '../generated/schema-types.js';
import { type Lang, translate } from '../i18n/index.js';
import type { TaskOptions } from '../workers/pool.js';
import type { CliIO } from './io.js';
import type { ReportCliOptions } from './report-command.js';
import { SessionResolver, wholeNumber } from './shared.js';

/** The --jobs option: files validated at once on worker threads. */
export function jobsOption(lang: Lang): Option {
  return new Option(
    '-j, --jobs <n>',
    translate(lang, 'cli.optionJobs', { cores: availableParallelism() }),
  ).argParser(wholeNumber('--jobs', 1));
}

/**
 * The cost model of the default --jobs, from `npm run bench` on a 2-core machine (CPU of one thread, medians;
 * `node bench/run.mjs --only jobs` prints the per-MiB costs it measures next to these, README “Performance”):
 * validating costs about 1,600 ms per MiB of xlsx (compressed, and inflated on libuv threads), 440 ms per
 * MiB of CSV and 290 ms per MiB of JSON (xls and xml are counted as xlsx and CSV); a worker pays about
 * 400 ms to load the modules and warm up its compiled code before its first file; one file already keeps
 * about 1.25 cores busy (inflate threads, parallel garbage collection), so two workers on two cores run
 * about 1.6 files' worth at once, not 2.
 */
export const JOB_COST = {
  msPerMiB: { xlsx: 1600, xls: 1600, csv: 440, json: 290, jsonl: 290, xml: 440 } as Record<string, number>,
  workerStartMs: 400,
  coresPerFile: 1.25,
  /** The pool must be predicted this much faster than one thread before the default uses it. */
  margin: 0.8,
};

/** One input as the model sees it: its format (by extension) and its size. */
export interface JobInput {
  format: string;
  bytes: number;
}

/** Milliseconds of one thread the model predicts for a file. */
export function predictedMs(input: JobInput, cost = JOB_COST): number {
  return ((cost.msPerMiB[input.format] ?? cost.msPerMiB.csv!) * input.bytes) / 1048576;
}

/**
 * The default number of threads for these inputs on a machine with `cores` cores of which `load` (the
 * one-minute load average) are busy with other work: the count whose predicted wall time is lowest, when
 * it beats one thread by the model's margin; else 1. Pure, so tests can give it any machine.
 */
export function planJobs(
  inputs: readonly JobInput[],
  machine: { cores: number; load: number },
  cost = JOB_COST,
): number {
  if (inputs.length < 2) return 1;
  const times = inputs.map((i) => predictedMs(i, cost));
  const total = times.reduce((a, b) => a + b, 0);
  const longest = Math.max(...times);
  const free = Math.max(1, Math.min(machine.cores, machine.cores - Math.round(machine.load)));
  let best = 1;
  let bestMs = total;
  for (let p = 2; p <= Math.min(inputs.length, machine.cores); p++) {
    const parallel = Math.max(1, Math.min(p, free / cost.coresPerFile));
    const ms = cost.workerStartMs + Math.max(total / parallel, longest);
    if (ms < bestMs) {
      best = p;
      bestMs = ms;
    }
  }
  return best > 1 && bestMs <= total * cost.margin ? best : 1;
}

/** The model's format of a file: its extension, lower-case, without the dot (xlsm counts as xlsx). */
function formatOf(file: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  return ext === 'xlsm' ? 'xlsx' : ext;
}

/**
 * Worker threads for a run: --jobs as given (never more than the files); by default the cost model's
 * choice (planJobs) for these files' sizes on this machine's cores and current load.
 */
export async function jobsFor(
  files: readonly string[],
  jobs: number | undefined,
  cwd: string,
): Promise<number> {
  if (jobs !== undefined) return Math.max(1, Math.min(files.length, jobs));
  if (files.length < 2) return 1;
  const inputs: JobInput[] = [];
  for (const file of files) {
    try {
      inputs.push({ format: formatOf(file), bytes: (await stat(resolve(cwd, file))).size });
    } catch {
      // missing or unreadable: the reader reports it
    }
  }
  return planJobs(inputs, { cores: availableParallelism(), load: loadavg()[0] ?? 0 });
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
  // The pool (piscina) and node:v8 load only when files go to workers.
  const { CatalogPool, poolReport } = await import('../workers/pool.js');
  const { getHeapStatistics } = await import('node:v8');
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
          ...(opts.rateSeverities ? { countSeverities: opts.rateSeverities } : {}),
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
