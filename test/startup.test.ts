// Start-up: a run loads what its command and its input's format need, and nothing else. Counted on the
// built command as a real process, with a preload that records every module loaded (ES and CommonJS).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCatalog } from '../src/io/writers/index.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'govcat.js');
const preload = join(import.meta.dirname, 'helpers', 'module-trace.mjs');
let dir = '';
let bundled: Record<string, string[]> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-startup-'));
  bundled = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'modules.json'), 'utf8'));
  const entries = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'nanning-entries.json'), 'utf8'));
  for (const format of ['csv', 'xlsx', 'xml'] as const)
    writeFileSync(join(dir, `catalog.${format}`), writeCatalog({ kind: 'shared', entries }, format));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The modules one govcat run loads (URLs), with its exit code. */
function modulesOf(...args: string[]): {
  status: number | null;
  modules: string[];
  files: string[];
  stdout: string;
} {
  const trace = join(dir, `trace-${args.join('-').replace(/[^\w.-]/g, '_')}.txt`);
  rmSync(trace, { force: true });
  const r = spawnSync(process.execPath, ['--import', preload, bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GOVCAT_TRACE_FILE: trace },
  });
  const loaded = [...new Set(readFileSync(trace, 'utf8').split('\n').filter(Boolean))];
  // A file of the bundled command stands for the modules it holds (dist/cli/modules.json, from esbuild).
  const modules = loaded.flatMap((url) => {
    const hit = /\/dist\/cli\/([^/]+\.js)$/.exec(url);
    return hit ? (bundled[hit[1]!] ?? [url]).map((m) => `file://${root}/dist/${m}`) : [url];
  });
  return { status: r.status, modules, files: loaded, stdout: r.stdout };
}

/** The packages (node_modules names) among the modules. */
function packages(modules: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const m of modules) {
    const hit = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m);
    if (hit) out.add(hit[1]!);
  }
  return out;
}

/** Modules of the Ajv compiler (the precompiled validators need only ajv/dist/runtime). */
const ajvCompiler = (modules: readonly string[]) =>
  modules.filter((m) => /\/node_modules\/ajv\/dist\/(?!runtime\/)/.test(m));

describe('start-up', () => {
  it('--version loads no command, no commander and no package', () => {
    const { status, modules, files, stdout } = modulesOf('--version');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(packages(modules).size).toBe(0);
    // bin, the entry file of the bundle and the (shared) files of the CLI's io and the version constant, besides
    // esbuild's helpers for bundled CommonJS (a file that holds no module)
    const helpersOnly = (url: string) =>
      bundled[/\/dist\/cli\/([^/]+\.js)$/.exec(url)?.[1] ?? '']?.length === 0;
    expect(
      files.filter((m) => m.startsWith('file:') && !m.includes('/test/helpers/') && !helpersOnly(m)).length,
    ).toBeLessThanOrEqual(4);
    const ours = modules.filter((m) => m.includes('/dist/src/'));
    expect(ours.map((m) => m.replace(/^.*\/dist\/src\//, '')).sort()).toEqual([
      'cli/io.js',
      'cli/run.js',
      'version.js',
    ]);
  });

  it('validating a small CSV loads neither SheetJS, the XML parser, the Ajv compiler, the pool nor the service', () => {
    const { status, modules } = modulesOf('validate', 'catalog.csv', '--format', 'json', '--no-config');
    expect(status === 0 || status === 1).toBe(true);
    const loaded = packages(modules);
    for (const name of [
      'xlsx',
      'fast-xml-parser',
      'piscina',
      'fastify',
      'cli-progress',
      'tinyglobby',
      'csv-stringify',
      'yauzl',
      'fflate',
      '@noble/hashes',
    ])
      expect(loaded.has(name), name).toBe(false);
    expect(ajvCompiler(modules)).toEqual([]);
    // the precompiled validators use ajv-formats' format checks, not its plugin (which needs the compiler)
    expect(modules.filter((m) => m.includes('/node_modules/ajv-formats/'))).toEqual(
      modules.filter((m) => m.endsWith('/node_modules/ajv-formats/dist/formats.js')),
    );
    expect(modules.some((m) => m.includes('/serve/'))).toBe(false);
    // the seeds' validators (the build checked the seeds) and the configuration's (there is none) stay unloaded
    const { keys } = createRequire(import.meta.url)(
      join(root, 'dist', 'cli', 'precompiled', 'index.cjs'),
    ) as { keys: Record<string, string> };
    const unneeded = Object.entries(keys)
      .filter(([id]) => id.includes('/schemas/seeds/') || id.endsWith('/config.schema.json'))
      .map(([, name]) => `/dist/cli/precompiled/${name}.cjs`);
    expect(unneeded.length).toBeGreaterThan(8);
    expect(modules.filter((m) => unneeded.some((u) => m.endsWith(u)))).toEqual([]);
    expect(modules.some((m) => m.includes('/dist/cli/precompiled/s'))).toBe(true);
    // the reader of the format and the formatter of the report, no other
    expect(modules.some((m) => m.endsWith('/io/readers/csv.js'))).toBe(true);
    expect(modules.some((m) => m.endsWith('/io/readers/xml.js'))).toBe(false);
    expect(modules.some((m) => m.endsWith('/formatters/json.js'))).toBe(true);
    expect(modules.some((m) => m.endsWith('/formatters/html.js'))).toBe(false);
  });

  it('an xlsx loads the workbook reader but not the XML parser, the Ajv compiler or the pool', () => {
    const { status, modules } = modulesOf('validate', 'catalog.xlsx', '--no-config');
    expect(status === 0 || status === 1).toBe(true);
    const loaded = packages(modules);
    for (const name of ['fast-xml-parser', 'piscina', 'fastify', 'csv-stringify'])
      expect(loaded.has(name), name).toBe(false);
    expect(ajvCompiler(modules)).toEqual([]);
    expect(modules.some((m) => m.endsWith('/io/readers/xlsx.js'))).toBe(true);
  });

  it('the XML parser loads for an XML catalog, the pool for --jobs 2 (the trace sees them)', () => {
    const xml = modulesOf('validate', 'catalog.xml', '--no-config');
    expect(xml.status === 0 || xml.status === 1).toBe(true);
    expect(packages(xml.modules).has('fast-xml-parser')).toBe(true);
    const jobs = modulesOf('validate', 'catalog.csv', 'catalog.xlsx', '--jobs', '2', '--no-config');
    expect(jobs.status === 0 || jobs.status === 1).toBe(true);
    expect(packages(jobs.modules).has('piscina')).toBe(true);
  });
});

describe('formatters loaded by name', () => {
  it('are the registry’s formatters, in its order, and render the same text', async () => {
    const { FORMAT_NAMES, loadFormatter } = await import('../src/formatters/load.js');
    const { formatNames, getFormatter, renderReport } = await import('../src/formatters/index.js');
    const { validateCatalog } = await import('../src/validate.js');
    expect(FORMAT_NAMES).toEqual(formatNames());
    const entries = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'nanning-entries.json'), 'utf8'));
    const report = await validateCatalog([{ name: 'a.json', catalog: { kind: 'shared', entries } }], {
      today: '2024-06-30',
    });
    expect(report.summary.errors + report.summary.warnings).toBeGreaterThan(0);
    for (const name of FORMAT_NAMES) {
      const lazy = await loadFormatter(name);
      const context = { lang: 'zh' as const, color: false };
      expect(renderReport(lazy!, report, context), name).toBe(
        renderReport(getFormatter(name)!, report, context),
      );
    }
    expect(await loadFormatter('nope')).toBeUndefined();
  });
});
