// Runs the CLI in-process with captured streams.
import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `govcat argv…` in `cwd` with an environment (NO_COLOR by default). */
export async function runCli(
  argv: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    tty?: boolean;
    /** Milliseconds before a progress bar appears on the (pseudo) terminal; default: the CLI's own. */
    progressDelayMs?: number;
  } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const text = (chunk: string | Uint8Array) =>
    typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  const code = await run(argv, {
    stdout: { write: (s: string | Uint8Array) => (stdout += text(s)), isTTY: options.tty ?? false },
    stderr: { write: (s: string | Uint8Array) => (stderr += text(s)), isTTY: options.tty ?? false },
    env: options.env ?? { NO_COLOR: '1' },
    cwd: options.cwd ?? process.cwd(),
    ...(options.progressDelayMs !== undefined ? { progressDelayMs: options.progressDelayMs } : {}),
  });
  return { code, stdout, stderr };
}
