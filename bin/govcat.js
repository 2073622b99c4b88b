#!/usr/bin/env node
// The bundled command (scripts/bundle-cli.mjs): the same code as dist/src, in fewer files.
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
