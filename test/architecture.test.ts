// Architecture: the import graph of src/ has no cycle, arrows point one way, and the core reaches no Node built-in
// (esbuild resolves the graph; browser bundles of the core and of the browser entry prove it).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { glob } from 'tinyglobby';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** The core's entry: everything a browser page or a Web Worker needs to turn bytes into a report. */
const CORE_ENTRY = 'src/core.ts';
/** The browser entry: the core and the bundled data source. */
const BROWSER_ENTRY = 'src/browser.ts';

/** Arrows that still point backwards, each with why; the list may only shrink. */
const KNOWN_BACKWARD: string[] = [];

/** Packages that are Node-only (they need node: built-ins themselves). */
const NODE_ONLY_PACKAGES = new Set(['piscina', 'lilconfig', 'fastify', '@fastify/multipart', 'commander']);

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
  for (const entry of [CORE_ENTRY, BROWSER_ENTRY]) {
    it(`${entry} reaches no Node built-in and no Node-only package`, () => {
      const reach = closure(runtimeGraph(), entry);
      expect(reach.size).toBeGreaterThan(50);
      const users: string[] = [];
      for (const file of reach) {
        for (const i of inputs[file]?.imports ?? [])
          if (i.external && isNodeBuiltin(i.path)) users.push(`${file} → ${i.path}`);
      }
      expect(users.sort()).toEqual([]);
    });

    it(`${entry} reads no process and no Buffer`, () => {
      const reach = closure(runtimeGraph(), entry);
      const users: string[] = [];
      for (const file of reach) {
        if (!file.startsWith('src/')) continue;
        const code = readFileSync(join(root, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
        if (/\bprocess\.|\bBuffer\b/.test(code)) users.push(file);
      }
      expect(users.sort()).toEqual([]);
    });

    it(`${entry} bundles for the browser with esbuild, nothing left outside`, async () => {
      const result = await esbuild.build({
        absWorkingDir: root,
        entryPoints: [entry],
        bundle: true,
        write: false,
        metafile: true,
        platform: 'browser',
        format: 'esm',
        outfile: 'bundle.js',
        logLevel: 'silent',
      });
      expect(result.errors).toEqual([]);
      const external = Object.values(result.metafile.inputs).flatMap((input) =>
        input.imports.filter((i) => i.external).map((i) => i.path),
      );
      expect(external).toEqual([]);
      expect(result.outputFiles[0]!.text.length).toBeGreaterThan(100_000);
    }, 60_000);
  }

  it('the core reads data only through the data source: no seeds/ or schemas/ folder paths', () => {
    const reach = closure(runtimeGraph(), BROWSER_ENTRY);
    expect(reach.has('src/data/bundled-files.ts')).toBe(true);
    expect(reach.has('src/data/node.ts')).toBe(false);
    expect(reach.has('src/paths.ts')).toBe(false);
  });
});
