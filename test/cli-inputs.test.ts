// Folders and glob patterns as inputs (expanded by govcat, as Windows cmd.exe does not), without govcat's own files.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../src/i18n/index.js';
import { catalogOf } from './helpers/catalog.js';
import { runCli } from './helpers/cli.js';
import { templateLayout } from './helpers/layouts.js';

let dir: string;

function put(path: string, content: string | Uint8Array) {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
}

const clean = JSON.stringify(catalogOf('shared', [{}]));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-inputs-'));
  put('目录/南宁市教育局.json', clean);
  put('目录/南宁市公安局.xlsx', templateLayout().bytes);
  put(
    '目录/县区/武鸣区.csv',
    '数据资源名称,数据资源代码,数据资源提供方\r\n人口基本信息,101001001/1,武鸣区公安局\r\n',
  );
  // Never catalogs: govcat's own files, Excel's owner file of an open workbook, hidden files, notes, manifests.
  put('目录/govcat.lock.json', JSON.stringify({ version: 1, separator: '/', codes: [] }));
  put('目录/govcat.config.json', JSON.stringify({ rules: {} }));
  put('目录/~$南宁市公安局.xlsx', new Uint8Array(165));
  put('目录/.备份.json', clean);
  put('目录/说明.txt', '填报说明');
  put('目录/package.json', '{}');
});

/** The files a JSON report covers, in order. */
async function covered(...argv: string[]): Promise<{ code: number; files: string[]; stderr: string }> {
  const r = await runCli(['validate', ...argv, '-f', 'json', '--today', '2021-11-23'], { cwd: dir });
  return {
    code: r.code,
    files: r.stdout ? JSON.parse(r.stdout).files.map((f: { path: string }) => f.path) : [],
    stderr: r.stderr,
  };
}

describe('folders and patterns as inputs', () => {
  it('a folder means the catalogs in it and below it, in a fixed order', async () => {
    const r = await covered('目录');
    expect(r.files).toEqual(['目录/南宁市公安局.xlsx', '目录/南宁市教育局.json', '目录/县区/武鸣区.csv']);
    expect(r.stderr).toBe('');
    expect((await covered('目录/')).files).toEqual(r.files);
  });

  it('expands patterns itself, leaving out govcat’s own files, keeping the arguments’ order', async () => {
    expect((await covered('目录/*.json')).files).toEqual(['目录/南宁市教育局.json']);
    expect((await covered('**/*.{csv,xlsx}')).files).toEqual([
      '目录/南宁市公安局.xlsx',
      '目录/县区/武鸣区.csv',
    ]);
    expect((await covered('目录/*.xlsx', '目录/*.json', '目录/南宁市公安局.xlsx')).files).toEqual([
      '目录/南宁市公安局.xlsx',
      '目录/南宁市教育局.json',
    ]);
  });

  it('a file whose name looks like a pattern is that file', async () => {
    put('目录/[2021].json', clean);
    expect((await covered('目录/[2021].json')).files).toEqual(['目录/[2021].json']);
  });

  it('a pattern that matches nothing, or a folder without catalogs, is a usage error (exit 2)', async () => {
    const none = await covered('目录/*.xls');
    expect([none.code, none.files, none.stderr.trim()]).toEqual([
      2,
      [],
      `govcat：${translate('zh', 'inputs.noMatch', { pattern: '目录/*.xls' })}`,
    ]);
    mkdirSync(join(dir, '空文件夹'));
    const empty = await covered('空文件夹');
    expect([empty.code, empty.stderr.trim()]).toEqual([
      2,
      `govcat：${translate('zh', 'inputs.emptyFolder', { folder: '空文件夹' })}`,
    ]);
  });

  it('skips govcat’s own files named on the command line, saying so on standard error', async () => {
    const r = await covered('目录/govcat.lock.json', '目录/南宁市教育局.json');
    expect([r.code, r.files]).toEqual([0, ['目录/南宁市教育局.json']]);
    expect(r.stderr.trim()).toBe(translate('zh', 'inputs.skipped', { file: '目录/govcat.lock.json' }));
    const only = await runCli(['validate', '目录/govcat.lock.json', '-f', 'compact'], { cwd: dir });
    expect([only.code, only.stdout]).toEqual([0, '']);
  });

  it('a missing file stays an input error of that file', async () => {
    const r = await covered('目录/不存在.xlsx');
    expect([r.code, r.files]).toEqual([2, ['目录/不存在.xlsx']]);
  });
});
