// govcat diff on files: formats, an xlsx against a json export, --fail-on exit codes, bad input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogDiff } from '../src/generated/schema-types.js';
import { writeCatalog } from '../src/io/writers/index.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { runCli } from './helpers/cli.js';
import { nextSharedVersion, sharedExample } from './helpers/versions.js';

let dir: string;
const TODAY = ['--today', '2024-01-01', '--no-config'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-diff-'));
  const old = sharedExample();
  writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
  writeFileSync(join(dir, 'new.json'), JSON.stringify(nextSharedVersion(old)));
  writeFileSync(join(dir, 'old.xlsx'), writeCatalog({ kind: 'shared', entries: old.entries }, 'xlsx'));
  // A version that only fixes: entry 6's provider code corrected.
  const fixed = structuredClone(old);
  fixed.entries[6]!.providerCode = '11450100MB1A38261B';
  writeFileSync(join(dir, 'fixed.json'), JSON.stringify(fixed));
});

describe('govcat diff', () => {
  it('prints the stylish diff in Chinese by default and exits 0 without --fail-on', async () => {
    const r = await runCli(['diff', 'old.json', 'new.json', ...TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('目录差异：old.json → new.json');
    expect(r.stdout).toContain('修改  第 1 → 1 条 市场主体登记注册信息（102001001/1）');
    expect(r.stdout).toContain('名称：市场主体登记信息 → 市场主体登记注册信息');
    expect(r.stdout).toContain('资源代码：202001001/1 → 202001001/9');
    expect(r.stdout).toContain('资源代码 101002001/1 原指“不动产登记信息”');
    expect(r.stdout).toContain('条目：新增 2，删除 1，修改 5，未变 6；资源代码变更 1，资源代码被复用 1');
    expect(r.stdout).toContain('得分（gx-2021-city）');
  });

  it('writes json that fits the schema, and English with --lang en', async () => {
    const r = await runCli(['diff', 'old.json', 'new.json', '-f', 'json', ...TODAY], { cwd: dir });
    const diff = JSON.parse(r.stdout) as CatalogDiff;
    expect(getValidator(SCHEMA_IDS.diff)(diff)).toBe(true);
    expect(diff.summary.findings.newErrors).toBe(4);
    const en = await runCli(['diff', 'old.json', 'new.json', '--lang', 'en', ...TODAY], { cwd: dir });
    expect(en.stdout).toContain(
      'Entries: 2 added, 1 removed, 5 changed, 6 unchanged; 1 re-coded, 1 codes reused',
    );
    // English lines use ASCII punctuation (the Chinese ones above keep “：”, “；” and “（）”).
    const lines = en.stdout.split('\n');
    expect(lines).toContain('changed  entry 1 → 1 市场主体登记注册信息 (102001001/1)');
    expect(lines).toContain('    resource name: 市场主体登记信息 → 市场主体登记注册信息');
    expect(lines).toContain('    resource code: 202001001/1 → 202001001/9');
    expect(lines).toContain('    data item “公民身份号码”: type: C(18) → C(20)');
    expect(lines).toContain(
      'Findings: 6 new (4 errors), 3 fixed, 7 still open; errors 7 → 9, warnings 3 → 4',
    );
  });

  it('finds no difference between an xlsx and the json it was exported from', async () => {
    const r = await runCli(['diff', 'old.xlsx', 'old.json', '-f', 'json', '--no-profile', ...TODAY], {
      cwd: dir,
    });
    const diff = JSON.parse(r.stdout) as CatalogDiff;
    expect(diff.entries.map((e) => [e.status, e.changes.map((c) => c.field)])).toEqual([]);
    expect(diff.summary).toMatchObject({ unchanged: 12, added: 0, removed: 0, changed: 0 });
    expect(diff.summary.findings).toEqual({ new: 0, fixed: 0, open: 10, newErrors: 0 });
  });

  it('--fail-on new-errors: 1 when the new version adds errors, 0 when it only fixes', async () => {
    const worse = await runCli(['diff', 'old.json', 'new.json', '--fail-on', 'new-errors', ...TODAY], {
      cwd: dir,
    });
    expect(worse.code).toBe(1);
    const better = await runCli(['diff', 'old.json', 'fixed.json', '--fail-on', 'new-errors', ...TODAY], {
      cwd: dir,
    });
    expect(better.code).toBe(0);
    expect(better.stdout).toContain('- 已修正');
    // errors: the fixed version still has errors of its own.
    const any = await runCli(['diff', 'old.json', 'fixed.json', '--fail-on', 'errors', ...TODAY], {
      cwd: dir,
    });
    expect(any.code).toBe(1);
  });

  it('renders markdown and html with the same content', async () => {
    const md = await runCli(['diff', 'old.json', 'new.json', '-f', 'markdown', ...TODAY], { cwd: dir });
    expect(md.stdout).toContain('| 修改 | 第 1 → 1 条 市场主体登记注册信息（102001001/1） |');
    const html = await runCli(['diff', 'old.json', 'new.json', '-f', 'html', '-o', 'diff.html', ...TODAY], {
      cwd: dir,
    });
    expect(html.code).toBe(0);
    const page = readFileSync(join(dir, 'diff.html'), 'utf8');
    expect(page).toContain(
      '<tr class="removed"><td>删除</td><td>第 12 条 不动产登记信息（101002001/1）</td>',
    );
  });

  it('exits 2 with one line on an unreadable version, a bad --fail-on or format', async () => {
    const missing = await runCli(['diff', 'old.json', 'nope.json', ...TODAY], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(
      (await runCli(['diff', 'old.json', 'new.json', '--fail-on', 'x', ...TODAY], { cwd: dir })).code,
    ).toBe(2);
    const fmt = await runCli(['diff', 'old.json', 'new.json', '-f', 'sarif', ...TODAY], { cwd: dir });
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('sarif');
  });
});
