// A progress bar on standard error for long runs over several files (cli-progress): only on a terminal,
// only once a run has taken a while, and gone before the report is printed.
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import { escapeControls } from '../formatters/terminal.js';
import { type Lang, translate } from '../i18n/index.js';
import type { CliIO, TextSink } from './io.js';

/** cli-progress, required when a bar first appears (most runs never show one). */
function cliProgress(): typeof CliProgress {
  return createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
}

/** How long a run goes before the bar appears: a quick run (a pre-commit hook) never shows one. */
export const PROGRESS_DELAY_MS = 1000;

/** Progress of a run: a file begun, a file done, the end (always call stop: the bar holds a timer). */
export interface Progress {
  begin(file: string): void;
  done(file: string): void;
  stop(): void;
}

const SILENT: Progress = { begin() {}, done() {}, stop() {} };

/** Timers, injectable for tests. */
export interface ProgressOptions {
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Starts the progress of a run over `total` files on `stream`. Silent unless the stream is a terminal; the
 * bar appears after `delayMs` if the run is still going (at once with 0), and is cleared by `stop()`. File
 * names are shown with control characters escaped.
 */
export function startProgress(
  stream: TextSink,
  total: number,
  lang: Lang,
  options: ProgressOptions = {},
): Progress {
  if (stream.isTTY !== true || total === 0) return SILENT;
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms).unref());
  const clearTimer = options.clearTimer ?? ((t: unknown) => clearTimeout(t as NodeJS.Timeout));
  let completed = 0;
  let file = '';
  let bar: CliProgress.SingleBar | undefined;
  let stopped = false;
  const appear = () => {
    if (stopped) return;
    const { SingleBar, Presets } = cliProgress();
    bar = new SingleBar(
      {
        stream: stream as unknown as NodeJS.WritableStream,
        format: translate(lang, 'progress.files'),
        barsize: 24,
        clearOnComplete: true,
        hideCursor: false,
        linewrap: false,
      },
      Presets.shades_classic,
    );
    bar.start(total, completed, { file });
  };
  const delay = options.delayMs ?? PROGRESS_DELAY_MS;
  const timer = delay > 0 ? setTimer(appear, delay) : undefined;
  if (delay <= 0) appear();
  const show = (name: string) => {
    file = escapeControls(name);
    bar?.update(completed, { file });
  };
  return {
    begin: show,
    done(name) {
      completed++;
      show(name);
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimer(timer);
      bar?.stop();
    },
  };
}

/** Runs `work` with a progress over `files` on standard error, and clears the bar when it ends, however it ends. */
export async function withProgress<T>(
  io: Pick<CliIO, 'stderr' | 'progressDelayMs'>,
  files: readonly string[],
  lang: Lang,
  work: (progress: Progress) => Promise<T>,
): Promise<T> {
  const progress = startProgress(io.stderr, files.length, lang, {
    ...(io.progressDelayMs !== undefined ? { delayMs: io.progressDelayMs } : {}),
  });
  try {
    return await work(progress);
  } finally {
    progress.stop();
  }
}

/** A per-file step that tells the progress when its file begins and ends. */
export function tracked<Rest extends unknown[], R>(
  progress: Progress,
  step: (file: string, ...rest: Rest) => Promise<R>,
): (file: string, ...rest: Rest) => Promise<R> {
  return async (file, ...rest) => {
    progress.begin(file);
    try {
      return await step(file, ...rest);
    } finally {
      progress.done(file);
    }
  };
}
