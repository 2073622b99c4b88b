// Architecture: the import graph of src/ has no cycle, arrows point one way, and the core reaches no Node built-in
// beyond the listed adapters (esbuild resolves the graph; a browser bundle of the core proves it).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { glob } from 'tinyglobby';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** The core's entry: everything a browser page or a Web Worker needs to turn bytes into a report. */
const CORE_ENTRY = 'src/core.ts';

/**
 * Modules inside the core's graph that still use Node built-ins, with what they use them for. The list may only
 * shrink: a new module here is a failing test, and a module that no longer needs Node must leave the list.
 */
const CORE_NODE_DEBT: Record<string, string> = {
  'src/paths.ts': 'finds the package folder (seeds/, schemas/) and its version with node:fs',
  'src/schema/ajv.ts': 'reads schemas/ and the precompiled validators with node:fs and node:module',
  'src/seeds/index.ts': 'reads seeds/ with node:fs',
  'src/seeds/rule-data.ts': 'reads seeds/ (rule data, regions) with node:fs',
  'src/indicators/data.ts': 'lists seeds/profiles with node:fs',
  'src/io/readers/xlsx-stream.ts': 'inflates workbook parts with node:zlib and yauzl',
  'src/io/readers/zip-guard.ts': 'pre-scans workbooks with yauzl',
  'src/rules/settings.ts': 'reads seeds/profiles/<name>.json with node:fs for "extends"',
};

/** Modules of the core that still use Node's globals (Buffer, process), with why; the list may only shrink. */
const CORE_GLOBAL_DEBT: Record<string, string> = {
  'src/io/readers/xlsx.ts': 'hands SheetJS a Buffer (its Node input type)',
  'src/io/readers/xlsx-stream.ts': 'hands yauzl a Buffer',
  'src/io/readers/zip-guard.ts': 'hands yauzl a Buffer',
};

/** Arrows that still point backwards, each with why; the list may only shrink. */
const KNOWN_BACKWARD: string[] = [];

/** Packages that are Node-only (they need node: built-ins themselves). */
const NODE_ONLY_PACKAGES = new Set([
  'yauzl',
  'piscina',
  'lilconfig',
  'fastify',
  '@fastify/multipart',
  'commander',
]);

const isNodeBuiltin = (path: string) => path.startsWith('node:') || NODE_ONLY_PACKAGES.has(path);

let inputs: esbuild.Metafile['inputs'];
let sources: string[];

beforeAll(async () => {
  sources = (await glob('src/**/*.ts', { cwd: root })).sort();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: sources,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    packages: 'external',
    format: 'esm',
    outdir: 'out',
    logLevel: 'silent',
  });
  inputs = result.metafile.inputs;
}, 60_000);

/** Internal edges: module → modules it imports at run time. */
function runtimeGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(inputs))
    graph.set(
      file,
      input.imports.filter((i) => !i.external).map((i) => i.path),
    );
  return graph;
}

/** Internal edges including type-only imports, as TypeScript reads them. */
function typeGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const known = new Set(sources);
  for (const file of sources) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const deps = info.importedFiles
      .map((i) => i.fileName)
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(root, resolve(root, dirname(file), s.replace(/\.js$/, '.ts'))))
      .filter((p) => known.has(p));
    graph.set(file, deps);
  }
  return graph;
}

/** Strongly connected components of more than one module (or a module importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Every module reachable from an entry. */
function closure(graph: Map<string, string[]>, entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...(graph.get(f) ?? []));
  }
  return seen;
}

describe('import graph', () => {
  it('finds the modules (the graph is not empty)', () => {
    expect(Object.keys(inputs).length).toBeGreaterThan(100);
    expect(runtimeGraph().get('src/pipeline.ts')).toContain('src/report.ts');
  });

  it('has no cycle at run time', () => {
    expect(cycles(runtimeGraph())).toEqual([]);
  });

  it('has no cycle counting type-only imports', () => {
    expect(cycles(typeGraph())).toEqual([]);
  });

  it('the cycle finder finds a cycle', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('arrows point one way: only the CLI imports the CLI; configuration does not import rules', () => {
    const graph = typeGraph();
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      for (const dep of deps) {
        if (dep.startsWith('src/cli/') && !file.startsWith('src/cli/')) wrong.push(`${file} → ${dep}`);
        if (file.startsWith('src/config/') && (dep.startsWith('validators/') || dep.startsWith('src/rules/')))
          wrong.push(`${file} → ${dep}`);
      }
    }
    expect(wrong.sort()).toEqual(KNOWN_BACKWARD);
  });
});

describe('the core', () => {
  it('reaches Node built-ins only through the listed modules', () => {
    const reach = closure(runtimeGraph(), CORE_ENTRY);
    const users: Record<string, string[]> = {};
    for (const file of reach) {
      const builtins = (inputs[file]?.imports ?? []).filter((i) => i.external && isNodeBuiltin(i.path));
      if (builtins.length > 0) users[file] = builtins.map((i) => i.path);
    }
    expect(Object.keys(users).sort()).toEqual(Object.keys(CORE_NODE_DEBT).sort());
  });

  it('reads no process and no Buffer outside the listed modules', () => {
    const reach = closure(runtimeGraph(), CORE_ENTRY);
    const users: string[] = [];
    for (const file of reach) {
      if (!file.startsWith('src/')) continue;
      const code = readFileSync(join(root, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      if (/\bprocess\.|\bBuffer\b/.test(code)) users.push(file);
    }
    expect(users.sort()).toEqual(Object.keys(CORE_GLOBAL_DEBT).sort());
  });

  it('bundles for the browser with esbuild, Node built-ins only in the listed modules', async () => {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [CORE_ENTRY],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      outfile: 'core.js',
      // The listed modules' Node imports stay out of the bundle; everything else must resolve for a browser.
      external: ['node:*', 'yauzl'],
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const importers = new Set<string>();
    for (const [file, input] of Object.entries(result.metafile.inputs))
      if (input.imports.some((i) => i.external)) importers.add(file);
    expect([...importers].sort()).toEqual(Object.keys(CORE_NODE_DEBT).sort());
    expect(result.outputFiles[0]!.text.length).toBeGreaterThan(100_000);
  }, 60_000);
});
