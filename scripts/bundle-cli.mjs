// Build step: bundles the command (and the worker task of --jobs) into dist/cli/ with esbuild, after tsc and
// the precompiled validators. One file per command, reader and format instead of hundreds of modules: the
// ES module loader's resolving, reading and linking was about a quarter of a small run's CPU (README
// “Performance”). Packages stay external (node_modules, as installed); the code is tsc's output, unchanged.
import { cpSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const result = await build({
  entryPoints: { run: join(dist, 'src', 'cli', 'run.js'), task: join(dist, 'src', 'workers', 'task.js') },
  outdir: join(dist, 'cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // Keep every module's code: package.json's sideEffects hint is for library users' bundlers.
  ignoreAnnotations: true,
  logLevel: 'warning',
  metafile: true,
});
// The chunks find the precompiled validators next to themselves, as dist/src/schema/ajv.js does.
cpSync(join(dist, 'src', 'schema', 'precompiled'), join(dist, 'cli', 'precompiled'), { recursive: true });
// Which modules each file holds (test/startup.test.ts reads it to tell which modules a run loaded).
const modules = {};
for (const [out, info] of Object.entries(result.metafile.outputs))
  modules[out.replace(/^.*dist\/cli\//, '')] = Object.keys(info.inputs).map((i) =>
    i.replace(/^.*dist\//, ''),
  );
writeFileSync(join(dist, 'cli', 'modules.json'), `${JSON.stringify(modules)}\n`);
