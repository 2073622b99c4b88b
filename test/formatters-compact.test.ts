// The compact (hook) format: one line per finding with the cell, nothing when clean.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compact } from '../src/formatters/compact.js';
import { formatNames } from '../src/formatters/index.js';
import type { Report } from '../src/generated/schema-types.js';
import { validateCatalog } from '../src/index.js';
import { catalogOf } from './helpers/catalog.js';
import { runCli } from './helpers/cli.js';

const root = join(import.meta.dirname, '..');

function report(files: Report['files']): Report {
  return {
    version: 1,
    tool: { name: 'govcat', version: '0.1.0' },
    files,
    summary: { files: files.length, entries: 0, errors: 0, warnings: 0 },
  };
}

const workbook: Report['files'][number] = {
  path: '目录/南宁市2021.xlsx',
  format: 'xlsx',
  kind: 'shared',
  entries: 2,
  findings: [
    {
      ruleId: 'schema/required',
      severity: 'error',
      category: 'completeness',
      message: '缺少必填项“数据资源提供方代码”，请填写数据资源提供方代码',
      messageId: 'schema.required',
      data: {},
      entry: 1,
      location: { sheet: '目录', row: 7, column: 'E', cell: 'E7', field: 'providerCode' },
    },
    {
      ruleId: 'naming/no-date-fragment',
      severity: 'warning',
      category: 'naming',
      message: '名称含有年份“2021年”',
      messageId: 'x',
      data: {},
      entry: 0,
      location: { sheet: '目录', row: 4, column: 'B', cell: 'B4', field: 'name' },
    },
    {
      ruleId: 'metadata/unknown-column',
      severity: 'info',
      category: 'metadata',
      message: '未知的列“备注”',
      messageId: 'x',
      data: {},
      entry: null,
      location: {},
    },
  ],
  rates: {},
};

describe('compact formatter', () => {
  it('is registered', () => {
    expect(formatNames()).toContain('compact');
  });

  it('prints one line per finding with sheet and cell, severity, message and rule', () => {
    const text = compact(report([workbook]), { lang: 'zh', color: false });
    expect(text.split('\n')).toEqual([
      '目录/南宁市2021.xlsx:目录!E7: 错误 缺少必填项“数据资源提供方代码”，请填写数据资源提供方代码 [schema/required]',
      '目录/南宁市2021.xlsx:目录!B4: 警告 名称含有年份“2021年” [naming/no-date-fragment]',
      '目录/南宁市2021.xlsx: 提示 未知的列“备注” [metadata/unknown-column]',
      '',
    ]);
    expect(compact(report([workbook]), { lang: 'en', color: false })).toContain(': error 缺少');
  });

  it('keeps only errors when quiet, and prints nothing at all for a clean report', () => {
    const quiet = compact(report([workbook]), { lang: 'zh', color: false, quiet: true });
    expect(quiet.trim().split('\n')).toHaveLength(1);
    const clean = { ...workbook, findings: [] };
    expect(compact(report([clean]), { lang: 'zh', color: false })).toBe('');
  });

  it('gives an unreadable file one line with its error code', () => {
    const text = compact(
      report([
        {
          path: 'a.xlsx',
          format: 'unknown',
          entries: 0,
          error: { code: 'input/not-found', message: '找不到文件 a.xlsx，请检查路径是否正确' },
          findings: [],
          rates: {},
        },
      ]),
      { lang: 'zh', color: false },
    );
    expect(text).toBe('a.xlsx: 错误 找不到文件 a.xlsx，请检查路径是否正确 [input/not-found]\n');
  });

  it('is what `govcat validate --format compact` prints: silent and exit 0 when clean', async () => {
    const bad = await runCli(['validate', 'examples/nanning-shared-catalog.json', '-f', 'compact'], {
      cwd: root,
    });
    expect(bad.code).toBe(1);
    const lines = bad.stdout.trim().split('\n');
    const expected = await validateCatalog(join(root, 'examples/nanning-shared-catalog.json'));
    expect(lines).toHaveLength(expected.files[0]!.findings.length);
    for (const line of lines)
      expect(line).toMatch(
        /^examples\/nanning-shared-catalog\.json:entries\[\d+\]\.\S+: (错误|警告|提示) .+ \[[a-z-]+\/[a-z-]+\]$/,
      );
    const dir = mkdtempSync(join(tmpdir(), 'govcat-compact-'));
    writeFileSync(join(dir, 'clean.json'), JSON.stringify(catalogOf('shared', [{}])));
    const clean = await runCli(['validate', 'clean.json', '-f', 'compact'], { cwd: dir });
    expect([clean.code, clean.stdout, clean.stderr]).toEqual([0, '', '']);
  });
});
