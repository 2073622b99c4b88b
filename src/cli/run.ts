// The CLI entry: `--version` answers at once; anything else loads the program (and only the commands it needs).

import { GOVCAT_VERSION } from '../version.js';
import { type CliIO, EXIT } from './io.js';

/** Runs govcat with `argv` (without node and script). Never throws; returns 0, 1 or 2. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  // What commander prints for --version, without loading commander, the messages or any command.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout.write(`${GOVCAT_VERSION}\n`);
    return EXIT.ok;
  }
  const { runProgram } = await import('./program.js');
  return runProgram(argv, io);
}
