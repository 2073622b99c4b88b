// The streaming xlsx reader yields exactly the grids SheetJS yields: layout fixtures, quirks, limits and fallbacks.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { zlibWholeInflate } from '../src/data/node.js';
import { CatalogInputError } from '../src/errors.js';
import { readCatalogBytes } from '../src/io/readers/index.js';
import type { ReadOptions } from '../src/io/readers/types.js';
import { setWholeInflate } from '../src/io/readers/whole-inflate.js';
import { streamGrids, workbookToGrids } from '../src/io/readers/xlsx.js';
import { Deadline, type ResolvedLimits, resolveLimits } from '../src/limits.js';
import { loadSeeds } from '../src/seeds/index.js';
import { itemsSheetLayout, portalLayout, templateLayout, variantsLayout } from './helpers/layouts.js';
import { buildZip, part, type ZipPart, zeroBombPart } from './helpers/zip.js';

const limits = resolveLimits();
const deadline = () => new Deadline('test', 60_000);

function sheetJs(bytes: Uint8Array, l: ResolvedLimits = limits) {
  return workbookToGrids(bytes, 'book.xlsx', l, deadline());
}

function streamed(bytes: Uint8Array, l: ResolvedLimits = limits) {
  return streamGrids(bytes, 'book.xlsx', l, deadline());
}

/** Runs a read and returns its CatalogInputError as [code, messageId, data], or 'ok'. */
async function outcome(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
    return 'ok';
  } catch (err) {
    if (err instanceof CatalogInputError) return [err.code, err.messageId, err.data];
    throw err;
  }
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook written by hand, part by part, as other producers than Excel write them. */
function handWorkbook(opts: {
  sheets: { name: string; xml: string }[];
  strings?: string;
  styles?: string;
  workbookPr?: string;
  /** Parts added after the others (a second copy of a part, a part holding a DTD). */
  extra?: ZipPart[];
  /** The first sheet's part as given (one that lies about its size, one cut short). */
  firstSheet?: ZipPart;
}): Uint8Array {
  const sheetRels = opts.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const extraRels =
    (opts.strings ? `<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    (opts.styles ? `<Relationship Id="rY" Type="${REL}/styles" Target="/xl/styles.xml"/>` : '');
  const parts: ZipPart[] = [
    part(
      '[Content_Types].xml',
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${opts.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${opts.strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${opts.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`,
    ),
    part(
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}">${opts.workbookPr ?? ''}<sheets>${opts.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}${extraRels}</Relationships>`,
    ),
    ...opts.sheets.map((s, i) =>
      i === 0 && opts.firstSheet ? opts.firstSheet : part(`xl/worksheets/sheet${i + 1}.xml`, s.xml),
    ),
  ];
  if (opts.strings) parts.push(part('xl/sharedStrings.xml', opts.strings));
  if (opts.styles) parts.push(part('xl/styles.xml', opts.styles));
  parts.push(...(opts.extra ?? []));
  return buildZip(parts);
}

function sheet(data: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1"/><sheetData>${data}</sheetData>${after}</worksheet>`;
}

const STYLES = `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00%"/></numFmts><cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf/></cellXfs></styleSheet>`;

const STRINGS = `<?xml version="1.0"?><sst ${NS} count="8" uniqueCount="8">
<si><t>数据资源名称</t></si>
<si><t xml:space="preserve">  前后空格  </t></si>
<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si>
<si><t>实体 &amp; &lt;&gt; &#x4E2D;&#25991; _x000D_换行&#13;&#10;结束</t></si>
<si><t>第一行&#13;&#10;第二行</t><rPh><t>ダイ</t></rPh></si>
<si><phoneticPr fontId="1"/></si>
<si><t></t></si>
<si><x:t xmlns:x="${NS.slice(7, -1)}">前缀</x:t></si>
</sst>`;

describe('streaming xlsx reader: the same grids as SheetJS', () => {
  const layouts = [
    templateLayout(),
    variantsLayout(),
    itemsSheetLayout(),
    portalLayout('xlsx'),
    templateLayout().bytes,
  ];
  it.each(layouts.slice(0, 4).map((l) => [l.name, l.bytes] as const))(
    'layout %s (merged cells, dates, shared and inline strings)',
    async (_name, bytes) => {
      const stream = await streamed(bytes);
      expect(stream, 'the streaming path took the file').toBeDefined();
      expect(stream).toEqual(sheetJs(bytes));
    },
  );

  it('a workbook as Excel writes it: shared strings, styles and merges', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['数据资源名称', '发布日期', '共享类型', '是否向社会开放', '比例'],
      ['人口信息', { t: 'n', v: 44390, z: 'yyyy-mm-dd' }, 1, true, { t: 'n', v: 0.25, z: '0%' }],
      ['法人信息', { t: 'n', v: 44391.5, z: 'm/d/yy h:mm' }, 2, false, { t: 'e', v: 0x2a }],
    ]);
    ws['!merges'] = [{ s: { r: 1, c: 2 }, e: { r: 2, c: 2 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '目录 & 数据');
    for (const bookSST of [true, false]) {
      const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST }) as Buffer);
      const stream = await streamed(bytes);
      expect(stream).toBeDefined();
      expect(stream).toEqual(sheetJs(bytes));
    }
  });

  it('hand-written parts: rich text, phonetic runs, entities, escapes, styles, 1904 dates, refs left out', async () => {
    const data =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
      `<row r="2"><c t="s"><v>4</v></c><c t="s"><v>5</v></c><c t="s"><v>6</v></c><c t="s"><v>7</v></c><c t="s"><v>8</v></c></row>` +
      `<row r="4" spans="1:9"><c r="A4" s="1"><v>44390</v></c><c r="B4" s="2"><v>44391</v></c><c r="C4" s="3"><v>0.5</v></c><c r="D4" s="4"><v>7</v></c><c r="E4" s="9"><v>8</v></c></row>` +
      `<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><v>0</v></c><c r="C5" t="e"><v>#N/A</v></c><c r="D5" t="e"><v>#BOGUS</v></c><c r="E5"><v></v></c><c r="F5"/><c r="G5" t="n"><v>1.5E3</v></c></row>` +
      `<row r="3"><c r="A3" t="str"><f>A1</f><v>公式 &amp;amp; 文本&amp;#33;</v></c><c r="B3" t="str"><v></v></c><c r="C3" t="str"/></row>` +
      `<row r="6"><c r="B6" t="inlineStr"><is><t>内联</t></is></c><c r="C6" t="inlineStr"><is><r><t>多</t></r><r><t>段</t></r></is></c><c r="D6" t="inlineStr"></c><c r="H6"><f>SUM(A1:A2)</f><v>3</v></c></row>` +
      `<row><c r="A7"><v>12</v></c></row><x:row r="9" xmlns:x="${NS.slice(7, -1)}"><x:c r="C9" t="s"><x:v>0</x:v></x:c></x:row>` +
      `<!-- a comment --><row r="10"><c r="B10" t="s"><v>3</v></c></row>` +
      // A cell referring to the next row, a row written twice, a cell written twice.
      `<row r="11"><c r="A11"><v>1</v></c><c r="C12"><v>2</v></c></row><row r="12"><c r="B12"><v>3</v></c></row>` +
      `<row r="11"><c r="D11"><v>4</v></c><c r="A11"><v>5</v></c></row>`;
    for (const workbookPr of ['', '<workbookPr date1904="1"/>']) {
      const bytes = handWorkbook({
        sheets: [
          {
            name: '目录',
            xml: sheet(
              data,
              '<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="B4"/></mergeCells>',
            ),
          },
          { name: '说明&amp;备注', xml: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
        ],
        strings: STRINGS,
        styles: STYLES,
        workbookPr,
      });
      const stream = await streamed(bytes);
      expect(stream).toBeDefined();
      expect(stream).toEqual(sheetJs(bytes));
    }
  });

  it('a sheet of several inflated chunks: every cell form cut at every place by a chunk end', async () => {
    // The cell forms the scan takes in place (rows, `<c …/>`, `<c …><v>…</v></c>`) mixed with those it leaves
    // to the generic path (inline strings, formulas, prefixes, spaces between tags, rows without a number).
    const forms = (r: number) =>
      `<row r="${r}" spans="1:9"><c r="A${r}" t="s"><v>${(r * 7) % 24_000}</v></c><c r="B${r}"/><c r="C${r}" s="1"><v>${44000 + r}</v></c>` +
      `<c r="D${r}"><v></v></c><c r="E${r}" t="b"><v>1</v></c> <c r="F${r}" t="inlineStr"><is><t>内联${r}</t></is></c>` +
      `<c r="G${r}"><f>A1</f><v>${r}</v></c>\n<c t="s"><v>3</v></c><c r="I${r}" t="e"><v>#N/A</v></c></row>` +
      (r % 7 === 0 ? `<row><c r="B${r + 1}" t="s"><v>0</v></c></row>` : '');
    const rows: string[] = [];
    let size = 0;
    for (let r = 1; size < 700 * 1024; r += 2) {
      const row = forms(r);
      rows.push(row);
      size += row.length;
    }
    // Merged ranges over several chunks: the plain form (taken in place) among single cells, other quotes
    // and spacing.
    const merges = Array.from({ length: 30_000 }, (_, i) =>
      i % 4 === 0
        ? `<mergeCell ref="H${i + 1}:I${i + 1}"/>`
        : i % 4 === 1
          ? `<mergeCell ref="AB${i + 1}"/>`
          : i % 4 === 2
            ? `<mergeCell ref='J${i + 1}:L${i + 3}' />`
            : `<mergeCell ref="XFD${i + 1}:XFD${i + 2}"/>`,
    );
    // Shared strings over several chunks too: plain items (taken in place) among rich, preserved and
    // escaped ones.
    const items = Array.from({ length: 24_000 }, (_, i) =>
      i % 5 === 0
        ? `<si><t>名称${i} &amp; _x000D_</t></si>`
        : i % 5 === 1
          ? `<si><t xml:space="preserve"> 空格 ${i} </t></si>`
          : i % 5 === 2
            ? `<si><r><t>富${i}</t></r><r><t>文本</t></r></si>`
            : i % 5 === 3
              ? `<si><t></t></si>`
              : `<si><t>行${i}&#13;&#10;下一行</t><rPh><t>ダ</t></rPh></si>`,
    );
    const strings = `<?xml version="1.0"?><sst ${NS} count="${items.length}">${items.join('')}</sst>`;
    const bytes = handWorkbook({
      sheets: [
        {
          name: '目录',
          xml: sheet(rows.join(''), `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`),
        },
      ],
      strings,
      styles: STYLES,
    });
    const stream = await streamed(bytes);
    expect(stream).toBeDefined();
    expect(stream).toEqual(sheetJs(bytes));
  });

  it('zlib inflating whole parts (the Node adapter) reads and refuses exactly as fflate does', async () => {
    const rows = Array.from(
      { length: 12_000 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 8}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const big = sheet(rows);
    const book = (firstSheet?: ZipPart) =>
      handWorkbook({ sheets: [{ name: '目录', xml: big }], strings: STRINGS, styles: STYLES, firstSheet });
    const sheetPart = part('xl/worksheets/sheet1.xml', big);
    const cases = [
      book(),
      // a sheet that declares fewer or more bytes than it inflates to, one cut short, a bomb
      book({ ...sheetPart, declaredSize: sheetPart.declaredSize - 10 }),
      book({ ...sheetPart, declaredSize: sheetPart.declaredSize + 10 }),
      book({ ...sheetPart, deflated: sheetPart.deflated.subarray(0, sheetPart.deflated.length >> 1) }),
      book(zeroBombPart('xl/worksheets/sheet1.xml', 2, 1024 * 1024)),
    ];
    const small = resolveLimits({ maxInflatedBytes: 600 * 1024 });
    for (const bytes of cases) {
      for (const l of [limits, small]) {
        setWholeInflate(undefined);
        const withFflate = await outcome(() => streamed(bytes, l));
        const fflateGrids = withFflate === 'ok' ? await streamed(bytes, l) : undefined;
        setWholeInflate(zlibWholeInflate);
        try {
          expect(await outcome(() => streamed(bytes, l))).toEqual(withFflate);
          if (fflateGrids) expect(await streamed(bytes, l)).toEqual(fflateGrids);
        } finally {
          setWholeInflate(undefined);
        }
      }
    }
  });

  it('limits end the same way: rows, columns, cell length (first in row order)', async () => {
    const many = Array.from(
      { length: 12 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`,
    ).join('');
    const wide = `<row r="1">${Array.from({ length: 12 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}1"><v>1</v></c>`).join('')}</row>`;
    const long = `<row r="2"><c r="B2" t="inlineStr"><is><t>${'长'.repeat(40)}</t></is></c></row><row r="1"><c r="C1" t="inlineStr"><is><t>${'长'.repeat(50)}</t></is></c></row>`;
    const far = `<row r="1"><c r="A1"><v>1</v></c><c r="B900"><v>1</v></c></row>`;
    const tight = resolveLimits({ maxRows: 10, maxColumns: 10, maxCellChars: 30 });
    for (const data of [many, wide, long, far, wide + long]) {
      const bytes = handWorkbook({ sheets: [{ name: 'S', xml: sheet(data) }] });
      const expected = await outcome(() => sheetJs(bytes, tight));
      expect(expected).not.toBe('ok');
      expect(await outcome(() => streamed(bytes, tight))).toEqual(expected);
    }
  });

  it('falls back to SheetJS for what it does not reproduce (formula strings, odd references)', async () => {
    const cases = [
      sheet('<row r="1"><c r="A1" t="str"><f>A2</f><v>&#x4E2D;文</v></c></row>'),
      sheet('<row r="1"><c r="A1" t="d"><v>2021-07-13</v></c></row>'),
      sheet('<row r="1"><c r="$A$1"><v>1</v></c></row>'),
      sheet('<row r="1"><c r="A1" t="s"><v>99</v></c></row>'),
      // Markup carried from chunk to chunk is bounded (a 2 MB attribute, an unterminated comment).
      sheet(`<row r="1"><c r="A1" x="${'x'.repeat(2_000_000)}"><v>1</v></c></row>`),
      sheet(`<row r="1"><c r="A1"><v>1</v></c></row><!-- ${'x'.repeat(2_000_000)}`),
    ];
    for (const xml of cases) {
      const bytes = handWorkbook({ sheets: [{ name: 'S', xml }], strings: STRINGS });
      expect(await streamed(bytes)).toBeUndefined();
    }
    // The reader still reads such a workbook (through SheetJS).
    const header =
      '<c r="A1" t="inlineStr"><is><t>数据资源名称</t></is></c><c r="B1" t="inlineStr"><is><t>数据资源代码</t></is></c><c r="C1" t="inlineStr"><is><t>数据资源提供方</t></is></c>';
    const bytes = handWorkbook({
      sheets: [
        {
          name: 'S',
          xml: sheet(
            `<row r="1">${header}</row><row r="2"><c r="A2" t="str"><v>人口信息</v></c><c r="B2" t="str"><v>101/1</v></c><c r="C2" t="str"><v>公安局</v></c></row>`,
          ),
        },
      ],
    });
    const options: ReadOptions = { kind: 'auto', limits, seeds: loadSeeds() };
    const parsed = await readCatalogBytes({ name: 'formulas.xlsx', bytes }, options);
    expect(parsed.entries.map((e) => e.data.name)).toEqual(['人口信息']);
  });
});

describe('zip parts every reader of the workbook must agree on', () => {
  const header =
    '<c r="A1" t="inlineStr"><is><t>数据资源名称</t></is></c><c r="B1" t="inlineStr"><is><t>数据资源代码</t></is></c><c r="C1" t="inlineStr"><is><t>数据资源提供方</t></is></c>';
  const rows = (name: string, cellType = 'inlineStr') =>
    sheet(
      `<row r="1">${header}</row><row r="2"><c r="A2" t="${cellType}">${cellType === 'str' ? `<v>${name}</v>` : `<is><t>${name}</t></is>`}</c><c r="B2" t="inlineStr"><is><t>101001001/1</t></is></c><c r="C2" t="inlineStr"><is><t>南宁市公安局</t></is></c></row>`,
    );
  const options = (): ReadOptions => ({ kind: 'auto', limits, seeds: loadSeeds() });
  const read = (bytes: Uint8Array) =>
    outcome(() => readCatalogBytes({ name: 'book.xlsx', bytes }, options()));

  it('refuses two parts of one name, on the streaming path and on the SheetJS path alike', async () => {
    for (const cellType of ['inlineStr', 'str']) {
      const bytes = handWorkbook({
        sheets: [{ name: '目录', xml: rows('人口基本信息', cellType) }],
        extra: [part('xl/worksheets/sheet1.xml', rows('车辆登记信息', cellType))],
      });
      // The streaming reader reads through the guarded zip reader, which refuses the copy before either reads.
      await expect(streamed(bytes)).rejects.toThrow(/xl\/worksheets\/sheet1\.xml/);
      expect(await read(bytes)).toEqual([
        'input/unsafe',
        'readers.zipDuplicate',
        { file: 'book.xlsx', part: 'xl/worksheets/sheet1.xml' },
      ]);
    }
    // Part names compare as OPC compares them: ignoring ASCII case.
    const cased = handWorkbook({
      sheets: [{ name: '目录', xml: rows('人口基本信息') }],
      extra: [part('XL/Worksheets/Sheet1.xml', rows('车辆登记信息'))],
    });
    expect(((await read(cased)) as unknown[]).slice(0, 2)).toEqual(['input/unsafe', 'readers.zipDuplicate']);
  });

  it('refuses a DTD in any XML part, in UTF-8 and UTF-16 of either byte order', async () => {
    const dtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>';
    const utf16 = (text: string, bigEndian: boolean) => {
      const le = Buffer.from(`\ufeff${text}`, 'utf16le');
      if (bigEndian) le.swap16();
      return new Uint8Array(le);
    };
    const variants: [string, ZipPart][] = [
      ['sheet', part('xl/worksheets/sheet2.xml', `${dtd}${rows('x').slice(38)}`)],
      ['styles', part('xl/styles.xml', `${dtd}<styleSheet ${NS}/>`)],
      [
        'relationships',
        part('xl/worksheets/_rels/sheet1.xml.rels', `<!doctype Relationships><Relationships/>`),
      ],
      ['custom XML, UTF-16LE', part('customXml/item1.xml', utf16(`${dtd}<x/>`, false))],
      [
        'custom XML, UTF-16BE',
        part('customXml/item2.xml', utf16(`<?xml version="1.0"?><!ENTITY x "y"><x/>`, true)),
      ],
    ];
    for (const [label, extra] of variants) {
      const bytes = handWorkbook({ sheets: [{ name: '目录', xml: rows('人口基本信息') }], extra: [extra] });
      expect([label, ...((await read(bytes)) as unknown[]).slice(0, 2)]).toEqual([
        label,
        'input/unsafe',
        'readers.zipDtd',
      ]);
    }
    // Media are not XML: their bytes may be anything.
    const image = handWorkbook({
      sheets: [{ name: '目录', xml: rows('人口基本信息') }],
      extra: [part('xl/media/image1.svg', `${dtd}<svg/>`)],
    });
    expect(await read(image)).toBe('ok');
  });
});
