// The CLI's view of the outside world, injected so tests can run the CLI in-process.

/** A writable stream: text, or bytes for outputs written to standard output (`compile -o -`). */
export interface TextSink {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  /** Width of a terminal, when it is one. */
  columns?: number;
}

/** Streams, environment and working directory of one CLI run. */
export interface CliIO {
  stdout: TextSink;
  stderr: TextSink;
  env: Record<string, string | undefined>;
  cwd: string;
  /** How long a run goes before a progress bar appears on a terminal stderr (default 1000 ms; 0: at once). */
  progressDelayMs?: number;
}

/** Exit codes (README “Exit codes”). */
export const EXIT = {
  /** No finding of severity error (and warnings within --max-warnings). */
  ok: 0,
  /** Findings of severity error, or more warnings than --max-warnings. */
  findings: 1,
  /** Usage error, bad configuration, or an input that cannot be read. */
  usage: 2,
} as const;

/** Whether colours may be used on a stream: a TTY, and NO_COLOR not set (https://no-color.org). */
export function useColor(sink: TextSink, env: CliIO['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return sink.isTTY === true;
}
