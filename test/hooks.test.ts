// Pre-commit use in a catalog repository the test creates: the pre-commit framework's hook definition run as
// the framework runs it, and the plain git hook on real commits (staged content, Chinese names, exclusions).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { load } from 'js-yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { catalogXlsx, syntheticEntries } from '../scripts/lib/catalogs.mjs';
import { validateCatalog } from '../src/index.js';
import { catalogOf } from './helpers/catalog.js';

const root = join(import.meta.dirname, '..');
const example = readFileSync(join(root, 'examples', 'nanning-shared-catalog.json'), 'utf8');
/** Findings of the bundled example (computed, so the test follows the rule set). */
const exampleFindings = (await validateCatalog({ name: 'x.json', bytes: Buffer.from(example) })).files[0]!
  .findings.length;
const clean = JSON.stringify(
  catalogOf('shared', [{}, { code: '315018001/2', name: '食品生产许可信息' }]),
  null,
  2,
);

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  types?: string[];
  pass_filenames?: boolean;
}

/** Python's inline `(?i)` flag as a JS RegExp flag (the patterns are otherwise plain). */
function pyRegExp(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

let repo: string;
let env: NodeJS.ProcessEnv;

function git(...args: string[]) {
  const r = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function write(path: string, text: string) {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** Runs `govcat compile` on a catalog of the repository, which writes govcat.lock.json beside it. */
function compileBeside(path: string): number | null {
  const out = `${path.replace(/\.json$/, '')}-编译.json`;
  return spawnSync(
    'govcat',
    ['compile', path, '--out', join(tmpdir(), `govcat-hooks-${Date.now()}-${basename(out)}`)],
    {
      cwd: repo,
      env,
    },
  ).status;
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'govcat-hooks-'));
  // `govcat` on PATH, as the framework's node environment (or npm install -g) provides it.
  const shims = mkdtempSync(join(tmpdir(), 'govcat-bin-'));
  writeFileSync(
    join(shims, 'govcat'),
    `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'govcat.js')}" "$@"\n`,
  );
  chmodSync(join(shims, 'govcat'), 0o755);
  env = {
    ...process.env,
    PATH: `${shims}${delimiter}${process.env.PATH}`,
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: '南宁市大数据发展局',
    GIT_AUTHOR_EMAIL: 'catalog@example.gov.cn',
    GIT_COMMITTER_NAME: '南宁市大数据发展局',
    GIT_COMMITTER_EMAIL: 'catalog@example.gov.cn',
  };
  git('init', '-q');
  git('config', 'core.hooksPath', '.git/hooks');
  git('config', 'commit.gpgsign', 'false');
  write('package.json', '{ "name": "nanning-catalogs", "private": true }\n');
  write('README.md', '# 南宁市政务数据资源目录\n');
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = load(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
  const hook = hooks.find((h) => h.id === 'govcat')!;

  /** What the framework does on commit: staged files, filtered by files/exclude, appended to the entry. */
  function runAsFramework() {
    const staged = spawnSync('git', ['diff', '--staged', '--name-only', '--diff-filter=ACMR', '-z'], {
      cwd: repo,
      encoding: 'utf8',
    })
      .stdout.split('\0')
      .filter(Boolean);
    const files = staged.filter(
      (f) => pyRegExp(hook.files).test(f) && !(hook.exclude && pyRegExp(hook.exclude).test(f)),
    );
    if (files.length === 0) return { skipped: true, files, status: 0, out: '' };
    const [cmd, ...args] = hook.entry.split(/\s+/);
    const r = spawnSync(cmd!, [...args, ...files], { cwd: repo, env, encoding: 'utf8' });
    return { skipped: false, files, status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  it('is a node hook over catalog files that runs govcat on the files given', () => {
    expect(hook).toMatchObject({ language: 'node', types: ['file'] });
    expect(hook.entry).toBe('govcat validate --format compact');
    expect(hook.pass_filenames).not.toBe(false);
    for (const f of ['目录/a.xlsx', 'b.XLS', 'c.csv', 'd.json', 'e.jsonl', 'f.xml'])
      expect(pyRegExp(hook.files).test(f)).toBe(true);
    for (const f of [
      'package.json',
      'web/package-lock.json',
      'tsconfig.build.json',
      'govcat.config.json',
      '目录/govcat.lock.json',
      '目录/~$南宁市2021.xlsx',
    ])
      expect(pyRegExp(hook.exclude!).test(f)).toBe(true);
    expect(pyRegExp(hook.exclude!).test('目录/govcat-2021.json')).toBe(false);
  });

  it('passes a clean catalog committed with the lock file compile wrote beside it', () => {
    write('目录/clean.json', clean);
    expect(compileBeside('目录/clean.json')).toBe(0);
    git('add', '-A');
    const r = runAsFramework();
    expect([r.files, r.status, r.out]).toEqual([['目录/clean.json'], 0, '']);
  });

  it('fails with one line per finding for a bad catalog and ignores non-catalog JSON', () => {
    write('目录/南宁市2021年第二批.json', example);
    write('目录/clean.json', clean);
    git('add', '-A');
    const r = runAsFramework();
    expect(r.files.sort()).toEqual(['目录/clean.json', '目录/南宁市2021年第二批.json']);
    expect(r.status).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(exampleFindings);
    for (const line of lines) expect(line.startsWith('目录/南宁市2021年第二批.json:entries[')).toBe(true);
    expect(r.out).toContain('目录/南宁市2021年第二批.json:entries[10].providerCode: 错误 缺少必填项');
  });

  it('passes silently when the staged catalogs are clean', () => {
    write('目录/clean.json', clean);
    git('add', '-A');
    const r = runAsFramework();
    expect([r.skipped, r.status, r.out]).toEqual([false, 0, '']);
  });
});

describe('hooks/pre-commit (plain git hook)', () => {
  beforeEach(() => {
    copyFileSync(join(root, 'hooks', 'pre-commit'), join(repo, '.git', 'hooks', 'pre-commit'));
    chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
  });

  const commits = () => Number(git('rev-list', '--count', '--all').out.trim() || '0');

  it('rejects a commit with a bad catalog, listing each finding with its location', () => {
    write('目录/南宁 2021 共享目录.json', example);
    git('add', '-A');
    const r = git('commit', '-m', '提交目录');
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('目录/南宁 2021 共享目录.json:entries[6].providerCode: 错误');
    expect(r.out.trim().split('\n')).toHaveLength(exampleFindings);
    expect(commits()).toBe(0);
  });

  it('points at the cell of a staged workbook', () => {
    const entries = syntheticEntries(4);
    entries[2] = { ...entries[2], providerCode: '11450100007525416M' };
    mkdirSync(join(repo, '目录'), { recursive: true });
    writeFileSync(join(repo, '目录', '南宁市2021年目录.xlsx'), catalogXlsx(XLSX, entries));
    git('add', '-A');
    const r = git('commit', '-m', '提交目录');
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(
      /^目录\/南宁市2021年目录\.xlsx:目录!E17: 错误 .+ \[metadata\/provider-code-check\]$/m,
    );
  });

  it('lets a clean catalog through without a word, and ignores package.json', () => {
    write('目录/clean.json', clean);
    git('add', '-A');
    const r = git('commit', '-q', '-m', '提交目录');
    expect([r.status, r.out]).toEqual([0, '']);
    expect(commits()).toBe(1);
  });

  it('checks what is staged, not the working tree', () => {
    write('目录/catalog.json', example);
    git('add', '-A');
    // Fixed in the working tree but not staged: the commit would still record the bad version.
    write('目录/catalog.json', clean);
    expect(git('commit', '-m', 'x').status).not.toBe(0);
    git('add', '-A');
    write('目录/catalog.json', example);
    const r = git('commit', '-q', '-m', 'x');
    expect([r.status, r.out]).toEqual([0, '']);
  });

  it('lets a clean catalog and its lock file through', () => {
    write('目录/clean.json', clean);
    expect(compileBeside('目录/clean.json')).toBe(0);
    git('add', '-A');
    expect(git('-c', 'core.quotepath=false', 'diff', '--cached', '--name-only').out).toContain(
      '目录/govcat.lock.json',
    );
    const r = git('commit', '-q', '-m', '提交目录和锁文件');
    expect([r.status, r.out]).toEqual([0, '']);
  });

  it('applies the staged govcat.config.json', () => {
    const typo = JSON.stringify(catalogOf('shared', [{ providerCode: '11450100MB0H76326B' }]));
    write('目录/catalog.json', typo);
    git('add', '-A');
    expect(git('commit', '-m', 'x').status).not.toBe(0);
    write('govcat.config.json', JSON.stringify({ rules: { 'metadata/provider-code-check': 'warning' } }));
    git('add', '-A');
    const r = git('commit', '-q', '-m', 'x');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(
      /^目录\/catalog\.json:entries\[0\]\.providerCode: 警告 .+ \[metadata\/provider-code-check\]$/m,
    );
  });
});
