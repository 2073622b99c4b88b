// Builds the six catalog layouts the readers must understand, from the 40-entry fixture, with expected cells.
import * as XLSX from 'xlsx';
import { type FixtureEntry, type OpenFixtureEntry, openFixture, sharedFixture } from './catalog-data.js';
import { encodeGb18030 } from './gb18030.js';

/** Where one entry must be found: its first row, the rows of its items, and the columns of its fields. */
export interface ExpectedPlacement {
  sheet?: string;
  row: number;
  itemRows: number[];
  itemSheet?: string;
}

/** A built layout: the file and where each fixture entry sits in it. */
export interface BuiltLayout {
  name: string;
  bytes: Uint8Array;
  /** Field pointer → column letter, for the entry sheet. */
  columns: Record<string, string>;
  /** Item field (name, type, fieldName) → column letter. */
  itemColumns: Record<string, string>;
  placements: ExpectedPlacement[];
}

type Cell = string | number | XLSX.CellObject | undefined;

/** Excel serial of a CCYY-MM-DD date (1900 system). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z/]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

const SHARE_WORDS = { 1: '无条件共享', 2: '有条件共享', 3: '不予共享' } as const;

function sheetOf(rows: Cell[][], merges: XLSX.Range[] = []): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows as unknown[][]);
  if (merges.length > 0) ws['!merges'] = merges;
  return ws;
}

function bookBytes(sheets: [string, XLSX.WorkSheet][], bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}

/** How each layout writes the values that have several spellings (all normalize to the fixture). */
function writtenDate(e: FixtureEntry, i: number): Cell {
  switch (i % 4) {
    case 0:
      return { t: 'n', v: excelSerial(e.publishDate), z: 'yyyy-mm-dd' };
    case 1: {
      const [y, m, d] = e.publishDate.split('-').map(Number);
      return `${y}/${m}/${d}`;
    }
    case 2: {
      const [y, m, d] = e.publishDate.split('-').map(Number);
      return `${y}年${m}月${d}日`;
    }
    default:
      return e.publishDate;
  }
}

function writtenShareType(e: FixtureEntry, i: number): Cell {
  return i % 4 === 0 ? SHARE_WORDS[e.share.type] : e.share.type;
}

function writtenOpen(e: FixtureEntry, i: number): Cell {
  return i % 3 === 0 ? (e.open.open === 1 ? '是' : '否') : e.open.open;
}

function writtenCode(e: FixtureEntry, i: number): string {
  return i === 5 ? toFullWidth(e.code) : e.code;
}

function writtenType(t: { type: string }, i: number): string {
  return i % 3 === 1 ? t.type.replace('(', '（').replace(')', '）') : t.type;
}

/**
 * The rows of one entry in the column order of the guide's template (A–Q): the resource cells on its first
 * row, one data item (H, I) per row; formats and related codes joined with `joiner`.
 */
function templateRows(e: FixtureEntry, i: number, width: number, joiner: string): Cell[][] {
  return e.items.map((it, j) => {
    const row: Cell[] = new Array(width).fill(undefined);
    if (j === 0) {
      row[0] = e.classification;
      row[1] = e.name;
      row[2] = writtenCode(e, i);
      row[3] = e.provider;
      row[4] = e.providerCode;
      row[5] = e.summary;
      row[6] = e.format.join(joiner);
      row[9] = writtenShareType(e, i);
      row[10] = e.share.condition;
      row[11] = e.share.method;
      row[12] = writtenOpen(e, i);
      row[13] = e.open.condition;
      row[14] = e.updateCycle;
      row[15] = writtenDate(e, i);
      row[16] = e.relatedCodes?.join(joiner);
    }
    row[7] = it.name;
    row[8] = writtenType(it, i);
    return row;
  });
}

/**
 * Layout 1 — the guide's template (Appendix 2): title row, two header rows with merged groups, one row
 * per data item; even entries merge their resource cells vertically, odd entries leave them blank.
 */
export function templateLayout(entries: FixtureEntry[] = sharedFixture()): BuiltLayout {
  const rows: Cell[][] = [];
  const merges: XLSX.Range[] = [];
  const width = 17;
  rows.push(['南宁市政务数据资源目录（2021年）']);
  merges.push({ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } });
  rows.push([
    '数据资源分类',
    '数据资源名称',
    '数据资源代码',
    '数据资源提供方',
    '数据提供方代码',
    '数据资源摘要',
    '数据资源格式',
    '数据项信息',
    undefined,
    '共享属性',
    undefined,
    undefined,
    '开放属性',
    undefined,
    '更新周期',
    '发布日期',
    '关联资源代码',
  ]);
  rows.push([
    ...new Array<Cell>(7).fill(undefined),
    '数据项名称',
    '数据类型',
    '共享类型',
    '共享条件',
    '共享方式',
    '是否向社会开放',
    '开放条件',
  ]);
  merges.push({ s: { r: 1, c: 7 }, e: { r: 1, c: 8 } }, { s: { r: 1, c: 9 }, e: { r: 1, c: 11 } });
  merges.push({ s: { r: 1, c: 12 }, e: { r: 1, c: 13 } });
  for (const c of [0, 1, 2, 3, 4, 5, 6, 14, 15, 16]) merges.push({ s: { r: 1, c }, e: { r: 2, c } });
  const placements: ExpectedPlacement[] = [];
  entries.forEach((e, i) => {
    const first = rows.length;
    rows.push(...templateRows(e, i, width, '、'));
    const last = rows.length - 1;
    if (i % 2 === 0 && last > first) {
      for (const c of [0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16]) {
        merges.push({ s: { r: first, c }, e: { r: last, c } });
      }
    }
    placements.push({ sheet: '目录', row: first + 1, itemRows: e.items.map((_, j) => first + j + 1) });
  });
  return {
    name: 'template.xlsx',
    bytes: bookBytes([['目录', sheetOf(rows, merges)]]),
    columns: {
      '/classification': 'A',
      '/name': 'B',
      '/code': 'C',
      '/provider': 'D',
      '/providerCode': 'E',
      '/share/type': 'J',
      '/open/open': 'M',
      '/publishDate': 'P',
    },
    itemColumns: { name: 'H', type: 'I' },
    placements,
  };
}

/**
 * Layout 2 — header variants: national-guide names and synonyms, stray spaces, `*` markers, full-width
 * brackets, a title and a note above a one-row header, an instructions sheet first, an unknown column.
 */
export function variantsLayout(entries: FixtureEntry[] = sharedFixture()): BuiltLayout {
  const header = [
    '*信息资源分类',
    '信息资源 名称',
    '信息资源代码',
    '信息资源提供方',
    '提供方代码',
    '资源摘要',
    '信息资源格式',
    '信息项名称',
    '数据类型（长度）',
    '共享类型',
    '共享条件',
    '共享方式',
    '是否开放',
    '开放条件',
    '更新频率',
    '发布日期（CCYY－MM－DD）',
    '关联资源代码',
    '联系人',
  ];
  const rows: Cell[][] = [
    ['自治区卫生健康委员会政务数据资源目录（2021年）'],
    ['填表说明：带*的为必填项，日期按 CCYY-MM-DD 填写'],
    header,
  ];
  const placements: ExpectedPlacement[] = [];
  entries.forEach((e, i) => {
    const first = rows.length;
    const entryRows = templateRows(e, i, header.length, ',');
    entryRows[0]![17] = `联系人${i + 1}`;
    rows.push(...entryRows);
    placements.push({ sheet: '资源目录', row: first + 1, itemRows: e.items.map((_, j) => first + j + 1) });
  });
  const instructions = sheetOf([
    ['填表说明'],
    ['字段', '说明'],
    ['信息资源名称', '缩略描述资源内容的标题'],
    ['共享类型', '1 无条件共享，2 有条件共享，3 不予共享'],
  ]);
  return {
    name: 'variants.xlsx',
    bytes: bookBytes([
      ['填表说明', instructions],
      ['资源目录', sheetOf(rows)],
    ]),
    columns: { '/name': 'B', '/code': 'C', '/providerCode': 'E', '/share/type': 'J', '/publishDate': 'P' },
    itemColumns: { name: 'H', type: 'I' },
    placements,
  };
}

/**
 * Layout 3 — data items in a separate sheet keyed by resource code, type and length in two columns
 * (字符型 + 50); some keys merged over their items, others written once and left blank below.
 */
export function itemsSheetLayout(
  entries: FixtureEntry[] = sharedFixture(),
  itemKey: (e: FixtureEntry, i: number) => string = (e) => e.code,
): BuiltLayout {
  const head = [
    '数据资源分类',
    '数据资源名称',
    '数据资源代码',
    '数据资源提供方',
    '数据资源提供方代码',
    '数据资源摘要',
    '数据资源格式',
    '共享类型',
    '共享条件',
    '共享方式',
    '是否向社会开放',
    '开放条件',
    '更新周期',
    '发布日期',
    '关联资源代码',
  ];
  const main: Cell[][] = [head];
  const placements: ExpectedPlacement[] = [];
  const items: Cell[][] = [['信息资源代码', '信息项名称', '字段名称', '数据类型', '字段长度', '小数位数']];
  const merges: XLSX.Range[] = [];
  const words: Record<string, string> = { C: '字符型', N: '数值型', D: '日期型' };
  entries.forEach((e, i) => {
    main.push([
      e.classification,
      e.name,
      e.code,
      e.provider,
      e.providerCode,
      e.summary,
      e.format.join('、'),
      e.share.type,
      e.share.condition,
      e.share.method,
      e.open.open,
      e.open.condition,
      e.updateCycle,
      e.publishDate,
      e.relatedCodes?.join('；'),
    ]);
    const first = items.length;
    e.items.forEach((it, j) => {
      items.push([
        j === 0 ? itemKey(e, i) : undefined,
        it.name,
        it.fieldName,
        i % 2 === 0 ? words[it.base] : it.base,
        it.length,
        it.scale,
      ]);
    });
    if (i % 2 === 0 && e.items.length > 1) {
      merges.push({ s: { r: first, c: 0 }, e: { r: first + e.items.length - 1, c: 0 } });
    }
    placements.push({
      sheet: '目录',
      row: i + 2,
      itemSheet: '数据项',
      itemRows: e.items.map((_, j) => first + j + 1),
    });
  });
  return {
    name: 'items-sheet.xlsx',
    bytes: bookBytes([
      ['目录', sheetOf(main)],
      ['数据项', sheetOf(items, merges)],
    ]),
    columns: { '/name': 'B', '/code': 'C', '/providerCode': 'E', '/share/type': 'H', '/publishDate': 'N' },
    itemColumns: { name: 'B', type: 'D', fieldName: 'C' },
    placements,
  };
}

function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvText(rows: (string | number | undefined)[][]): string {
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Layout 4 — one row per data item (a database export): every row repeats the resource columns.
 * `encoding` picks UTF-8 with BOM or GB18030 (as Excel saves “CSV” on a Chinese Windows).
 */
export function rowPerItemCsv(
  encoding: 'utf-8-bom' | 'gb18030',
  entries: FixtureEntry[] = sharedFixture(),
): BuiltLayout {
  const rows: (string | number | undefined)[][] = [
    [
      '资源分类',
      '资源名称',
      '资源代码',
      '提供单位',
      '统一社会信用代码',
      '资源摘要',
      '资源格式',
      '共享类型',
      '共享条件',
      '共享方式',
      '是否向社会开放',
      '开放条件',
      '更新周期',
      '发布日期',
      '关联资源代码',
      '数据项名称',
      '字段名称',
      '数据类型',
    ],
  ];
  const placements: ExpectedPlacement[] = [];
  entries.forEach((e, i) => {
    const first = rows.length;
    for (const it of e.items) {
      rows.push([
        e.classification,
        e.name,
        e.code,
        e.provider,
        e.providerCode,
        e.summary,
        e.format.join('、'),
        i % 4 === 0 ? SHARE_WORDS[e.share.type] : e.share.type,
        e.share.condition,
        e.share.method,
        e.open.open === 1 ? '是' : '否',
        e.open.condition,
        e.updateCycle,
        i % 2 === 0 ? e.publishDate.replace(/-/g, '') : e.publishDate,
        e.relatedCodes?.join(' '),
        it.name,
        it.fieldName,
        it.type,
      ]);
    }
    placements.push({ row: first + 1, itemRows: e.items.map((_, j) => first + j + 1) });
  });
  const text = csvText(rows);
  const bytes =
    encoding === 'gb18030'
      ? encodeGb18030(text)
      : new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  return {
    name: encoding === 'gb18030' ? 'row-per-item-gbk.csv' : 'row-per-item.csv',
    bytes,
    columns: { '/name': 'B', '/code': 'C', '/providerCode': 'E', '/share/type': 'H', '/publishDate': 'N' },
    itemColumns: { name: 'P', fieldName: 'Q', type: 'R' },
    placements,
  };
}

const OPEN_HEADER = [
  '标题',
  '来源部门',
  '描述',
  '更新频率',
  '开放条件',
  '数据格式',
  '数据量',
  '发布时间',
  '更新时间',
  '所属行业',
  '标签',
];

function openRow(e: OpenFixtureEntry, i: number): (string | number)[] {
  return [
    e.name,
    e.provider,
    e.summary,
    e.updateCycle,
    e.mode,
    e.format.length === 0 ? (i % 2 === 0 ? '' : '[]') : `[${e.format.map((f) => `'${f}'`).join(', ')}]`,
    i % 2 === 0 ? e.recordCount.toLocaleString('en-US') : e.recordCount,
    `${e.publishDate} 09:30:00`,
    e.updateDate,
    e.domain,
    e.tags.join('\n'),
  ];
}

/** Layout 5 — an open-data portal export (CSV, xlsx or JSON), read as an open catalog. */
export function portalLayout(
  kind: 'csv' | 'xlsx' | 'json',
  entries: OpenFixtureEntry[] = openFixture(),
): BuiltLayout {
  const columns = { '/name': 'A', '/provider': 'B', '/format': 'F', '/recordCount': 'G', '/tags': 'K' };
  const placements = entries.map((_, i) => ({ row: i + 2, itemRows: [] }));
  if (kind === 'json') {
    const data = entries.map((e, i) => Object.fromEntries(OPEN_HEADER.map((h, c) => [h, openRow(e, i)[c]])));
    return {
      name: 'portal.json',
      bytes: new TextEncoder().encode(JSON.stringify({ total: entries.length, data }, null, 1)),
      columns: {},
      itemColumns: {},
      placements: entries.map(() => ({ row: 0, itemRows: [] })),
    };
  }
  const rows = [OPEN_HEADER, ...entries.map(openRow)];
  if (kind === 'csv') {
    return {
      name: 'portal.csv',
      bytes: new TextEncoder().encode(csvText(rows)),
      columns,
      itemColumns: {},
      placements,
    };
  }
  return {
    name: 'portal.xlsx',
    bytes: bookBytes([['数据目录', sheetOf(rows)]]),
    columns,
    itemColumns: {},
    placements: placements.map((p) => ({ ...p, sheet: '数据目录' })),
  };
}

/** Layout 6 — the canonical JSON form of the fixture. */
export function canonicalJson(entries: FixtureEntry[] = sharedFixture()): Uint8Array {
  const doc = {
    kind: 'shared',
    title: '南宁市政务数据资源目录（2021年）',
    entries: entries.map((e) => ({
      ...e,
      items: e.items.map((it) => ({ name: it.name, type: it.type, fieldName: it.fieldName })),
    })),
  };
  return new TextEncoder().encode(JSON.stringify(doc, null, 2));
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Layout 6 — an XML export, with Chinese element names (`zh`) or the canonical English ones (`en`). */
export function xmlLayout(lang: 'zh' | 'en', entries: FixtureEntry[] = sharedFixture()): Uint8Array {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const el = (zh: string, en: string, value: string | number | undefined) =>
    value === undefined ? '' : `<${t(zh, en)}>${xmlEscape(String(value))}</${t(zh, en)}>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${t('政务数据资源目录', 'catalog')} kind="shared">`,
  ];
  entries.forEach((e, i) => {
    lines.push(`  <${t('目录条目', 'entry')}>`);
    lines.push(`    ${el('数据资源分类', 'classification', e.classification)}`);
    lines.push(`    ${el('数据资源名称', 'name', `${e.name}${i === 0 ? ' & 户籍' : ''}`)}`);
    lines.push(`    ${el('数据资源代码', 'code', e.code)}`);
    lines.push(`    ${el('数据资源提供方', 'provider', e.provider)}`);
    lines.push(`    ${el('数据资源提供方代码', 'providerCode', e.providerCode)}`);
    lines.push(`    ${el('数据资源摘要', 'summary', e.summary)}`);
    for (const f of e.format) lines.push(`    ${el('数据资源格式', 'format', f)}`);
    lines.push(`    <${t('数据项信息', 'items')}>`);
    for (const it of e.items) {
      lines.push(
        `      <${t('数据项', 'item')}>${el('数据项名称', 'name', it.name)}${el('数据类型', 'type', it.type)}${el('字段名称', 'fieldName', it.fieldName)}</${t('数据项', 'item')}>`,
      );
    }
    lines.push(`    </${t('数据项信息', 'items')}>`);
    lines.push(
      `    <${t('共享属性', 'share')}>${el('共享类型', 'type', lang === 'zh' ? SHARE_WORDS[e.share.type] : e.share.type)}${el('共享条件', 'condition', e.share.condition)}${el('共享方式', 'method', e.share.method)}</${t('共享属性', 'share')}>`,
    );
    lines.push(
      `    <${t('开放属性', 'open')}>${el('是否向社会开放', 'open', lang === 'zh' ? (e.open.open ? '是' : '否') : e.open.open)}${el('开放条件', 'condition', e.open.condition)}</${t('开放属性', 'open')}>`,
    );
    lines.push(`    ${el('更新周期', 'updateCycle', e.updateCycle)}`);
    lines.push(`    ${el('发布日期', 'publishDate', e.publishDate)}`);
    for (const r of e.relatedCodes ?? []) lines.push(`    ${el('关联资源代码', 'relatedCodes', r)}`);
    lines.push(`  </${t('目录条目', 'entry')}>`);
  });
  lines.push(`</${t('政务数据资源目录', 'catalog')}>`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
