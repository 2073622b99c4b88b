// Build step: bundles the command (and the worker task of --jobs) into dist/cli/ with esbuild, after tsc and
// the precompiled validators. One file per command, reader and format instead of hundreds of modules: the
// ES module loader's resolving, reading and linking was about a quarter of a small run's CPU (README
// “Performance”). The small packages a run needs (commander, papaparse, picocolors, lilconfig, …) are bundled
// too: imported from node_modules, each cost a resolution, a read and, for CommonJS, a scan of its exports by
// the ES module loader (a 10-entry CSV run: about 15 % less CPU bundled). The large ones, and those only some
// commands load, stay external (node_modules, as installed). The code is tsc's output, unchanged.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Packages left in node_modules: SheetJS and the XML parser (large, loaded for their formats only), the service
 * and the pool (their own commands and threads), the Ajv compiler (the precompiled validators require ajv's
 * runtime and ajv-formats from node_modules), the progress bar (on a terminal only).
 */
const EXTERNAL = [
  'xlsx',
  'fast-xml-parser',
  'fastify',
  '@fastify/*',
  'light-my-request',
  'piscina',
  'ajv',
  'ajv/*',
  'ajv-formats',
  'cli-progress',
];

/**
 * commander requires node:child_process when it loads, for commands that are separate executables (govcat has
 * none): loading that module and what it pulls in (net, dgram, …) was about 2 % of a small run's CPU. In the
 * bundle commander gets it on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

const BANNER =
  "import { createRequire as __govcatRequire } from 'node:module'; const require = __govcatRequire(import.meta.url);";

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const result = await build({
  entryPoints: { run: join(dist, 'src', 'cli', 'run.js'), task: join(dist, 'src', 'workers', 'task.js') },
  outdir: join(dist, 'cli'),
  absWorkingDir: root,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [lazyChildProcess],
  // Bundled CommonJS packages require Node's built-ins: a file that calls require gets one of its own (below).
  banner: { js: BANNER },
  // Keep every module's code: package.json's sideEffects hint is for library users' bundlers.
  ignoreAnnotations: true,
  logLevel: 'warning',
  metafile: true,
});
// Only the few files that call require keep the banner: an import the others do not need costs each of them a
// resolution when the run loads it.
for (const out of Object.keys(result.metafile.outputs)) {
  if (!out.endsWith('.js')) continue;
  const file = join(root, out);
  const code = readFileSync(file, 'utf8');
  const rest = code.startsWith(`${BANNER}\n`) ? code.slice(BANNER.length + 1) : undefined;
  if (rest !== undefined && !/\brequire\b/.test(rest)) writeFileSync(file, rest);
}
// The chunks find the precompiled validators next to themselves, as dist/src/schema/ajv.js does.
cpSync(join(dist, 'src', 'schema', 'precompiled'), join(dist, 'cli', 'precompiled'), { recursive: true });
// Which modules each file holds (test/startup.test.ts reads it to tell which modules a run loaded).
const modules = {};
for (const [out, info] of Object.entries(result.metafile.outputs))
  modules[out.replace(/^.*dist\/cli\//, '')] = Object.keys(info.inputs).map((i) =>
    i.replace(/^.*dist\//, ''),
  );
writeFileSync(join(dist, 'cli', 'modules.json'), `${JSON.stringify(modules)}\n`);
