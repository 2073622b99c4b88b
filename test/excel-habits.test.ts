// Excel's habits understood: date cells in any display format, codes Excel stored as numbers, stray spaces,
// full-width characters, line breaks and numbers kept as text — each with its exact message; and writers
// that round-trip (compile → read → compile gives the same values; only CSV escapes formulas).
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { compileCatalog, type Finding, validateCatalog } from '../src/index.js';
import { baseEntry, merge } from './helpers/catalog.js';

const HEADER = [
  '数据资源分类',
  '数据资源名称',
  '数据资源代码',
  '数据资源提供方',
  '数据提供方代码',
  '数据资源摘要',
  '数据资源格式',
  '数据项名称',
  '数据类型',
  '共享类型',
  '共享条件',
  '共享方式',
  '是否向社会开放',
  '开放条件',
  '更新周期',
  '发布日期',
];
const NAMES = [
  '食品经营许可信息',
  '食品生产许可信息',
  '特种设备使用登记信息',
  '药品经营许可信息',
  '医疗器械经营备案信息',
  '计量器具检定信息',
  '广告经营许可信息',
];

/** One row of an editor's sheet; `patch` sets columns by index. */
function row(i: number, patch: Record<number, unknown> = {}): unknown[] {
  const r: unknown[] = [
    '315018001',
    NAMES[i],
    `315018001/${i + 1}`,
    '南宁市市场监督管理局食品经营监管科',
    '11450100MB0H76326Q',
    `本市${NAMES[i]}的许可证编号、经营者名称、经营场所、主体业态和有效期。`,
    '数据库',
    '许可证编号',
    'C(20)',
    1,
    '作为行政依据，用于监管协同和数据校核',
    '共享平台（服务接口）',
    1,
    '社会公众可在开放平台查询',
    '每日',
    '2021-07-13',
  ];
  for (const [k, v] of Object.entries(patch)) r[Number(k)] = v;
  return r;
}

/** A workbook as Excel saves it: SheetJS writes the cell types and number formats given. */
function workbook(rows: unknown[][], cells: Record<string, XLSX.CellObject> = {}): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['南宁市市场监督管理局政务数据资源目录（2021年）'], HEADER, ...rows]);
  for (const [ref, cell] of Object.entries(cells)) ws[ref] = cell;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '政务数据资源目录');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

async function findings(bytes: Uint8Array, lang: 'zh' | 'en' = 'zh'): Promise<Finding[]> {
  const report = await validateCatalog({ name: '目录.xlsx', bytes }, { lang, today: '2021-11-23' });
  return report.files[0]!.findings.filter((f) => f.ruleId !== 'metadata/skipped-sheet');
}
const at = (fs: Finding[]) => fs.map((f) => [f.location.cell, f.ruleId, f.message]);

describe('date cells', () => {
  it('are dates whatever Excel displays: m/d/yy, yyyy"年"m"月"d"日", d-mmm-yy give no finding', async () => {
    const bytes = workbook([row(0), row(1), row(2)], {
      P3: { t: 'n', v: 44390, z: 'm/d/yy' },
      P4: { t: 'n', v: 44390, z: 'yyyy"年"m"月"d"日"' },
      P5: { t: 'n', v: 44390, z: 'd-mmm-yy' },
    });
    expect(at(await findings(bytes))).toEqual([]);
    const compiled = await compileCatalog({ name: '目录.xlsx', bytes }, { format: 'json', codes: false });
    const json = JSON.parse(new TextDecoder().decode(compiled.output));
    expect(json.entries.map((e: { publishDate: string }) => e.publishDate)).toEqual([
      '2021-07-13',
      '2021-07-13',
      '2021-07-13',
    ]);
  });

  it('a date typed as text another way keeps its date-format warning', async () => {
    const fs = await findings(workbook([row(0, { 15: '2021/7/13' })]));
    expect(at(fs)).toEqual([
      ['P3', 'metadata/date-format', '“发布日期”写作“2021/7/13”，应写作 CCYY-MM-DD 格式：2021-07-13'],
    ]);
  });
});

describe('codes Excel stored as numbers', () => {
  it('an 18-digit code in a General cell: its own message, no check-character or consistency error', async () => {
    // Excel keeps 15 significant digits: 114501000075600007 typed becomes 114501000075600000.
    const fs = await findings(
      workbook([row(0, { 4: 114501000075600000 }), row(1, { 4: '114501000075600007' })]),
    );
    expect(at(fs)).toEqual([
      [
        'E3',
        'metadata/numeric-code',
        '“数据资源提供方代码”所在单元格是数值格式，Excel 只保留 15 位有效数字，现为“114501000075600000”：请把该列设为文本格式后重新输入代码',
      ],
      ['E4', 'metadata/provider-code-consistent', expect.stringContaining('114501000075600007')],
    ]);
    const en = await findings(workbook([row(0, { 4: 114501000075600000 })]), 'en');
    expect(en.map((f) => f.message)).toEqual([
      '"provider code" is in a numeric cell and Excel kept only 15 digits, leaving "114501000075600000": set the column to text and re-enter the code',
    ]);
  });

  it('scientific notation saved as text (1.14501E+17): its own message', async () => {
    const fs = await findings(workbook([row(0, { 4: '1.14501E+17' })]));
    expect(at(fs)).toEqual([
      [
        'E3',
        'metadata/numeric-code',
        '“数据资源提供方代码”写作“1.14501E+17”，是 Excel 把数值格式的代码显示成科学计数法后保存下来的，末尾数字已丢失：请把该列设为文本格式后重新输入代码',
      ],
    ]);
  });

  it('a classification code Excel holds exactly as a number reads as its text', async () => {
    expect(at(await findings(workbook([row(0, { 0: 315018001 })])))).toEqual([]);
  });
});

describe('other cell habits keep their precise messages', () => {
  it('full-width digits, a line break, inner spaces; stray outer spaces and numbers kept as text are read silently', async () => {
    const fs = await findings(
      workbook([
        row(0, { 0: '３１５０１８００１' }),
        row(1, { 1: '食品生产\n许可信息' }),
        row(2, { 1: '特种设备 使用登记信息' }),
        row(3, { 1: ' 药品经营许可信息 ' }),
        row(4, { 9: '1', 12: '1' }),
      ]),
    );
    expect(at(fs)).toEqual([
      [
        'A3',
        'code/full-width',
        '“数据资源分类”“３１５０１８００１”含全角字符（全角数字、字母或“／”），应改为半角：315018001',
      ],
      [
        'B4',
        'naming/no-punctuation',
        '名称“食品生产\n许可信息”中有换行（单元格内按了 Alt+Enter）：请删去换行，改为“食品生产许可信息”',
      ],
      [
        'B5',
        'naming/no-punctuation',
        '名称“特种设备 使用登记信息”中间有空格：请删去空格，改为“特种设备使用登记信息”',
      ],
    ]);
  });
});

describe('writers round-trip exactly', () => {
  const hostile = merge(baseEntry('shared'), {
    name: '=HYPERLINK("http://evil.example/","点击查看")',
    summary: '+1 食品经营许可的许可证编号、经营者名称和有效期。',
  });

  it('compile → xlsx → read → compile gives identical values, with no apostrophe added', async () => {
    const catalog = { kind: 'shared', title: '南宁市政务数据资源目录', entries: [hostile] };
    const first = await compileCatalog(
      { name: 'c.json', catalog: catalog as never },
      { format: 'xlsx', codes: false },
    );
    const second = await compileCatalog(
      { name: 'c.xlsx', bytes: first.output },
      { format: 'xlsx', codes: false },
    );
    const read = async (bytes: Uint8Array) =>
      JSON.parse(
        new TextDecoder().decode(
          (await compileCatalog({ name: 'c.xlsx', bytes }, { format: 'json', codes: false })).output,
        ),
      );
    const a = await read(first.output);
    const b = await read(second.output);
    expect(b.entries).toEqual(a.entries);
    expect(a.entries[0].name).toBe('=HYPERLINK("http://evil.example/","点击查看")');
    // The cell is a text cell, not a formula.
    const ws = XLSX.read(second.output, { type: 'array', cellFormula: true }).Sheets['政务数据资源目录']!;
    expect(ws.B4).toMatchObject({ t: 's', v: '=HYPERLINK("http://evil.example/","点击查看")' });
    expect(ws.B4.f).toBeUndefined();
  });

  it('CSV keeps its formula-injection escaping', async () => {
    const csv = await compileCatalog(
      { name: 'c.json', catalog: { kind: 'shared', entries: [hostile] } as never },
      { format: 'csv', codes: false },
    );
    expect(new TextDecoder().decode(csv.output)).toContain(
      `"'=HYPERLINK(""http://evil.example/"",""点击查看"")"`,
    );
  });
});
