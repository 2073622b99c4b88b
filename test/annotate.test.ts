// Annotated workbooks: comments land on the cells of the findings, a first sheet lists everything, values stay.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { FileReport, Finding } from '../src/generated/schema-types.js';
import { annotateWorkbook, sheetRef } from '../src/io/writers/annotate.js';
import { writeXlsx } from '../src/io/writers/xlsx.js';
import type { EntryData } from '../src/model/types.js';
import { baseEntry, merge } from './helpers/catalog.js';

const SHEET = '政务数据资源目录';
const source = writeXlsx({
  kind: 'shared',
  title: '南宁市市场监督管理局政务数据资源目录（2021年）',
  entries: [
    baseEntry('shared') as EntryData,
    merge(baseEntry('shared'), {
      name: '食品生产许可信息',
      code: '315018001/2',
      providerCode: '11450100MB0H76326B',
    }) as EntryData,
  ],
});

function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'message'>): Finding {
  return { severity: 'error', category: 'metadata', entry: 1, location: {}, ...partial };
}

const report: FileReport = {
  path: '南宁市市场监督管理局目录.xlsx',
  format: 'xlsx',
  kind: 'shared',
  entries: 2,
  findings: [
    finding({
      ruleId: 'metadata/provider-code-check',
      message: '数据资源提供方代码“11450100MB0H76326B”的校验位应为“Q”而不是“B”',
      location: { sheet: SHEET, row: 9, column: 'E', cell: 'E9', field: 'providerCode' },
      entryName: '食品生产许可信息',
      resourceCode: '315018001/2',
    }),
    finding({
      ruleId: 'naming/test-rule',
      severity: 'warning',
      category: 'naming',
      message: '名称含有年份',
      location: { sheet: SHEET, row: 9, column: 'E', cell: 'E9', field: 'providerCode' },
    }),
    finding({
      ruleId: 'schema/required',
      category: 'completeness',
      message: '缺少必填项“关联资源代码”',
      location: { sheet: SHEET, row: 9, column: 'Q', cell: 'Q9', field: 'relatedCodes' },
    }),
    finding({
      ruleId: 'code/unique',
      message: '整条目录的问题',
      location: { sheet: SHEET, row: 4 },
      entry: 0,
    }),
    finding({ ruleId: 'metadata/unknown-column', severity: 'info', message: '未知列', entry: null }),
  ],
  rates: {
    naming: { label: '目录命名规范合格率', conforming: 1, total: 2, rate: 0.5 },
    metadata: { label: '元数据描述规范合格率', conforming: 1, total: 2, rate: 0.5 },
  },
};

describe('annotateWorkbook', () => {
  const result = annotateWorkbook(source, { file: report, lang: 'zh' });
  const book = XLSX.read(result.output, { type: 'array', dense: true });
  const original = XLSX.read(source, { type: 'array', dense: true });
  const cell = (sheet: string, a1: string) => {
    const { r, c } = XLSX.utils.decode_cell(a1);
    return (book.Sheets[sheet]!['!data'] as XLSX.CellObject[][])[r]?.[c];
  };

  it('inserts the findings sheet first and keeps the original sheets, values and merges', () => {
    expect(book.SheetNames).toEqual(['校验结果', SHEET]);
    const values = (wb: XLSX.WorkBook) =>
      XLSX.utils.sheet_to_json(wb.Sheets[SHEET]!, { header: 1, defval: null });
    expect(values(book)).toEqual(values(original));
    expect(book.Sheets[SHEET]!['!merges']).toEqual(original.Sheets[SHEET]!['!merges']);
  });

  it('puts one comment per cell, with every finding on it, its severity and rule id', () => {
    expect(result.comments).toBe(3);
    const e9 = cell(SHEET, 'E9')!;
    expect(e9.v).toBe('11450100MB0H76326B');
    expect(e9.c).toHaveLength(1);
    expect(e9.c![0]!.t).toBe(
      '【错误】数据资源提供方代码“11450100MB0H76326B”的校验位应为“Q”而不是“B”（metadata/provider-code-check）\n【警告】名称含有年份（naming/test-rule）',
    );
    expect(cell(SHEET, 'Q9')!.c![0]!.t).toContain('（schema/required）');
    // A finding on a whole row goes to the row's first cell.
    expect(cell(SHEET, 'A4')!.c![0]!.t).toContain('code/unique');
    expect(cell(SHEET, 'B4')!.c).toBeUndefined();
  });

  it('lists counts, rates and every finding with a link to its cell', () => {
    const rows = XLSX.utils.sheet_to_json(book.Sheets['校验结果']!, {
      header: 1,
      defval: null,
    }) as unknown[][];
    expect(rows[0]![0]).toBe('校验结果：南宁市市场监督管理局目录.xlsx');
    expect(String(rows[1]![0])).toMatch(/^2 条目录，3 个错误，1 个警告，1 个提示/);
    expect(rows.map((r) => r.slice(0, 4))).toContainEqual(['目录命名规范合格率', 1, 2, 0.5]);
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual([
      '序号',
      '级别',
      '位置',
      '条目',
      '资源代码',
      '字段',
      '问题与修改建议',
      '规则',
    ]);
    expect(rows.slice(header + 1).map((r) => [r[0], r[2], r[7]])).toEqual([
      [1, `${SHEET}!E9`, 'metadata/provider-code-check'],
      [2, `${SHEET}!E9`, 'naming/test-rule'],
      [3, `${SHEET}!Q9`, 'schema/required'],
      [4, `${SHEET}!第4行`, 'code/unique'],
      [5, null, 'metadata/unknown-column'],
    ]);
    const link = cell('校验结果', `C${header + 2}`)!.l;
    expect(link?.Target).toBe(`#${SHEET}!E9`);
  });

  it('does not clash with an existing sheet of the same name, and speaks English on request', () => {
    const twice = annotateWorkbook(result.output, { file: report, lang: 'en' });
    expect(XLSX.read(twice.output, { type: 'array' }).SheetNames).toEqual(['Validation', '校验结果', SHEET]);
    const again = annotateWorkbook(result.output, { file: report, lang: 'zh' });
    expect(XLSX.read(again.output, { type: 'array' }).SheetNames).toEqual(['(2)校验结果', '校验结果', SHEET]);
  });

  it('copes with blank rows and comments on empty cells (hand-made workbooks have both)', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['数据资源名称', '数据资源提供方', '更新周期'],
      [],
      ['食品经营许可信息', '南宁市市场监督管理局', null],
      [],
    ]);
    ws['!cols'] = [{ wch: 30 }, { wch: 24 }, { wch: 10 }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '目录');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['填表说明']]), '填表说明');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const missing = finding({
      ruleId: 'schema/required',
      message: '缺少必填项“更新周期”',
      entry: 0,
      location: { sheet: '目录', row: 3, column: 'C', cell: 'C3', field: 'updateCycle' },
    });
    const out = annotateWorkbook(bytes, { file: { ...report, findings: [missing], rates: {} }, lang: 'zh' });
    const back = XLSX.read(out.output, { type: 'array', dense: true, cellStyles: true });
    expect(back.SheetNames).toEqual(['校验结果', '目录', '填表说明']);
    const rows = back.Sheets['目录']!['!data'] as XLSX.CellObject[][];
    expect(rows[2]![2]!.c![0]!.t).toContain('缺少必填项“更新周期”');
    expect(rows[2]![2]!.v).toBeUndefined();
    expect(XLSX.utils.sheet_to_json(back.Sheets['目录']!, { header: 1 })).toEqual(
      XLSX.utils.sheet_to_json(XLSX.read(bytes, { type: 'array' }).Sheets['目录']!, { header: 1 }),
    );
    expect(back.Sheets['目录']!['!cols']?.map((c) => c.wch)).toEqual([30, 24, 10]);
  });

  it('with the fixes compile would apply: a comment on each fixed cell and a list on the first sheet', () => {
    const out = annotateWorkbook(source, {
      file: { ...report, findings: [] },
      fixes: [
        {
          entry: 1,
          entryName: '食品生产许可信息',
          field: 'share.type',
          kind: 'form',
          from: '无条件共享',
          to: 1,
          by: 'compile',
          location: { sheet: SHEET, row: 9, column: 'J', cell: 'J9', field: 'share.type' },
        },
      ],
      lang: 'zh',
    });
    const back = XLSX.read(out.output, { type: 'array', dense: true });
    const j9 = (back.Sheets[SHEET]!['!data'] as XLSX.CellObject[][])[8]![9]!;
    expect(j9.c![0]!.t).toBe('govcat compile 会把此处“无条件共享”改为“1”（取值写法）');
    const rows = XLSX.utils.sheet_to_json(back.Sheets['校验结果']!, {
      header: 1,
      defval: null,
    }) as unknown[][];
    expect(rows.map((r) => r[0])).toContain('编译时将自动修复（1 处）');
    expect(rows.at(-1)).toEqual([
      1,
      `${SHEET}!J9`,
      '食品生产许可信息',
      'share.type',
      '无条件共享',
      '1',
      '取值写法',
      null,
    ]);
    expect(rows.map((r) => r[0])).toContain('没有发现问题');
  });

  it('quotes sheet names in links only when Excel needs it', () => {
    expect(sheetRef('政务数据资源目录', 'C7')).toBe('政务数据资源目录!C7');
    expect(sheetRef('目录 2021', 'C7')).toBe("'目录 2021'!C7");
    expect(sheetRef("Bob's", 'A1')).toBe("'Bob''s'!A1");
  });
});
