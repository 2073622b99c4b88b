// The command line: help in both languages, exit codes 0/1/2, JSON report contract, output files, colours.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { catalogOf } from './helpers/catalog.js';
import { runCli } from './helpers/cli.js';

const root = join(import.meta.dirname, '..');
const example = join(root, 'examples', 'nanning-shared-catalog.json');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'govcat-cli-'));
}

function writeCatalog(dir: string, name: string, catalog: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(catalog));
  return path;
}

describe('govcat CLI', () => {
  it('prints the version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('prints help in Chinese by default and in English with --lang en', async () => {
    const zh = await runCli(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：');
    expect(zh.stdout).toContain('校验目录文件');
    const en = await runCli(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('validate catalog files');
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    const sub = await runCli(['validate', '--help']);
    expect(sub.stdout).toContain('--format');
    // Defaults are shown in the help's language, and English lists use commas.
    expect(sub.stdout).toMatch(/（默认\s+stylish）/);
    expect(sub.stdout).not.toContain('(default:');
    const subEn = await runCli(['validate', '--help', '--lang', 'en']);
    expect(subEn.stdout).toContain('stylish, json, compact');
    expect(subEn.stdout).toContain('(default: stylish)');
    expect(sub.stdout).toContain('--max-rows');
  });

  it('exits 0 on a clean catalog and prints a one-line summary', async () => {
    const dir = tempDir();
    const file = writeCatalog(
      dir,
      'clean.json',
      catalogOf('shared', [{}, { code: '315018001/2', name: '食品生产许可信息' }]),
    );
    const r = await runCli(['validate', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 条目录，0 个错误');
  });

  it('exits 1 on errors and names the field in Chinese with the rule id', async () => {
    const r = await runCli(['validate', example]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/entries\[10\]\.providerCode\s+错误\s+缺少必填项“数据资源提供方代码”/);
    expect(r.stdout).toContain('schema/required');
    expect(r.stdout).toContain('目录命名规范合格率');
  });

  it('prints the JSON report contract, valid against schemas/report.schema.json', async () => {
    const r = await runCli(['validate', example, '--format', 'json', '--today', '2021-11-23']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const validate = getValidator(SCHEMA_IDS.report);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.version).toBe(1);
    expect(report.files[0].entries).toBe(12);
    expect(report.summary.errors).toBe(
      report.files[0].findings.filter((f: { severity: string }) => f.severity === 'error').length,
    );
    const missing = report.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'schema/required');
    expect(missing).toMatchObject({
      entry: 10,
      category: 'completeness',
      location: { field: 'providerCode' },
    });
  });

  it('exits 2 with one Chinese line and no stack trace for a missing file', async () => {
    const r = await runCli(['validate', 'no/such/catalog.json', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].error).toMatchObject({ code: 'input/not-found' });
    expect(report.files[0].error.message).toBe('找不到文件 no/such/catalog.json，请检查路径是否正确');
    const stylish = await runCli(['validate', 'no/such/catalog.json']);
    expect(stylish.code).toBe(2);
    expect(stylish.stdout).toContain('找不到文件 no/such/catalog.json');
    // Nothing else to say when nothing could be read: exactly one line.
    expect(stylish.stdout.trim().split('\n')).toHaveLength(1);
    expect(stylish.stdout + stylish.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an unsupported format, malformed and empty JSON (a folder means its catalogs, see cli-inputs)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'catalog.docx'), 'x');
    writeFileSync(join(dir, 'bad.json'), '{"kind": "shared", "entries": [');
    writeFileSync(join(dir, 'empty.json'), '');
    const r = await runCli(['validate', 'catalog.docx', 'bad.json', 'empty.json', '--format', 'json'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    const codes = JSON.parse(r.stdout).files.map((f: { error: { code: string } }) => f.error.code);
    expect(codes).toEqual(['input/unsupported-format', 'input/malformed', 'input/empty']);
  });

  it('exits 2 with a Chinese usage message for unknown options and formats', async () => {
    const a = await runCli(['validate', example, '--frmat', 'json']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^govcat：未知选项“--frmat”/);
    const b = await runCli(['validate', example, '--format', 'xml']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('不支持的输出格式“xml”');
    const c = await runCli(['validate', example, '--lang', 'fr']);
    expect(c.code).toBe(2);
    const d = await runCli(['frobnicate']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('未知命令');
  });

  it('writes --output atomically and prints nothing', async () => {
    const dir = tempDir();
    const r = await runCli(['validate', example, '--format', 'json', '--output', 'report.json'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).version).toBe(1);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('writes English messages with --lang en', async () => {
    const r = await runCli(['validate', example, '--lang', 'en']);
    expect(r.stdout).toContain('required field "provider code" is missing');
    expect(r.stdout).toContain('12 entries');
  });

  it('colours only on a TTY and never with NO_COLOR', async () => {
    const tty = await runCli(['validate', example], { tty: true, env: {} });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await runCli(['validate', example], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const pipe = await runCli(['validate', example], { tty: false, env: {} });
    expect(pipe.stdout).not.toContain('\u001b[');
  });

  it('--quiet shows errors only and --max-warnings turns warnings into exit 1', async () => {
    const dir = tempDir();
    const file = writeCatalog(dir, 'c.json', catalogOf('shared', [{ providerCode: '11450100MB0H76326A' }]));
    writeFileSync(
      join(dir, 'govcat.config.json'),
      JSON.stringify({ rules: { 'metadata/provider-code-check': 'warning' } }),
    );
    const plain = await runCli(['validate', file]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('metadata/provider-code-check');
    const quiet = await runCli(['validate', file, '--quiet']);
    expect(quiet.stdout).not.toContain('metadata/provider-code-check');
    const strict = await runCli(['validate', file, '--max-warnings', '0']);
    expect(strict.code).toBe(1);
  });

  it('finds govcat.config.json upward from the input, honours --config and --no-config', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const file = writeCatalog(
      join(dir, 'sub'),
      'c.json',
      catalogOf('shared', [{ providerCode: '11450100MB0H76326A' }]),
    );
    writeFileSync(
      join(dir, 'govcat.config.json'),
      JSON.stringify({ rules: { 'metadata/provider-code-check': 'off' } }),
    );
    expect((await runCli(['validate', file])).code).toBe(0);
    expect((await runCli(['validate', file, '--no-config'])).code).toBe(1);
    writeFileSync(
      join(dir, 'strict.json'),
      JSON.stringify({ rules: { 'metadata/provider-code-check': 'error' } }),
    );
    expect((await runCli(['validate', file, '--config', join(dir, 'strict.json')])).code).toBe(1);
  });

  it('reports an invalid configuration in one Chinese line, exit 2', async () => {
    const dir = tempDir();
    const file = writeCatalog(dir, 'c.json', catalogOf('shared', [{}]));
    writeFileSync(
      join(dir, 'govcat.config.json'),
      JSON.stringify({ rules: { 'naming/no-such-rule': 'error' } }),
    );
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/规则“naming\/no-such-rule”不存在/);
    writeFileSync(join(dir, 'govcat.config.json'), JSON.stringify({ rulez: {} }));
    const r2 = await runCli(['validate', file]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('未知的配置项“rulez”');
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lists rules and generates the Markdown table', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/code\/unique\s+code\s+error\s+资源代码在目录内唯一/);
    const md = await runCli(['rules', '--format', 'md']);
    expect(md.stdout).toContain('| [`code/unique`](validators/code/unique/README.md) | code | error |');
  });
});
