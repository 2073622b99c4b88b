// govcat compile / init / validate --fix on the command line: files written, input untouched, exit codes.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { parseLock } from '../src/codegen/lock.js';
import { allFields } from '../src/model/fields.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { catalogOf } from './helpers/catalog.js';
import { runCli } from './helpers/cli.js';

const fixture = join(import.meta.dirname, 'fixtures', 'compile-shared-catalog.json');

function workspace(): { dir: string; input: string } {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-compile-'));
  const input = join(dir, '南宁市目录.json');
  copyFileSync(fixture, input);
  return { dir, input };
}

describe('govcat compile', () => {
  it('writes the output and the lock, never touches the input, and exits 1 when errors remain', async () => {
    const { dir, input } = workspace();
    const before = readFileSync(input);
    const r = await runCli(['compile', '南宁市目录.json', '--out', '编译后.xlsx', '--today', '2021-11-23'], {
      cwd: dir,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '已编译 南宁市目录.json → 编译后.xlsx：8 条目录，生成 4 个资源代码，应用 8 处修复',
    );
    expect(r.stdout).toContain('第 2 条 食品生产许可信息：315018001/4（新编）');
    expect(r.stdout).toMatch(/share\.type：“无条件共享” → 1（取值写法）/);
    expect(r.stdout).toContain('compile/code-not-assigned');
    expect(readFileSync(input).equals(before)).toBe(true);
    const lock = parseLock(readFileSync(join(dir, 'govcat.lock.json'), 'utf8'), 'govcat.lock.json');
    expect(lock.codes.filter((c) => c.source === 'generated').map((c) => c.code)).toEqual([
      '315002001/1',
      '315002001/2',
      '315015001/002',
      '315018001/4',
    ]);
    const wb = XLSX.read(readFileSync(join(dir, '编译后.xlsx')), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['政务数据资源目录']);
  });

  it('keeps the same codes on the next run after rows were reordered', async () => {
    const { dir, input } = workspace();
    await runCli(['compile', input, '--out', join(dir, 'a.json')], { cwd: dir });
    const doc = JSON.parse(readFileSync(input, 'utf8'));
    doc.entries = [
      doc.entries[6],
      doc.entries[4],
      ...doc.entries.slice(0, 4),
      doc.entries[5],
      doc.entries[7],
    ];
    writeFileSync(input, JSON.stringify(doc));
    await runCli(['compile', input, '--out', join(dir, 'b.json')], { cwd: dir });
    const codes = (file: string) =>
      Object.fromEntries(
        JSON.parse(readFileSync(join(dir, file), 'utf8')).entries.map(
          (e: { name: string; code?: string }) => [e.name, e.code],
        ),
      );
    expect(codes('b.json')).toEqual(codes('a.json'));
    expect(codes('b.json')['幼儿园基本信息']).toBe('315002001/2');
  });

  it('--write replaces the input atomically and keeps every earlier version as a backup', async () => {
    const { dir, input } = workspace();
    const original = readFileSync(input);
    const r = await runCli(['compile', input, '--write', '--no-lock'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('原文件已备份为');
    expect(readFileSync(`${input}.bak`).equals(original)).toBe(true);
    const compiled = JSON.parse(readFileSync(input, 'utf8'));
    expect(compiled.entries[1].code).toBe('315018001/4');
    expect(existsSync(join(dir, 'govcat.lock.json'))).toBe(false);
    const second = readFileSync(input);
    await runCli(['compile', input, '--write', '--no-lock'], { cwd: dir });
    expect(readFileSync(`${input}.bak`).equals(original)).toBe(true);
    expect(readFileSync(`${input}.bak.1`).equals(second)).toBe(true);
    // Compiling a compiled catalog changes nothing more.
    expect(readFileSync(input).equals(second)).toBe(true);
  });

  it('--dry-run lists what would change and writes nothing', async () => {
    const { dir } = workspace();
    const r = await runCli(['compile', '南宁市目录.json', '--dry-run'], { cwd: dir });
    expect(r.stdout).toContain('试运行（未写入任何文件）');
    expect(r.stdout).toContain('可自动修复（8 处）');
    expect(readdirSync(dir)).toEqual(['南宁市目录.json']);
  });

  it('prints the JSON report with fixes and codes for pipelines', async () => {
    const { dir } = workspace();
    const r = await runCli(['compile', '南宁市目录.json', '-o', 'out.csv', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    const validate = getValidator(SCHEMA_IDS.report);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.files[0].codes.map((c: { code: string }) => c.code)).toEqual([
      '315018001/4',
      '315015001/002',
      '315002001/1',
      '315002001/2',
    ]);
    expect(report.files[0].output).toBe('out.csv');
    expect([...readFileSync(join(dir, 'out.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('refuses unclear or unsafe requests with one line and exit 2', async () => {
    const { dir } = workspace();
    const cases: [string[], RegExp][] = [
      [['compile', '南宁市目录.json'], /请用 --out <文件> 指定输出文件，或用 --write/],
      [['compile', '南宁市目录.json', '--out', './南宁市目录.json'], /就是输入文件：原地替换请使用 --write/],
      [['compile', '南宁市目录.json', '--out', 'x.pdf'], /无法确定输出格式“x\.pdf”/],
      [['compile', '南宁市目录.json', '--out', 'x.json', '--write'], /--out 与 --write 只能二选一/],
      [['compile', '不存在.json', '--out', 'x.json'], /找不到文件 不存在\.json/],
      [
        ['compile', '南宁市目录.json', '--out', 'x.json', '--sequence-width', '0'],
        /--sequence-width 应为 1 到 12 的整数/,
      ],
      [['compile', '宏.xlsm', '--write'], /宏\.xlsm 是带宏的工作簿，--write 写回会丢失宏/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(readdirSync(dir)).toEqual(['南宁市目录.json']);
  });

  it('reports a broken lock file by name instead of overwriting it', async () => {
    const { dir } = workspace();
    writeFileSync(join(dir, 'govcat.lock.json'), '{"version":1,"codes":[]}');
    const r = await runCli(['compile', '南宁市目录.json', '--out', 'x.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/锁文件 govcat\.lock\.json 的内容不符合 schemas\/lock\.schema\.json/);
    expect(readFileSync(join(dir, 'govcat.lock.json'), 'utf8')).toBe('{"version":1,"codes":[]}');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('speaks English with --lang en', async () => {
    const { dir } = workspace();
    const r = await runCli(['compile', '南宁市目录.json', '--dry-run', '--lang', 'en'], { cwd: dir });
    expect(r.stdout).toContain('dry run (nothing written)');
    expect(r.stdout).toContain('resource codes assigned (4)');
  });
});

describe('govcat init', () => {
  it('writes the blank template with the 填表说明 sheet, and will not overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-init-'));
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    // The 17 catalog columns, then the three 选择分类 pickers the message names apart.
    expect(r.stdout).toContain('已生成空白模板 政务数据资源目录.xlsx：17 列，另有 3 列“选择分类”');
    const wb = XLSX.read(readFileSync(join(dir, '政务数据资源目录.xlsx')), { type: 'buffer' });
    // The dropdown lists live on a hidden 代码表 sheet (test/template.test.ts checks them).
    expect(wb.SheetNames).toEqual(['政务数据资源目录', '填表说明', '代码表']);
    const header = XLSX.utils.sheet_to_json(wb.Sheets['政务数据资源目录']!, {
      header: 1,
      defval: null,
    }) as unknown[][];
    expect(header).toHaveLength(2);
    expect(header[0]!.slice(6, 10)).toEqual(['数据资源格式', '数据项信息', null, '共享属性']);
    expect(header[1]!.slice(7, 14)).toEqual([
      '数据项名称',
      '数据类型',
      '共享类型',
      '共享条件',
      '共享方式',
      '是否向社会开放',
      '开放条件',
    ]);
    const merges = (wb.Sheets['政务数据资源目录']!['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    expect(merges).toEqual(expect.arrayContaining(['A1:A2', 'H1:I1', 'J1:L1', 'M1:N1', 'Q1:Q2']));

    const guide = XLSX.utils.sheet_to_json(wb.Sheets['填表说明']!, { header: 1, defval: '' }) as string[][];
    const fieldRows = guide.slice(3);
    expect(fieldRows).toHaveLength(allFields().length);
    const row = (label: string) => fieldRows.find((r) => String(r[2]).startsWith(label))!;
    expect(row('共享类型')[6]).toBe('1 无条件共享；2 有条件共享；3 不予共享');
    expect(row('共享类型')[3]).toBe('必填');
    expect(row('共享类型')[4]).toBe('不适用');
    expect(row('共享方式')[3]).toBe('共享类型 1、2 必填');
    expect(row('更新周期')[6]).toContain('实时；每小时；每日；每周；每月；每季度；每半年；每年');
    expect(row('数据资源格式')[6]).toContain('数据库：数据库、Dm、KingbaseES');
    expect(row('数据类型')[6]).toContain('C 字符型；N 数值型');
    expect(row('数据资源提供方代码')[1]).toBe('数据提供方代码');
    expect(row('数据资源分类')[6]).toContain('1 基础信息资源');

    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('政务数据资源目录.xlsx 已存在：换一个文件名，或加 --force 覆盖');
    expect((await runCli(['init', '--force', '--extended'], { cwd: dir })).code).toBe(0);
    const extended = XLSX.read(readFileSync(join(dir, '政务数据资源目录.xlsx')), { type: 'buffer' });
    const h = XLSX.utils.sheet_to_json(extended.Sheets['政务数据资源目录']!, {
      header: 1,
      defval: null,
    }) as unknown[][];
    expect(h[1]).toContain('字段名称');
    expect(h[1]).toContain('是否主键');
  });

  it('writes an open-catalog template and rejects other extensions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-init-'));
    expect((await runCli(['init', '开放目录.xlsx', '--kind', 'open'], { cwd: dir })).code).toBe(0);
    const wb = XLSX.read(readFileSync(join(dir, '开放目录.xlsx')), { type: 'buffer' });
    const header = XLSX.utils.sheet_to_json(wb.Sheets['公共数据开放目录']!, {
      header: 1,
      defval: null,
    }) as unknown[][];
    expect(header[0]).not.toContain('共享属性');
    const bad = await runCli(['init', '模板.csv'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('模板只能写成 .xlsx 或 .xls 文件');
  });
});

describe('govcat validate --fix / --annotate', () => {
  it('--fix checks the catalog as compile would fix it, lists the fixes and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-fix-'));
    const file = join(dir, 'c.json');
    const catalog = catalogOf('shared', [{ share: { type: '无条件共享' }, publishDate: '2021/7/13' }]);
    writeFileSync(file, JSON.stringify(catalog));
    const before = readFileSync(file);
    const plain = await runCli(['validate', file, '--today', '2021-11-23'], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('metadata/date-valid');
    const fixed = await runCli(['validate', file, '--fix', '--today', '2021-11-23'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('可自动修复（2 处）');
    expect(fixed.stdout).toContain('publishDate：“2021/7/13” → “2021-07-13”（日期格式）');
    expect(readFileSync(file).equals(before)).toBe(true);
    const asJson = JSON.parse((await runCli(['validate', file, '--fix', '-f', 'json'], { cwd: dir })).stdout);
    expect(asJson.files[0].fixes).toHaveLength(2);
    expect(asJson.files[0].codes).toBeUndefined();
  });

  it('--annotate needs exactly one workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-annotate-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(catalogOf('shared', [{}])));
    const notBook = await runCli(['validate', 'c.json', '--annotate', 'out.xlsx'], { cwd: dir });
    expect(notBook.code).toBe(2);
    expect(notBook.stderr).toContain('--annotate 只能用于 xlsx / xls 工作簿或 CSV 文件，c.json 不是');
    const two = await runCli(['validate', 'a.xlsx', 'b.xlsx', '--annotate', 'out.xlsx'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--annotate 一次只能标注一个工作簿');
  });
});
