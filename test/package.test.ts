// The packed package, installed into a fresh project: the library API on paths and buffers, subpath exports,
// no side effects on import, and the bin. Needs the npm cache (or registry) for the dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateCatalog } from '../src/index.js';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project: string;
let packedFiles: string[];

function node(script: string) {
  writeFileSync(join(project, 'script.mjs'), script);
  const r = spawnSync(process.execPath, ['script.mjs'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-pack-'));
  // dist/ is current: npm test builds before running the tests.
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed[0]!.files.map((f) => f.path);
  project = mkdtempSync(join(tmpdir(), 'govcat-consumer-'));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'nanning-ingest', private: true, type: 'module' }),
  );
  execFileSync(
    npm,
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      // Refuses any dependency whose engines exclude this Node (20): the repository's own overrides do
      // not apply to a consumer, so what the package declares must be enough.
      '--engine-strict',
      join(dir, packed[0]!.filename),
    ],
    { cwd: project, encoding: 'utf8', stdio: 'pipe' },
  );
  writeFileSync(
    join(project, 'nanning.json'),
    readFileSync(join(root, 'examples', 'nanning-shared-catalog.json')),
  );
}, 180_000);

describe('the packed package', () => {
  it('ships the built code, schemas, seeds and the git hook, not the sources or tests', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'dist/src/index.js',
        'dist/src/index.d.ts',
        'dist/src/workers/task.js',
        'dist/src/serve/index.js',
        'bin/govcat.js',
        'hooks/pre-commit',
        'schemas/report.schema.json',
        'seeds/header-aliases.json',
        'package.json',
      ]),
    );
    expect(packedFiles.filter((f) => f.startsWith('test/') || /^src\/.*\.ts$/.test(f))).toEqual([]);
  });

  it('ships its licence and changelog, and no source maps pointing at sources it does not ship', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md', 'README.md']));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(packedFiles.filter((f) => f.endsWith('.map'))).toEqual([]);
    const installed = join(project, 'node_modules', 'govcat');
    const withMapComment = packedFiles
      .filter((f) => f.endsWith('.js'))
      .filter((f) => readFileSync(join(installed, f), 'utf8').includes('sourceMappingURL'));
    expect(withMapComment).toEqual([]);
  });

  it('installs on Node 20 without any dependency that needs a later Node', () => {
    // cookie@2 (Node ≥ 22) came in through fastify → light-my-request ≥ 6.8 before govcat held it at 6.6.
    const cookie = JSON.parse(
      readFileSync(join(project, 'node_modules', 'cookie', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(cookie.version.split('.')[0]).toBe('1');
  });

  it('validates a path and a buffer, formats, and loads a configuration', async () => {
    writeFileSync(
      join(project, 'govcat.config.json'),
      JSON.stringify({ rules: { 'metadata/provider-code-check': 'warning' } }),
    );
    const r = node(`
      import { readFile } from 'node:fs/promises';
      import { compileCatalog, formatReport, loadConfig, validateCatalog } from 'govcat';
      const { config, file } = await loadConfig({ searchFrom: process.cwd() });
      const fromPath = await validateCatalog('nanning.json', { config, configFile: file, today: '2021-11-23' });
      const bytes = await readFile('nanning.json');
      const fromBytes = await validateCatalog({ name: '上传.json', bytes }, { lang: 'en', today: '2021-11-23' });
      const broken = await validateCatalog({ name: 'broken.json', bytes: Buffer.from('{') });
      const compiled = await compileCatalog({ name: '上传.json', bytes }, { format: 'csv', today: '2021-11-23' });
      console.log(JSON.stringify({
        configFile: file.endsWith('govcat.config.json'),
        path: fromPath.summary,
        bytes: fromBytes.summary,
        name: fromBytes.files[0].path,
        error: broken.files[0].error.code,
        compact: formatReport(fromBytes, 'compact', { lang: 'en' }).trim().split('\\n').length,
        stylish: formatReport(fromPath).includes('目录命名规范合格率'),
        compiled: { format: compiled.format, rows: new TextDecoder().decode(compiled.output).trim().split('\\n').length > 12, entries: compiled.report.summary.entries },
      }));
    `);
    expect(r.stderr).toBe('');
    // The same results as this checkout gives in-process; the configuration turns one error into a warning.
    const inProcess = await validateCatalog(join(project, 'nanning.json'), { today: '2021-11-23' });
    const { errors, warnings } = inProcess.summary;
    expect(errors).toBeGreaterThan(0);
    expect(JSON.parse(r.stdout)).toEqual({
      configFile: true,
      path: expect.objectContaining({ entries: 12, errors: errors - 1, warnings: warnings + 1 }),
      bytes: expect.objectContaining({ entries: 12, errors, warnings }),
      name: '上传.json',
      error: 'input/malformed',
      compact: inProcess.files[0]!.findings.length,
      stylish: true,
      compiled: { format: 'csv', rows: true, entries: 12 },
    });
  });

  it('has no side effects on import: no output, globals, listeners or handles', () => {
    const r = node(`
      const globals = new Set(Object.getOwnPropertyNames(globalThis));
      const proto = Object.getOwnPropertyNames(Object.prototype).length;
      // Transient file requests, and the stdio streams (picocolors reads process.stdout.isTTY at import).
      const ignored = new Set(['CloseReq', 'FSReqCallback', 'PipeWrap', 'TTYWrap']);
      const settled = () => process.getActiveResourcesInfo().filter((h) => !ignored.has(h)).sort();
      const handles = settled();
      await import('govcat');
      await import('govcat/pool');
      await import('govcat/serve');
      setImmediate(() => {
        console.log(JSON.stringify({
          globals: Object.getOwnPropertyNames(globalThis).filter((k) => !globals.has(k)),
          proto: Object.getOwnPropertyNames(Object.prototype).length - proto,
          signals: ['SIGTERM', 'SIGINT', 'uncaughtException', 'unhandledRejection'].map((e) => process.listenerCount(e)),
          handles: JSON.stringify(settled()) === JSON.stringify(handles) ? 'unchanged' : settled(),
        }));
      });
    `);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      globals: [],
      proto: 0,
      signals: [0, 0, 0, 0],
      handles: 'unchanged',
    });
    expect(r.status).toBe(0);
  });

  it('runs the pool and the service from the installed package', () => {
    const r = node(`
      import { readFile } from 'node:fs/promises';
      import { CatalogPool } from 'govcat/pool';
      import { createService } from 'govcat/serve';
      const pool = new CatalogPool({ threads: 1 });
      const pooled = await pool.validate({ path: 'nanning.json' }, { today: '2021-11-23' });
      await pool.close();
      const service = await createService({ concurrency: 1 });
      const url = await service.listen({ port: 0 });
      const res = await fetch(url + '/v1/validate?filename=n.json', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: await readFile('nanning.json'),
      });
      const body = await res.json();
      await service.close();
      console.log(JSON.stringify({ pooled: pooled.report.entries, status: res.status, entries: body.files[0].entries, url }));
    `);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({
      pooled: 12,
      status: 200,
      entries: 12,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
    });
    expect(r.status).toBe(0);
  });

  it('installs the govcat command', async () => {
    const bin = join(project, 'node_modules', '.bin', 'govcat');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const hook = spawnSync(bin, ['validate', 'nanning.json', '-f', 'compact', '--no-config'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(hook.status).toBe(1);
    const inProcess = await validateCatalog(join(project, 'nanning.json'));
    expect(hook.stdout.trim().split('\n')).toHaveLength(inProcess.files[0]!.findings.length);
  });
});
