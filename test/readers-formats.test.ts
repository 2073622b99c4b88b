// Reader details: format sniffing, .xls variants, sheets, merges, notes, limits, CSV dialects, XML and JSON shapes.

import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { CatalogInputError } from '../src/errors.js';
import type { Limits } from '../src/generated/schema-types.js';
import { DtdScan, hasDtd } from '../src/io/readers/dtd-scan.js';
import { readCatalogBytes } from '../src/io/readers/index.js';
import type { ReadOptions } from '../src/io/readers/types.js';
import { resolveLimits } from '../src/limits.js';
import type { ParsedCatalog } from '../src/model/types.js';
import { loadSeeds } from '../src/seeds/index.js';
import { nanningUscc } from './helpers/catalog-data.js';
import { excelSerial, templateLayout } from './helpers/layouts.js';
import { buildZip, part } from './helpers/zip.js';

const seeds = loadSeeds();
const USCC = nanningUscc('00792180');

function opts(limits: Limits = {}, kind: ReadOptions['kind'] = 'auto'): ReadOptions {
  return { kind, limits: resolveLimits(limits), seeds };
}

function read(
  name: string,
  bytes: Uint8Array | string,
  limits: Limits = {},
  kind: ReadOptions['kind'] = 'auto',
) {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return readCatalogBytes({ name, bytes: data }, opts(limits, kind));
}

async function failure(
  name: string,
  bytes: Uint8Array | string,
  limits: Limits = {},
): Promise<{ code: string; messageId: string; zh: string; en: string; data: Record<string, unknown> }> {
  try {
    await read(name, bytes, limits);
  } catch (err) {
    if (err instanceof CatalogInputError) {
      return {
        code: err.code,
        messageId: err.messageId,
        zh: err.render('zh'),
        en: err.render('en'),
        data: err.data,
      };
    }
    throw err;
  }
  throw new Error(`${name} was read without error`);
}

type Row = (string | number | XLSX.CellObject | undefined)[];

function workbook(
  sheets: [string, Row[], XLSX.Range[]?][],
  bookType: XLSX.BookType = 'xlsx',
  date1904 = false,
): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows, merges] of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(rows as unknown[][]);
    if (merges) ws['!merges'] = merges;
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  if (date1904) wb.Workbook = { WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}

const HEAD = [
  '数据资源名称',
  '数据资源代码',
  '数据资源提供方',
  '数据资源提供方代码',
  '发布日期',
  '数据项名称',
  '数据类型',
];

/** A row with `n` blank cells in front (continuation rows). */
function blanks(n: number, ...rest: Row): Row {
  return [...new Array<undefined>(n).fill(undefined), ...rest];
}

function row(name: string, code: string, extra: Row = []): Row {
  return [name, code, '南宁市市场监督管理局', USCC, '2021-07-13', ...extra];
}

describe('format sniffing against the extension', () => {
  const xlsx = templateLayout().bytes;

  it('reads a workbook uploaded without an extension by its content', async () => {
    const parsed = await read('upload', xlsx);
    expect(parsed).toMatchObject({ format: 'xlsx', file: 'upload' });
    expect(parsed.entries).toHaveLength(40);
  });

  it('names what the content really is, in both languages', async () => {
    const zipAsXls = await failure('目录.xls', xlsx);
    expect(zipAsXls).toMatchObject({ code: 'input/format-mismatch', messageId: 'readers.mismatchZip' });
    expect(zipAsXls.zh).toBe(
      '目录.xls 的扩展名是 .xls，但内容是 zip 压缩包（xlsx 工作簿也是 zip）：如果它是 xlsx 工作簿，请把扩展名改为 .xlsx',
    );
    expect(zipAsXls.en).toContain('rename it to .xlsx');
    expect((await failure('a.xlsx', '{"entries": []}')).messageId).toBe('readers.mismatchJson');
    expect((await failure('a.csv', '<catalog/>')).messageId).toBe('readers.mismatchXml');
    expect((await failure('a.json', 'name,code\n')).messageId).toBe('readers.mismatchText');
    expect((await failure('a.xlsx', '%PDF-1.7\n')).messageId).toBe('readers.mismatchPdf');
  });

  it('refuses a zip that is not a workbook, and a truncated one', async () => {
    const zip = buildZip([part('2021/教育局.csv', 'a,b\n'), part('2021/卫健委.csv', 'a,b\n')]);
    expect(await failure('目录.xlsx', zip)).toMatchObject({ messageId: 'readers.zipNotWorkbook' });
    const cut = await failure('cut.xlsx', xlsx.subarray(0, 2000));
    expect(cut).toMatchObject({ code: 'input/malformed', messageId: 'readers.zipMalformed' });
  });
});

describe('.xls variants', () => {
  for (const [bookType, label] of [
    ['biff8', 'BIFF8 (Excel 97–2003)'],
    ['xlml', 'SpreadsheetML 2003 XML'],
    ['html', 'an HTML table'],
  ] as const) {
    it(`reads ${label} saved as .xls`, async () => {
      const rows: Row[] = [
        HEAD,
        row('食品经营许可信息', '315018001/1', ['许可证编号', 'C(20)']),
        blanks(5, '经营者名称', 'C(200)'),
      ];
      const parsed = await read('目录.xls', workbook([['目录', rows]], bookType));
      expect(parsed.format).toBe('xls');
      expect(parsed.entries).toHaveLength(1);
      expect(parsed.entries[0]!.data).toMatchObject({
        name: '食品经营许可信息',
        providerCode: USCC,
        items: [
          { name: '许可证编号', type: 'C(20)' },
          { name: '经营者名称', type: 'C(200)' },
        ],
      });
      expect(parsed.entries[0]!.locations.get('/items/1/type')?.cell).toBe('G3');
    });
  }

  it('refuses a DTD inside SpreadsheetML, in UTF-8 and in UTF-16 with or without a BOM', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Workbook/>';
    const utf16 = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
    for (const bytes of [xml, utf16(`\ufeff${xml}`), utf16(xml)]) {
      expect(await failure('a.xls', bytes)).toMatchObject({
        code: 'input/unsafe',
        messageId: 'readers.xmlDtd',
      });
    }
  });

  it('finds a DTD marker cut across stream chunks, in any case, and nothing in plain markup', () => {
    const samples: [string, Uint8Array, boolean][] = [
      ['UTF-8', new TextEncoder().encode('<?xml version="1.0"?>\n<!doctype x><x/>'), true],
      ['UTF-16LE', new Uint8Array(Buffer.from('<x/><!ENTITY a "b">', 'utf16le')), true],
      ['UTF-16BE', new Uint8Array(Buffer.from('<x/><!DocType x>', 'utf16le').swap16()), true],
      ['comment', new TextEncoder().encode('<x><!-- DOCTYPE --><![CDATA[<!DOCTYP]]></x>'), false],
    ];
    for (const [label, bytes, expected] of samples) {
      expect([label, hasDtd(bytes)]).toEqual([label, expected]);
      for (const size of [1, 2, 3, 7]) {
        const scan = new DtdScan();
        for (let i = 0; i < bytes.length; i += size) scan.push(bytes.subarray(i, i + size));
        expect([label, size, scan.found]).toEqual([label, size, expected]);
      }
    }
  });
});

describe('sheets, headers, merges and notes', () => {
  it('reports a sheet with content but no header, skips instructions and empty sheets silently', async () => {
    const bytes = workbook([
      ['填报说明', [['请按模板填写'], ['共享类型', '1 无条件共享']]],
      ['目录', [HEAD, row('食品经营许可信息', '315018001/1', ['许可证编号', 'C(20)'])]],
      [
        '汇总统计',
        [
          ['部门', '条数'],
          ['南宁市市场监督管理局', 12],
        ],
      ],
      ['Sheet3', []],
    ]);
    const parsed = await read('a.xlsx', bytes);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.notices).toEqual([
      {
        ruleId: 'metadata/skipped-sheet',
        messageId: 'noHeader',
        data: { sheet: '汇总统计' },
        location: { sheet: '汇总统计' },
      },
    ]);
  });

  it('fails with input/no-header when nothing looks like a catalog, and when only an item sheet exists', async () => {
    const none = await failure('a.csv', '部门,条数\n教育局,12\n');
    expect(none).toMatchObject({ code: 'input/no-header', messageId: 'readers.noHeaderFound' });
    expect(none.zh).toContain('a.csv 中找不到目录表头');
    // The row that looks like a header is named, with the nearest known header of each of its columns.
    expect(none.data).toMatchObject({ headers: '部门、条数' });
    expect(none.data.nearest).toBe('部门 → 提供部门、条数 → 数据条数');
    const blank = await failure('c.csv', '12\n');
    expect(blank.messageId).toBe('readers.noHeader');
    const items = workbook([
      [
        '信息项',
        [
          ['信息资源代码', '信息项名称', '数据类型', '字段长度'],
          ['315018001/1', '许可证编号', 'C', 20],
        ],
      ],
    ]);
    expect((await failure('b.xlsx', items)).messageId).toBe('readers.onlyItems');
  });

  it('fills a data-item cell merged down over several items, located at its top-left cell', async () => {
    const rows: Row[] = [
      HEAD,
      row('食品经营许可信息', '315018001/1', ['许可证编号', 'C(20)']),
      blanks(5, '经营者名称'),
      blanks(5, '经营场所'),
    ];
    const parsed = await read(
      'a.xlsx',
      workbook([['目录', rows, [{ s: { r: 1, c: 6 }, e: { r: 3, c: 6 } }]]]),
    );
    const e = parsed.entries[0]!;
    expect(e.data.items).toEqual([
      { name: '许可证编号', type: 'C(20)' },
      { name: '经营者名称', type: 'C(20)' },
      { name: '经营场所', type: 'C(20)' },
    ]);
    expect(e.locations.get('/items/2/type')?.cell).toBe('G2');
    expect(e.locations.get('/items/2/name')?.cell).toBe('F4');
  });

  it('starts a new entry when a repeated resource cell contradicts the entry above', async () => {
    const rows: Row[] = [
      HEAD,
      row('食品经营许可信息', '315018001/1', ['许可证编号', 'C(20)']),
      row('食品经营许可信息', '315018001/1', ['经营者名称', 'C(200)']),
      // Same code, another name: a second (duplicate-code) entry, not a continuation.
      row('食品生产许可信息', '315018001/1', ['许可证编号', 'C(20)']),
      // A blank resource cell on the first row, filled on the next: still one entry.
      [
        '市场主体登记信息',
        '315018003/1',
        '南宁市市场监督管理局',
        undefined,
        '2021-07-13',
        '主体名称',
        'C(200)',
      ],
      blanks(3, USCC, undefined, '法定代表人', 'C(50)'),
    ];
    const parsed = await read('a.csv', rows.map((r) => r.map((c) => c ?? '').join(',')).join('\n'));
    expect(parsed.entries.map((e) => [e.data.name, (e.data.items ?? []).length])).toEqual([
      ['食品经营许可信息', 2],
      ['食品生产许可信息', 1],
      ['市场主体登记信息', 2],
    ]);
    expect(parsed.entries[2]!.data.providerCode).toBe(USCC);
    expect(parsed.entries[2]!.locations.get('/providerCode')?.cell).toBe('D6');
  });

  it('skips note and sign-off rows, keeps unnamed and duplicate columns in extra with a notice', async () => {
    const rows: Row[] = [
      [...HEAD, '数据资源名称'],
      [
        ...row('食品经营许可信息', '315018001/1', ['许可证编号', 'C(20)']),
        '食品经营许可证',
        undefined,
        '复核',
      ],
      ['注：本表由南宁市市场监督管理局填报，共 1 条。'],
      ['填表人：李明', undefined, undefined, undefined, undefined, undefined, undefined],
    ];
    const parsed = await read('a.xlsx', workbook([['目录', rows]]));
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]!.data.extra).toEqual({ 数据资源名称: '食品经营许可证', '（J列）': '复核' });
    expect(parsed.notices.map((n) => [n.messageId, n.data.column, n.location?.cell])).toEqual([
      ['duplicate', 'H', 'H1'],
      ['unnamed', 'J', 'J1'],
    ]);
  });

  it('reads date cells as dates whatever their display format, the 1904 date system, 18-digit numbers as numbers', async () => {
    const serial = excelSerial('2021-07-13');
    const rows: Row[] = [
      HEAD,
      [
        '食品经营许可信息',
        '315018001/1',
        '南宁市市场监督管理局',
        114501007921807000,
        { t: 'n', v: serial, z: 'yyyy/m/d' },
      ],
    ];
    const parsed = await read('a.xlsx', workbook([['目录', rows]]));
    // Excel kept 15 significant digits of the code: it stays a number, for metadata/numeric-code to report.
    expect(parsed.entries[0]!.data).toMatchObject({
      publishDate: '2021-07-13',
      providerCode: 114501007921807000,
    });
    // How Excel displays a date cell (yyyy/m/d) is no finding.
    expect(parsed.entries[0]!.normalizations).toEqual([]);
    const rows1904: Row[] = [
      HEAD,
      row('食品经营许可信息', '315018001/1').map((c, i) =>
        i === 4 ? { t: 'n', v: serial - 1462, z: 'yyyy-mm-dd' } : c,
      ),
    ];
    const mac = await read('mac.xlsx', workbook([['目录', rows1904]], 'xlsx', true));
    expect(mac.entries[0]!.data.publishDate).toBe('2021-07-13');
    expect(mac.entries[0]!.normalizations).toEqual([]);
  });

  it('leaves an impossible date as written for the schema check, and reports it there', async () => {
    const parsed = await read(
      'a.csv',
      `${HEAD.join(',')}\n食品经营许可信息,315018001/1,南宁市市场监督管理局,${USCC},2021-13-45\n`,
    );
    expect(parsed.entries[0]!.data.publishDate).toBe('2021-13-45');
    expect(parsed.entries[0]!.normalizations).toEqual([]);
  });

  it('--kind overrides the columns: 开放条件 means 开放类型 in an open catalog', async () => {
    const text = `数据资源名称,数据资源提供方,数据资源摘要,开放条件\n公共充电桩位置信息,南宁市发展和改革委员会,站点名称和地址,无条件开放\n`;
    const shared = await read('a.csv', text, {}, 'shared');
    expect(shared.entries[0]!.data.open).toEqual({ condition: '无条件开放' });
    const open = await read('a.csv', text, {}, 'open');
    expect(open.entries[0]!.data.open).toEqual({ open: 1, mode: '无条件开放' });
    expect(open.entries[0]!.locations.get('/open/open')?.cell).toBe('D2');
  });
});

describe('limits (each names its option)', () => {
  const template = templateLayout().bytes;

  it('--max-rows, --max-columns, --max-entries, --max-cell-chars on a workbook', async () => {
    expect(await failure('a.xlsx', template, { maxRows: 50 })).toMatchObject({
      code: 'input/limit',
      messageId: 'readers.tooManyRows',
      data: { sheet: '目录', limit: 50 },
    });
    expect((await failure('a.xlsx', template, { maxColumns: 10 })).zh).toContain('--max-columns 10');
    expect((await failure('a.xlsx', template, { maxEntries: 39 })).zh).toContain('--max-entries 39');
    const long = await failure('a.xlsx', template, { maxCellChars: 20 });
    expect(long).toMatchObject({ messageId: 'readers.cellTooLong' });
    expect(long.zh).toMatch(/单元格 目录!F\d+ 有 \d+ 个字符，超过上限 --max-cell-chars 20/);
  });

  it('--max-inflated-bytes, --max-zip-entries and --timeout-ms', async () => {
    expect((await failure('a.xlsx', template, { maxInflatedBytes: 10_000 })).zh).toContain(
      '--max-inflated-bytes 10000',
    );
    expect((await failure('a.xlsx', template, { maxZipEntries: 3 })).zh).toContain('--max-zip-entries 3');
    expect(await failure('a.xlsx', template, { timeoutMs: 1 })).toMatchObject({ code: 'input/timeout' });
  });

  it('a sheet with 16,384 columns stops at --max-columns; a merge over the whole sheet stays fast', async () => {
    const wide = XLSX.utils.aoa_to_sheet([HEAD]);
    wide.XFD2 = { t: 's', v: 'x' };
    wide['!ref'] = 'A1:XFD2';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, wide, '目录');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect((await failure('wide.xlsx', bytes)).messageId).toBe('readers.tooManyColumns');
    const started = Date.now();
    const merged = workbook([
      [
        '目录',
        [HEAD, row('食品经营许可信息', '315018001/1')],
        [{ s: { r: 1, c: 0 }, e: { r: 1_048_575, c: 16_383 } }],
      ],
    ]);
    const parsed: ParsedCatalog = await read('merged.xlsx', merged);
    expect(parsed.entries).toHaveLength(1);
    // Overlapping merges (Excel never writes them) in one column: one long, 20,000 short ones.
    const rows: Row[] = [HEAD];
    for (let i = 0; i < 20_000; i++)
      rows.push(row(`资源${i}`, `315018001/${i + 1}`, ['许可证编号', 'C(20)']));
    const overlapping: XLSX.Range[] = [{ s: { r: 1, c: 6 }, e: { r: 20_000, c: 6 } }];
    for (let r = 2; r < 20_000; r += 1) overlapping.push({ s: { r, c: 6 }, e: { r: r + 1, c: 6 } });
    const crafted = await read('overlap.xlsx', workbook([['目录', rows, overlapping]]));
    expect(crafted.entries).toHaveLength(20_000);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('CSV dialects', () => {
  it('reads semicolons, quoted line breaks and tab-separated UTF-16LE (Excel “Unicode text”)', async () => {
    const semi = `数据资源名称;数据资源代码;数据资源提供方;数据资源摘要\n"食品经营许可信息";315018001/1;南宁市市场监督管理局;"许可证编号、经营者名称\n和有效期"\n`;
    const a = await read('a.csv', semi);
    expect(a.entries[0]!.data).toMatchObject({
      code: '315018001/1',
      summary: '许可证编号、经营者名称\n和有效期',
    });
    const tsv =
      '数据资源名称\t数据资源代码\t数据资源提供方\r\n食品经营许可信息\t315018001/1\t南宁市市场监督管理局\r\n';
    const b = await read('b.txt', new Uint8Array([0xff, 0xfe, ...Buffer.from(tsv, 'utf16le')]));
    expect(b.entries[0]!.data).toMatchObject({ name: '食品经营许可信息', provider: '南宁市市场监督管理局' });
    expect(b.entries[0]!.locations.get('/provider')).toEqual({ row: 2, column: 'C', cell: 'C2' });
  });

  it('names an unclosed quote as malformed CSV', async () => {
    const bad = await failure(
      'a.csv',
      `数据资源名称,数据资源代码,数据资源提供方\n"食品经营许可信息,315018001/1,南宁市\n`,
    );
    expect(bad).toMatchObject({ code: 'input/malformed', messageId: 'readers.csvMalformed' });
  });
});

describe('XML and JSON shapes', () => {
  it('reads a wrapper element, keeps unknown elements in extra, decodes references, reports bad XML by line', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<catalog title="南宁市目录">
  <entries>
    <entry>
      <name>食品经营许可信息 &#x2014; 2021</name>
      <code>３１５０１８００１／１</code>
      <share><type>有条件共享</type><condition>仅向公安部门共享</condition></share>
      <contact>李明</contact>
      <toString>x</toString>
    </entry>
  </entries>
</catalog>`;
    const parsed = await read('a.xml', xml);
    expect(parsed).toMatchObject({ title: '南宁市目录', kind: 'shared', kindSource: 'detected' });
    const e = parsed.entries[0]!;
    expect(e.data).toMatchObject({
      name: '食品经营许可信息 — 2021',
      code: '315018001/1',
      share: { type: 2, condition: '仅向公安部门共享' },
      extra: { contact: '李明', toString: 'x' },
    });
    expect(e.locations.get('/code')).toEqual({ row: 6, pointer: '/entries/0/code' });
    expect(parsed.notices.map((n) => n.data.header)).toEqual(['contact', 'toString']);
    const bad = await failure('b.xml', '<catalog>\n<entry><name>x</entry>\n</catalog>');
    expect(bad).toMatchObject({ code: 'input/malformed', data: { line: 2 } });
    expect((await failure('c.xml', '<catalog><constructor>x</constructor></catalog>')).code).toBe(
      'input/unsafe',
    );
  });

  it('reads CDATA as literal text in its place, with the line of its element', async () => {
    const xml = `<catalog>
  <entry>
    <name>前<![CDATA[食品 <经营> &amp; 许可]]>后</name>
    <code>315018001/1</code>
  </entry>
</catalog>`;
    const e = (await read('a.xml', xml)).entries[0]!;
    expect(e.data.name).toBe('前食品 <经营> &amp; 许可后');
    expect(e.locations.get('/code')?.row).toBe(4);
  });

  it('bounds XML while scanning it: entries, elements, names, attributes, text and CDATA', async () => {
    const entries = (n: number) => '<entry><name>甲</name></entry>'.repeat(n);
    const shape = (f: Awaited<ReturnType<typeof failure>>) => [f.code, f.messageId, f.data.limit];
    expect(shape(await failure('a.xml', `<catalog>${entries(3)}</catalog>`, { maxEntries: 2 }))).toEqual([
      'input/limit',
      'readers.xmlTooManyEntries',
      2,
    ]);
    const wrapped = `<catalog><entries>${entries(3)}</entries></catalog>`;
    expect(shape(await failure('a.xml', wrapped, { maxEntries: 2 }))[1]).toBe('readers.xmlTooManyEntries');
    // Data items are not entries.
    const items =
      '<items><item><name>a</name></item><item><name>b</name></item><item><name>c</name></item></items>';
    expect(
      (await read('a.xml', `<catalog><entry><name>甲</name>${items}</entry></catalog>`, { maxEntries: 1 }))
        .entries,
    ).toHaveLength(1);
    expect(shape(await failure('a.xml', `<catalog>${entries(3)}</catalog>`, { maxNodes: 6 }))).toEqual([
      'input/limit',
      'readers.xmlTooManyNodes',
      6,
    ]);
    // Attributes count with the elements: each becomes a value once parsed.
    const attributed = '<catalog kind="shared" title="南宁"><entry><name>甲</name></entry></catalog>';
    expect(shape(await failure('a.xml', attributed, { maxNodes: 4 }))[1]).toBe('readers.xmlTooManyNodes');
    expect((await read('a.xml', attributed, { maxNodes: 5 })).entries).toHaveLength(1);
    const long = 'a'.repeat(11);
    const cases: [string, string][] = [
      [`<catalog><entry><${long}>x</${long}></entry></catalog>`, 'readers.xmlNameTooLong'],
      [`<catalog><entry ${long}="1"><name>x</name></entry></catalog>`, 'readers.xmlNameTooLong'],
      [`<catalog><entry a="1" b="2" c="3"><name>x</name></entry></catalog>`, 'readers.xmlTooManyAttributes'],
      [`<catalog><entry><name>${long}</name></entry></catalog>`, 'readers.xmlTextTooLong'],
      [`<catalog><entry><name><![CDATA[${long}]]></name></entry></catalog>`, 'readers.xmlTextTooLong'],
      [
        `<catalog><entry><name>a<![CDATA[${'b'.repeat(5)}]]>${'c'.repeat(5)}</name></entry></catalog>`,
        'readers.xmlTextTooLong',
      ],
      [`<catalog title="${long}"><entry><name>x</name></entry></catalog>`, 'readers.xmlTextTooLong'],
      // Unterminated constructs are measured to the end of the text, not left to a long validation.
      [`<catalog><entry x="${long}`, 'readers.xmlTextTooLong'],
      [`<catalog><entry a="1" b="2" c="3`, 'readers.xmlTooManyAttributes'],
      [`<catalog><entry><name><![CDATA[${long}`, 'readers.xmlTextTooLong'],
      [`<catalog><entry><${long}`, 'readers.xmlNameTooLong'],
    ];
    for (const [xml, messageId] of cases) {
      const f = await failure('a.xml', xml, { maxCellChars: 10, maxColumns: 2 });
      expect([xml, f.code, f.messageId, f.data.line]).toEqual([xml, 'input/limit', messageId, 1]);
    }
    // References count as the one character they stand for.
    const refs = `<catalog><entry><name>${'&amp;'.repeat(10)}</name></entry></catalog>`;
    expect((await read('a.xml', refs, { maxCellChars: 10 })).entries[0]!.data.name).toBe('&'.repeat(10));
  });

  it('reads 200,000 entry elements (more than one call takes as arguments) without overflowing the stack', async () => {
    const parsed = await read('a.xml', `<c>${'<entry/>'.repeat(200_000)}</c>`);
    expect(parsed.entries).toHaveLength(200_000);
  });

  it('maps column-keyed JSON with groups and item arrays, inside result.records', async () => {
    const doc = {
      result: {
        records: [
          {
            数据资源名称: '食品经营许可信息',
            数据资源代码: '315018001/1',
            共享属性: { 共享类型: '有条件共享', 共享条件: '仅向公安部门共享', 共享方式: '共享平台' },
            数据项信息: [
              { 数据项名称: '许可证编号', 数据类型: 'C（20）' },
              { 数据项名称: '有效期至', 数据类型: '日期型' },
            ],
            数据资源格式: ['数据库', '接口'],
            联系人: '李明',
          },
        ],
      },
    };
    const parsed = await read('a.json', JSON.stringify(doc));
    const e = parsed.entries[0]!;
    expect(e.data).toMatchObject({
      name: '食品经营许可信息',
      share: { type: 2, condition: '仅向公安部门共享', method: '共享平台' },
      items: [
        { name: '许可证编号', type: 'C(20)' },
        { name: '有效期至', type: 'D' },
      ],
      format: ['数据库', '接口'],
      extra: { 联系人: '李明' },
    });
    expect(e.locations.get('/items/1/type')).toEqual({ pointer: '/result/records/0/数据项信息/1/数据类型' });
    expect(parsed.kind).toBe('shared');
  });
});

describe('two-row headers without merges', () => {
  it('reads group labels centred across their columns (not merged) over the sub-headers', async () => {
    const rows: Row[] = [
      ['数据资源名称', '数据资源代码', '数据资源提供方', '共享属性', undefined, undefined, '更新周期'],
      blanks(3, '类型', '条件', '方式'),
      [
        '食品经营许可信息',
        '315018001/1',
        '南宁市市场监督管理局',
        '有条件共享',
        '仅向公安部门共享',
        '共享平台',
        '每日',
      ],
    ];
    const parsed = await read('a.xlsx', workbook([['目录', rows]]));
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]!.data).toMatchObject({
      share: { type: 2, condition: '仅向公安部门共享', method: '共享平台' },
      updateCycle: '每日',
    });
    expect(parsed.entries[0]!.locations.get('/share/method')?.cell).toBe('F3');
    expect(parsed.layout).toMatchObject({ sheets: [{ headerRows: [1, 2], firstDataRow: 3 }] });
  });
});

describe('instruction sheets', () => {
  it('skips sheets named as instructions, but reads a catalog sheet whose name only mentions them', async () => {
    const catalog: Row[] = [HEAD, row('食品经营许可信息', '315018001/1', ['许可证编号', 'C(20)'])];
    const bytes = workbook([
      ['附件1填表说明', [['填表说明'], ['共享类型', '1 无条件共享']]],
      ['资源目录（含说明）', catalog],
    ]);
    const parsed = await read('a.xlsx', bytes);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]!.locations.get('/name')?.sheet).toBe('资源目录（含说明）');
    expect(parsed.notices).toEqual([]);
  });
});
