// The messages between the pool (main thread) and its worker threads: plain, structured-cloneable data.
import type { CompileSettings } from '../compile.js';
import type { CodeLock, FileReport, Report, Score } from '../generated/schema-types.js';
import type { MessageId } from '../i18n/index.js';
import type { OutputFormat } from '../io/writers/index.js';
import type { InputFormat } from '../model/types.js';
import type { ReportOptions } from '../pipeline.js';
import type { SeverityCounts } from '../report.js';
import type { SessionOptions } from '../session.js';

/** What a worker reads: bytes already in memory (an upload) or a path it reads itself. */
export type TaskSource =
  | { name: string; bytes: Uint8Array; format?: InputFormat }
  | { path: string; name?: string; format?: InputFormat };

/**
 * The session options that cross a thread boundary: all of SessionOptions but a custom rule registry (functions
 * cannot be cloned; workers use the built-in rules). `today` is filled in by the pool when absent, so cached
 * sessions never go stale.
 */
export type TaskSessionOptions = Omit<SessionOptions, 'rules'>;

/**
 * The serializable part of ValidateOptions a worker needs: the session's options, the rate severities, and a
 * bundled profile by id instead of a profile object.
 */
export interface TaskOptions extends TaskSessionOptions, Pick<ReportOptions, 'countSeverities'> {
  /** A bundled scoring profile id (gx-2021-city …): the result carries its score, as `govcat score`. */
  scoringProfile?: string;
}

/** What compile takes besides the session options: CompileOptions' own settings, plain data all. */
export type CompileTaskOptions = CompileSettings;

/** Render the single-file report in the worker (a built-in format), so the main thread only passes text on. */
export interface RenderOptions {
  format: string;
  quiet?: boolean;
  maxWarnings?: number;
}

/** What a diff task renders: one of the diff formats (stylish, json, markdown, html). */
export interface DiffRenderOptions {
  format: string;
}

/** A task posted to a worker. */
export type Task =
  | { op: 'validate'; id: number; source: TaskSource; options: TaskOptions; render?: RenderOptions }
  | { op: 'compile'; id: number; source: TaskSource; options: TaskOptions; compile: CompileTaskOptions }
  | {
      op: 'diff';
      id: number;
      old: TaskSource;
      new: TaskSource;
      options: TaskOptions;
      render: DiffRenderOptions;
    }
  | { op: 'warm'; id: number; options: TaskOptions };

/** A worker's answer to a validate task: the file's report section and its severity counts. */
export interface ValidateTaskResult {
  report: FileReport;
  counts: SeverityCounts;
  /** The score, when a scoring profile was given. */
  score?: Score;
  /** Epoch milliseconds at which the worker started and finished the task. */
  startedAt: number;
  finishedAt: number;
}

/** A worker's answer to a validate task with `render`: the text, and what logs and status codes need. */
export interface RenderedTaskResult {
  rendered: string;
  /** The file's error when it could not be read (then `rendered` is empty). */
  error?: FileReport['error'];
  entries: number;
  counts: SeverityCounts;
  startedAt: number;
  finishedAt: number;
}

/** A worker's answer to a compile task. */
export interface CompileTaskResult {
  /** The report of the compiled catalog (files[0] carries fixes and codes). */
  report: Report;
  output: Uint8Array;
  format: OutputFormat;
  lock: CodeLock;
  lockChanged: boolean;
  startedAt: number;
  finishedAt: number;
}

/** A worker's answer to a diff task: the rendered diff and what logs and headers need. */
export interface DiffTaskResult {
  rendered: string;
  /** Entries of the old and the new version. */
  entries: { old: number; new: number };
  /** Errors and warnings of the new version, and the errors it adds. */
  counts: SeverityCounts;
  newErrors: number;
  startedAt: number;
  finishedAt: number;
}

/** An input error raised in a worker outside validation (compile, diff), sent back as data. */
export interface TaskInputError {
  inputError: { code: string; messageId: MessageId; data: Record<string, string | number> };
  /** Diff: which version could not be read. */
  side?: 'old' | 'new';
}

/** A configuration error raised in a worker, sent back as data (Error subclasses lose their fields). */
export interface TaskConfigError {
  configError: { code: string; messageId: MessageId; data: Record<string, string | number> };
}

/** Key of the message a worker posts when it starts a task (starts the pool's timeout clock). */
export const STARTED = 'govcat:started';
