// `govcat validate --jobs n`: several files read and validated at once on the worker pool, one file per task.
import { stat } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { LoadedConfig } from '../config/load.js';
import { dataSource, PerSource } from '../data/source.js';
import type { JobCostModel, Limits, Report } from '../generated/schema-types.js';
import { type Lang, translate } from '../i18n/index.js';
import { SCHEMA_IDS } from '../schema/ajv.js';
import { readValidated } from '../seeds/index.js';
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
 * The cost model of the default --jobs: seeds/jobs.json, validated by schemas/seeds/jobs.schema.json. Its
 * constants are measured (its `basis` says how; `node bench/run.mjs --only jobs` prints its own measurements
 * next to them each run):
 * - `cpuMsPerMiB`: CPU time (all threads) of validating one MiB of input on one thread, by format;
 * - `coresPerFile`: cores one file keeps busy on its own (an xlsx is inflated on libuv threads: about 1.25);
 * - `poolStartMs`: the wall time a pool adds before its first file (piscina, workers loading the modules);
 * and its thresholds are chosen: `margin` (how much faster the pool must be predicted), `sampleMs` and
 * `sampleWorth` (when and how long the CPU is sampled, see jobsFor).
 */
export type JobCost = JobCostModel;

const costs = new PerSource<JobCost>();

/** The cost model from the installed data source (seeds/jobs.json), read and checked once. */
export function jobCost(): JobCost {
  const source = dataSource();
  return costs.get(source, () => readValidated<JobCost>(source, 'seeds/jobs.json', SCHEMA_IDS.jobs));
}

/** One input as the model sees it: its format (by extension) and its size. */
export interface JobInput {
  format: string;
  bytes: number;
}

/** CPU milliseconds the model predicts for validating a file (formats it does not know count as CSV). */
export function predictedCpuMs(input: JobInput, cost: JobCost = jobCost()): number {
  return ((cost.cpuMsPerMiB[input.format] ?? cost.cpuMsPerMiB.csv!) * input.bytes) / 1048576;
}

/** Wall milliseconds the model predicts for a file validated on one thread with `free` cores to run on. */
export function predictedMs(
  input: JobInput,
  free = Number.POSITIVE_INFINITY,
  cost: JobCost = jobCost(),
): number {
  const cores = cost.coresPerFile[input.format] ?? cost.coresPerFile.csv!;
  return predictedCpuMs(input, cost) / Math.max(1, Math.min(cores, free));
}

/**
 * Predicted wall time of these inputs on `threads` threads (1: in process; more: a pool) on a machine with
 * `cores` cores of which `load` are busy with other work. Free cores are never counted below one. One thread
 * runs the files one after another, each on as many cores as it keeps busy alone; a pool pays its start-up,
 * then runs `threads` files at once on at most the free cores, and cannot end before its longest file.
 */
export function predictedWallMs(
  inputs: readonly JobInput[],
  threads: number,
  machine: { cores: number; load: number },
  cost: JobCost = jobCost(),
): number {
  const free = Math.max(1, machine.cores - Math.max(0, machine.load));
  const alone = inputs.map((i) => predictedMs(i, free, cost));
  const serial = alone.reduce((a, b) => a + b, 0);
  if (threads <= 1 || serial === 0) return serial;
  const cpu = inputs.reduce((ms, i) => ms + predictedCpuMs(i, cost), 0);
  const coresEach = cpu / serial;
  return cost.poolStartMs + Math.max(cpu / Math.min(free, threads * coresEach), Math.max(...alone));
}

/**
 * The default number of threads for these inputs on a machine with `cores` cores of which `load` are busy
 * with other work: the count whose predicted wall time is lowest, when it is at most `margin` of one thread's;
 * else 1. Never more threads than files or cores. Pure, so tests can give it any machine.
 */
export function planJobs(
  inputs: readonly JobInput[],
  machine: { cores: number; load: number },
  cost: JobCost = jobCost(),
): number {
  if (inputs.length < 2) return 1;
  const one = predictedWallMs(inputs, 1, machine, cost);
  let best = 1;
  let bestMs = one;
  for (let p = 2; p <= Math.min(inputs.length, machine.cores); p++) {
    const ms = predictedWallMs(inputs, p, machine, cost);
    if (ms < bestMs) {
      best = p;
      bestMs = ms;
    }
  }
  return best > 1 && bestMs <= one * cost.margin ? best : 1;
}

/** The model's format of a file: its extension, lower-case, without the dot (xlsm counts as xlsx). */
function formatOf(file: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  return ext === 'xlsm' ? 'xlsx' : ext;
}

/** The machine as the default --jobs sees it; the CLI's is `hostMachine`, tests give their own. */
export interface MachineProbe {
  cores(): number;
  /** The one-minute load average: free to read, but it lags a minute and counts processes that have ended. */
  loadAverage(): number;
  /** Cores kept busy by other processes over the next `ms` milliseconds (this process's own CPU left out). */
  sampleBusy(ms: number): Promise<number>;
}

/** Busy CPU time of all cores in ms (user, nice, system, irq). */
function busyCpuMs(): number {
  let busy = 0;
  for (const { times } of cpus()) busy += times.user + times.nice + times.sys + times.irq;
  return busy;
}

/**
 * Cores busy with other processes between two readings of the machine's CPU times (`busy`, ms over all cores),
 * given this process's own CPU time and the wall time between the readings. Never below 0.
 */
export function othersBusy(busyMs: number, ownCpuMs: number, wallMs: number): number {
  return wallMs > 0 ? Math.max(0, (busyMs - ownCpuMs) / wallMs) : 0;
}

/** This machine: its cores, its load average and a short sample of its CPU times. */
export const hostMachine: MachineProbe = {
  cores: () => availableParallelism(),
  loadAverage: () => loadavg()[0] ?? 0,
  async sampleBusy(ms) {
    const before = busyCpuMs();
    const own = process.cpuUsage();
    const start = performance.now();
    await new Promise((done) => setTimeout(done, ms));
    const busy = busyCpuMs() - before;
    const mine = process.cpuUsage(own);
    return othersBusy(busy, (mine.user + mine.system) / 1000, performance.now() - start);
  },
};

/**
 * Worker threads for a run: --jobs as given (never more than the files); by default the cost model's
 * choice (planJobs) for these files' sizes on this machine's cores and the cores other processes keep busy.
 *
 * The machine is read only as far as the decision needs: when even an idle machine would not repay a pool
 * (small files, one file, one core), nothing is read and the run takes the path of --jobs 1. Otherwise the load
 * average decides when it leaves the cores free; when it says they are busy — which it also says for a minute
 * after earlier runs have ended, e.g. the previous file of a script — the CPU is sampled for
 * `sampleMs` and that decides, but only when the run is predicted long enough that the sample costs at
 * most `1 / sampleWorth` of it.
 */
export async function jobsFor(
  files: readonly string[],
  jobs: number | undefined,
  cwd: string,
  machine: MachineProbe = hostMachine,
  model?: JobCost,
): Promise<number> {
  if (jobs !== undefined) return Math.max(1, Math.min(files.length, jobs));
  if (files.length < 2) return 1;
  const cost = model ?? jobCost();
  const inputs: JobInput[] = [];
  for (const file of files) {
    try {
      inputs.push({ format: formatOf(file), bytes: (await stat(resolve(cwd, file))).size });
    } catch {
      // missing or unreadable: the reader reports it
    }
  }
  const cores = machine.cores();
  const idle = planJobs(inputs, { cores, load: 0 }, cost);
  if (idle === 1) return 1;
  const byAverage = planJobs(inputs, { cores, load: machine.loadAverage() }, cost);
  if (byAverage === idle) return idle;
  if (predictedWallMs(inputs, 1, { cores, load: 0 }, cost) < cost.sampleMs * cost.sampleWorth)
    return byAverage;
  return planJobs(inputs, { cores, load: await machine.sampleBusy(cost.sampleMs) }, cost);
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
