// A worker-thread pool (piscina) that reads and validates catalogs off the main thread, with a per-task
// timeout that terminates a hung worker, a heap cap per worker and a bounded queue.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { CatalogInputError, ConfigError, type ConfigErrorCode, type InputErrorCode } from '../errors.js';
import type { CodeLock, FileReport, Report, Score } from '../generated/schema-types.js';
import { formatFromName } from '../io/readers/index.js';
import type { OutputFormat } from '../io/writers/index.js';
import { resolveLimits } from '../limits.js';
import { packageRoot } from '../paths.js';
import { assembleReport } from '../pipeline.js';
import { errorFileReport, type SeverityCounts } from '../report.js';
import { resolveLang, withToday } from '../session.js';
import {
  type CompileTaskOptions,
  type CompileTaskResult,
  type DiffRenderOptions,
  type DiffTaskResult,
  type RenderedTaskResult,
  type RenderOptions,
  STARTED,
  type Task,
  type TaskConfigError,
  type TaskInputError,
  type TaskOptions,
  type TaskSource,
  type ValidateTaskResult,
} from './protocol.js';

export type {
  CompileTaskOptions,
  DiffRenderOptions,
  RenderOptions,
  TaskOptions,
  TaskSource,
} from './protocol.js';
export { poolReport } from './report.js';

/** Options of a pool. Every bound has a default; `0` for maxQueue means “no waiting: reject when busy”. */
export interface PoolOptions {
  /** Worker threads, i.e. files read and validated at once (default: the machine's available parallelism). */
  threads?: number;
  /** Tasks that may wait for a free worker (default 4 × threads). Beyond it, `PoolSaturatedError`. */
  maxQueue?: number;
  /**
   * Wall time of one task once a worker has started it, in ms; the worker is terminated when it is
   * exceeded. Default: the task's `limits.timeoutMs` (config and options), else 120000.
   */
  taskTimeoutMs?: number;
  /** Heap cap of each worker in MiB (V8 old generation, via worker `resourceLimits`; default 2048). */
  maxWorkerMemoryMb?: number;
  /** Keep this many workers alive while idle (default 0: workers exit after `idleTimeoutMs`). */
  minThreads?: number;
  /** How long an idle worker above `minThreads` lives, in ms (default 10000). */
  idleTimeoutMs?: number;
  /** The worker module (default: the built `dist/src/workers/task.js`). */
  workerFile?: string;
}

/** Per-call options of `validate`. */
export interface RunOptions {
  /** Aborts the task: removed from the queue if waiting, its worker terminated if running. */
  signal?: AbortSignal;
  /** Called once when a worker starts reading (after any time in the queue), at the latest with the result. */
  onStart?: () => void;
}

/** One file's outcome: the FileResult's report section and counts, plus timings. */
export interface PoolFileResult {
  report: FileReport;
  counts: SeverityCounts;
  /** The score, when the task named a scoring profile. */
  score?: Score;
  /** Epoch ms when a worker started the task and when it finished (or was stopped). */
  startedAt: number;
  finishedAt: number;
  /** Milliseconds spent waiting in the queue. */
  waitMs: number;
  /** Set when the worker was terminated: the time or memory cap was hit. */
  stopped?: 'timeout' | 'memory';
}

/** One rendered validation: the report as text, or the file's error. */
export interface PoolRenderResult {
  rendered: string;
  error?: FileReport['error'];
  entries: number;
  counts: SeverityCounts;
  startedAt: number;
  finishedAt: number;
  waitMs: number;
  stopped?: 'timeout' | 'memory';
}

/** One compile's outcome: the compiled catalog (absent when the source could not be compiled) and its report. */
export interface PoolCompileResult {
  /** The report of the compiled catalog; `files[0].error` when there is no output. */
  report: Report;
  output?: Uint8Array;
  format?: OutputFormat;
  /** The lock updated with every code of the catalog. */
  lock?: CodeLock;
  lockChanged?: boolean;
  startedAt: number;
  finishedAt: number;
  waitMs: number;
  stopped?: 'timeout' | 'memory';
}

/** One rendered diff of two versions: the text, or the error of the version that could not be read. */
export interface PoolDiffResult {
  rendered: string;
  error?: FileReport['error'];
  /** Which version the error is about (absent when the task as a whole was stopped). */
  side?: 'old' | 'new';
  entries: { old: number; new: number };
  /** Errors and warnings of the new version. */
  counts: SeverityCounts;
  /** Errors the new version adds. */
  newErrors: number;
  startedAt: number;
  finishedAt: number;
  waitMs: number;
  stopped?: 'timeout' | 'memory';
}

/** Live numbers of a pool, e.g. for a health check. */
export interface PoolStats {
  threads: number;
  running: number;
  queued: number;
  completed: number;
}

/** Thrown by `validate` when every worker is busy and the queue is full. */
export class PoolSaturatedError extends Error {
  constructor() {
    super('worker pool saturated: every worker is busy and the queue is full');
    this.name = 'PoolSaturatedError';
  }
}

/** Thrown by `validate` after the pool was closed. */
export class PoolClosedError extends Error {
  constructor() {
    super('worker pool closed');
    this.name = 'PoolClosedError';
  }
}

/** The worker module: next to this file when built, the built copy when running from TypeScript sources. */
export function defaultWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return join(packageRoot(), 'dist', 'src', 'workers', 'task.js');
  return join(dirname(here), 'task.js');
}

const DEFAULT_WORKER_MEMORY_MB = 2048;
const MiB = 1024 * 1024;

/**
 * Heap a worker needs to parse a text upload of `bytes` bytes in one go (the decoded string plus the parsed
 * values come to about 2.5 × the bytes for JSON), plus what a worker holds after start-up (about 20 MiB).
 * JSON.parse and text decoding cannot be interrupted when they pass the heap cap: V8 then fails the whole
 * process, not just the worker. So a text file that cannot fit is refused before it reaches a worker.
 */
export function heapNeededMb(bytes: number): number {
  return Math.ceil((3 * bytes) / MiB) + 32;
}

const TEXT_FORMATS = new Set(['json', 'jsonl', 'csv', 'xml']);

const NO_COUNTS: SeverityCounts = { error: 0, warning: 0, info: 0 };

/** An outcome without a result: the file's error report and timings. */
interface Failure {
  report: FileReport;
  startedAt: number;
  finishedAt: number;
  waitMs: number;
  stopped?: 'timeout' | 'memory';
}

function formatOf(source: TaskSource): FileReport['format'] {
  return source.format ?? formatFromName(sourceName(source)) ?? 'unknown';
}

function sourceName(source: TaskSource): string {
  return 'bytes' in source ? source.name : (source.name ?? source.path);
}

function isConfigError(value: unknown): value is TaskConfigError {
  return typeof value === 'object' && value !== null && 'configError' in value;
}

/**
 * A pool of worker threads that read and validate one catalog per task. Create it once and reuse it
 * (each worker caches its compiled schemas and sessions); `close()` when done.
 */
export class CatalogPool {
  readonly threads: number;
  readonly maxQueue: number;
  readonly maxWorkerMemoryMb: number;
  readonly #piscina: Piscina<
    Task,
    | ValidateTaskResult
    | RenderedTaskResult
    | CompileTaskResult
    | DiffTaskResult
    | TaskInputError
    | TaskConfigError
    | null
  >;
  readonly #taskTimeoutMs: number | undefined;
  readonly #started = new Map<number, () => void>();
  #nextId = 0;
  #running = 0;
  #inflight = 0;
  #closed = false;

  constructor(options: PoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
    this.maxQueue = Math.max(0, Math.floor(options.maxQueue ?? 4 * this.threads));
    this.maxWorkerMemoryMb = options.maxWorkerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB;
    this.#taskTimeoutMs = options.taskTimeoutMs;
    this.#piscina = new Piscina({
      filename: options.workerFile ?? defaultWorkerFile(),
      minThreads: Math.min(this.threads, Math.max(0, options.minThreads ?? 0)),
      maxThreads: this.threads,
      // A backstop only: validate() enforces threads + maxQueue itself.
      maxQueue: this.maxQueue + this.threads,
      idleTimeout: options.idleTimeoutMs ?? 10_000,
      resourceLimits: { maxOldGenerationSizeMb: this.maxWorkerMemoryMb },
      // The service answers 503 itself; piscina's own FIFO queue is the bounded wait.
      concurrentTasksPerWorker: 1,
    });
    this.#piscina.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && STARTED in message) {
        this.#started.get((message as Record<string, number>)[STARTED]!)?.();
      }
    });
    // A worker that dies while idle emits 'error'; piscina replaces it. Tasks get their own errors.
    this.#piscina.on('error', () => {});
  }

  /** Numbers for health checks and logs. */
  stats(): PoolStats {
    return {
      threads: this.threads,
      running: this.#running,
      queued: this.#inflight - this.#running,
      completed: this.#piscina.completed,
    };
  }

  /** Starts every worker and builds its session (schemas, seeds, rules) so the first request is not slow. */
  async warm(options: TaskOptions = {}): Promise<void> {
    const tasks: Promise<unknown>[] = [];
    for (let i = 0; i < this.threads; i++) {
      tasks.push(this.#piscina.run({ op: 'warm', id: ++this.#nextId, options: this.#taskOptions(options) }));
    }
    const results = await Promise.all(tasks);
    for (const r of results) if (isConfigError(r)) throw this.#configError(r);
  }

  /**
   * Reads and validates one source in a worker. Resolves with the file's report section, which carries
   * `error` when the file cannot be read — including when the worker was stopped by the time or memory
   * cap. Rejects with PoolSaturatedError when the queue is full, ConfigError on a bad configuration,
   * and the signal's AbortError when aborted.
   */
  async validate(
    source: TaskSource,
    options: TaskOptions = {},
    run: RunOptions = {},
  ): Promise<PoolFileResult> {
    return this.#admit(async () => {
      const taskOptions = this.#taskOptions(options);
      const outcome = await this.#run<ValidateTaskResult>(
        (id) => ({ op: 'validate', id, source, options: taskOptions }),
        source,
        taskOptions,
        run,
      );
      if ('failure' in outcome) return { ...outcome.failure, counts: { error: 0, warning: 0, info: 0 } };
      const { result, waitMs } = outcome;
      return { ...result, waitMs };
    });
  }

  /**
   * Validates one source and renders its report in the worker with a built-in format (as `validate` and
   * poolReport would, then the formatter): the main thread receives text, not a report to serialize —
   * what a service answering big reports wants. An unreadable file comes back as `error`, with no text.
   */
  async render(
    source: TaskSource,
    options: TaskOptions,
    render: RenderOptions,
    run: RunOptions = {},
  ): Promise<PoolRenderResult> {
    return this.#admit(async () => {
      const taskOptions = this.#taskOptions(options);
      const outcome = await this.#run<RenderedTaskResult>(
        (id) => ({ op: 'validate', id, source, options: taskOptions, render }),
        source,
        taskOptions,
        run,
      );
      if ('failure' in outcome) {
        const { report, ...rest } = outcome.failure;
        return { ...rest, rendered: '', error: report.error, entries: 0, counts: NO_COUNTS };
      }
      return { ...outcome.result, waitMs: outcome.waitMs };
    });
  }

  /**
   * Compiles one source in a worker (see compileCatalog): the output bytes, the report of the compiled
   * catalog and the updated lock. When the source cannot be read or compiled, or the worker was stopped,
   * there is no output and `report.files[0].error` says why. Rejects like `validate`.
   */
  async compile(
    source: TaskSource,
    options: TaskOptions = {},
    compile: CompileTaskOptions = {},
    run: RunOptions = {},
  ): Promise<PoolCompileResult> {
    return this.#admit(async () => {
      const taskOptions = this.#taskOptions(options);
      const outcome = await this.#run<CompileTaskResult | TaskInputError>(
        (id) => ({ op: 'compile', id, source, options: taskOptions, compile }),
        source,
        taskOptions,
        run,
      );
      const single = (file: FileReport) => assembleReport([{ report: file, counts: NO_COUNTS }]);
      if ('failure' in outcome) {
        const { report, ...rest } = outcome.failure;
        return { ...rest, report: single(report) };
      }
      const { result, waitMs } = outcome;
      if ('inputError' in result) {
        const { code, messageId, data } = result.inputError;
        const error = new CatalogInputError(code as InputErrorCode, messageId, data);
        const now = Date.now();
        return {
          report: single(
            errorFileReport(sourceName(source), error, resolveLang(taskOptions), formatOf(source)),
          ),
          startedAt: now,
          finishedAt: now,
          waitMs,
        };
      }
      return { ...result, waitMs };
    });
  }

  /**
   * Reads, validates and diffs two versions in one worker (as `govcat diff`: one session for both, the score
   * under `options.scoringProfile`), rendering the diff there. The two text files together must fit the heap
   * as one would; the time cap covers the whole task. A version that cannot be read comes back as `error`
   * with its `side`; rejects like `validate`.
   */
  async diff(
    before: TaskSource,
    after: TaskSource,
    options: TaskOptions,
    render: DiffRenderOptions,
    run: RunOptions = {},
  ): Promise<PoolDiffResult> {
    return this.#admit(async () => {
      const taskOptions = this.#taskOptions(options);
      // One name for errors about the task as a whole (time and memory caps).
      const both: TaskSource = {
        name: `${sourceName(before)} → ${sourceName(after)}`,
        bytes: new Uint8Array(0),
      };
      const empty = { rendered: '', entries: { old: 0, new: 0 }, counts: NO_COUNTS, newErrors: 0 };
      const tooLarge = await this.#pairTooLargeForHeap(before, after, both);
      if (tooLarge) {
        const { report, ...rest } = this.#failure(both, taskOptions, tooLarge, Date.now(), 0);
        return { ...rest, ...empty, error: report.error };
      }
      const outcome = await this.#run<DiffTaskResult | TaskInputError>(
        (id) => ({ op: 'diff', id, old: before, new: after, options: taskOptions, render }),
        both,
        taskOptions,
        run,
      );
      if ('failure' in outcome) {
        const { report, ...rest } = outcome.failure;
        return { ...rest, ...empty, error: report.error };
      }
      const { result, waitMs } = outcome;
      if ('inputError' in result) {
        const { code, messageId, data } = result.inputError;
        const source = result.side === 'old' ? before : after;
        const error = new CatalogInputError(code as InputErrorCode, messageId, data);
        const file = errorFileReport(sourceName(source), error, resolveLang(taskOptions), formatOf(source));
        const now = Date.now();
        return {
          ...empty,
          error: file.error,
          ...(result.side ? { side: result.side } : {}),
          startedAt: now,
          finishedAt: now,
          waitMs,
        };
      }
      return { ...result, waitMs };
    });
  }

  /** Counts a call against threads + maxQueue before anything asynchronous (so concurrent calls cannot all pass). */
  async #admit<R>(work: () => Promise<R>): Promise<R> {
    if (this.#closed) throw new PoolClosedError();
    // Counted here rather than by piscina, whose limit also depends on how many workers are still starting.
    if (this.#inflight >= this.threads + this.maxQueue) throw new PoolSaturatedError();
    this.#inflight++;
    try {
      return await work();
    } finally {
      this.#inflight--;
    }
  }

  /**
   * Runs one task: refuses up front a text file too big to parse within the heap, starts the time cap when
   * the worker starts reading, and turns a stopped worker into a `failure` (an error file report).
   */
  async #run<R extends { startedAt: number } | TaskInputError>(
    makeTask: (id: number) => Task,
    source: TaskSource,
    taskOptions: TaskOptions,
    run: RunOptions,
  ): Promise<{ result: R; waitMs: number } | { failure: Failure }> {
    const submittedAt = Date.now();
    const tooLarge = await this.#tooLargeForHeap(source, taskOptions);
    if (tooLarge) return { failure: this.#failure(source, taskOptions, tooLarge, submittedAt, 0) };
    const limits = resolveLimits(taskOptions.config?.limits, taskOptions.limits);
    const timeoutMs = this.#taskTimeoutMs ?? limits.timeoutMs;
    const id = ++this.#nextId;
    const controller = new AbortController();
    let startedAt = 0;
    let stopped: 'timeout' | 'memory' | undefined;
    let timer: NodeJS.Timeout | undefined;
    const markStarted = (): boolean => {
      if (startedAt) return false;
      startedAt = Date.now();
      this.#running++;
      run.onStart?.();
      return true;
    };
    this.#started.set(id, () => {
      if (!markStarted()) return;
      timer = setTimeout(() => {
        stopped = 'timeout';
        controller.abort();
      }, timeoutMs);
    });
    const onAbort = () => controller.abort(run.signal?.reason);
    if (run.signal?.aborted) onAbort();
    else run.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await this.#piscina.run(makeTask(id), { signal: controller.signal });
      // The start message and the result travel on different ports; a quick task's result may come first.
      markStarted();
      if (isConfigError(result)) throw this.#configError(result);
      if (!result) throw new Error('worker returned no result');
      const r = result as unknown as R;
      const waitMs = 'startedAt' in r ? Math.max(0, r.startedAt - submittedAt) : 0;
      return { result: r, waitMs };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') stopped = 'memory';
      if (stopped) {
        const file = sourceName(source);
        const error =
          stopped === 'timeout'
            ? new CatalogInputError('input/timeout', 'worker.timeout', { file, limit: timeoutMs })
            : new CatalogInputError('input/limit', 'worker.memory', { file, limit: this.maxWorkerMemoryMb });
        return { failure: { ...this.#failure(source, taskOptions, error, submittedAt, startedAt), stopped } };
      }
      const message = (err as Error).message;
      if (
        message === 'Task queue is at limit' ||
        message === 'No task queue available and all Workers are busy'
      )
        throw new PoolSaturatedError();
      if (this.#closed && (err as Error).name === 'AbortError' && !run.signal?.aborted)
        throw new PoolClosedError();
      throw err;
    } finally {
      clearTimeout(timer);
      if (startedAt) this.#running--;
      this.#started.delete(id);
      run.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Waits for running and queued tasks, then stops the workers. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#piscina.close();
  }

  /** Stops every worker now; pending tasks reject. */
  async destroy(): Promise<void> {
    this.#closed = true;
    await this.#piscina.destroy();
  }

  /** The input error of a text source too big to parse within the heap cap, or undefined. */
  async #tooLargeForHeap(source: TaskSource, _options: TaskOptions): Promise<CatalogInputError | undefined> {
    const format = formatOf(source);
    if (!TEXT_FORMATS.has(format)) return undefined;
    let size: number;
    if ('bytes' in source) size = source.bytes.byteLength;
    else {
      try {
        size = (await stat(source.path)).size;
      } catch {
        return undefined; // the worker reports a missing or unreadable file
      }
    }
    if (heapNeededMb(size) <= this.maxWorkerMemoryMb) return undefined;
    return new CatalogInputError('input/limit', 'worker.tooLarge', {
      file: sourceName(source),
      size,
      limit: this.maxWorkerMemoryMb,
      needed: heapNeededMb(size),
    });
  }

  /** The input error when two text sources together are too big to parse within the heap cap. */
  async #pairTooLargeForHeap(
    before: TaskSource,
    after: TaskSource,
    both: TaskSource,
  ): Promise<CatalogInputError | undefined> {
    let size = 0;
    for (const source of [before, after]) {
      if (!TEXT_FORMATS.has(formatOf(source))) continue;
      if ('bytes' in source) size += source.bytes.byteLength;
      else
        size += await stat(source.path).then(
          (s) => s.size,
          () => 0,
        );
    }
    if (heapNeededMb(size) <= this.maxWorkerMemoryMb) return undefined;
    return new CatalogInputError('input/limit', 'worker.tooLarge', {
      file: sourceName(both),
      size,
      limit: this.maxWorkerMemoryMb,
      needed: heapNeededMb(size),
    });
  }

  #failure(
    source: TaskSource,
    options: TaskOptions,
    error: CatalogInputError,
    submittedAt: number,
    startedAt: number,
  ): Failure {
    const now = Date.now();
    return {
      report: errorFileReport(sourceName(source), error, resolveLang(options), formatOf(source)),
      startedAt: startedAt || now,
      finishedAt: now,
      waitMs: Math.max(0, (startedAt || now) - submittedAt),
    };
  }

  #taskOptions(options: TaskOptions): TaskOptions {
    return withToday(options);
  }

  #configError(result: TaskConfigError): ConfigError {
    const { code, messageId, data } = result.configError;
    return new ConfigError(code as ConfigErrorCode, messageId, data);
  }
}
