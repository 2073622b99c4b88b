// Synthetic, realistic catalogs for the load test and the service tests: Nanning entries with valid codes,
// as canonical JSON or as a workbook in the guide's template layout; plus hostile payloads.
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const TEMPLATES = JSON.parse(readFileSync(new URL('test/fixtures/nanning-entries.json', root), 'utf8'));
const DISTRICTS = ['', '青秀区', '兴宁区', '江南区', '西乡塘区', '良庆区', '邕宁区', '武鸣区'];

/** `count` entries cycling through the templates; codes unique per classification, names unique. */
export function syntheticEntries(count) {
  const next = new Map();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length];
    const round = Math.floor(i / TEMPLATES.length);
    const seq = (next.get(t.classification) ?? 0) + 1;
    next.set(t.classification, seq);
    const district = DISTRICTS[round % DISTRICTS.length];
    const batch = Math.floor(round / DISTRICTS.length);
    entries.push({
      ...t,
      name: `${district}${t.name}${batch > 0 ? `（${batch + 1}）` : ''}`,
      code: `${t.classification}/${seq}`,
    });
  }
  return entries;
}

/** A shared catalog of `count` entries as canonical JSON bytes. */
export function catalogJson(count, title = '南宁市政务数据资源目录') {
  return Buffer.from(JSON.stringify({ kind: 'shared', title, entries: syntheticEntries(count) }));
}

const HEAD = [
  '数据资源分类',
  '数据资源名称',
  '数据资源代码',
  '数据资源提供方',
  '数据资源提供方代码',
  '数据资源摘要',
  '数据资源格式',
];
const TAIL = ['更新周期', '发布日期', '关联资源代码'];

/**
 * A workbook in the template layout of the guide's appendix 2: a title row, two header rows (数据项信息,
 * 共享属性 and 开放属性 grouped), one row per data item with the entry's cells merged down. Takes a count
 * of synthetic entries or the entries themselves.
 */
export function catalogXlsx(XLSX, countOrEntries, title = '南宁市政务数据资源目录') {
  const entries = Array.isArray(countOrEntries) ? countOrEntries : syntheticEntries(countOrEntries);
  const rows = [
    [title],
    [...HEAD, '数据项信息', '', '共享属性', '', '', '开放属性', '', ...TAIL],
    [
      ...HEAD.map(() => ''),
      '数据项名称',
      '数据类型',
      '共享类型',
      '共享条件',
      '共享方式',
      '是否向社会开放',
      '开放条件',
      ...TAIL.map(() => ''),
    ],
  ];
  const merges = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 16 } }];
  for (let c = 0; c < 7; c++) merges.push({ s: { r: 1, c }, e: { r: 2, c } });
  for (let c = 14; c < 17; c++) merges.push({ s: { r: 1, c }, e: { r: 2, c } });
  merges.push(
    { s: { r: 1, c: 7 }, e: { r: 1, c: 8 } },
    { s: { r: 1, c: 9 }, e: { r: 1, c: 11 } },
    { s: { r: 1, c: 12 }, e: { r: 1, c: 13 } },
  );
  for (const e of entries) {
    const first = rows.length;
    const items = e.items?.length ? e.items : [{}];
    items.forEach((item, k) => {
      const own = k === 0;
      rows.push([
        own ? e.classification : '',
        own ? e.name : '',
        own ? e.code : '',
        own ? e.provider : '',
        own ? e.providerCode : '',
        own ? e.summary : '',
        own ? e.format.join('、') : '',
        item.name ?? '',
        item.type ?? '',
        own ? e.share.type : '',
        own ? e.share.condition : '',
        own ? (e.share.method ?? '') : '',
        own ? (e.open.open === 1 ? '是' : '否') : '',
        own ? (e.open.condition ?? '') : '',
        own ? e.updateCycle : '',
        own ? e.publishDate : '',
        '',
      ]);
    });
    if (items.length > 1) {
      for (const c of [0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16])
        merges.push({ s: { r: first, c }, e: { r: first + items.length - 1, c } });
    }
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '目录');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true });
}

/** JSON nested `depth` levels deep (the readers stop at --max-depth). */
export function deepJson(depth = 100_000) {
  return Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);
}

/** Bytes that are not JSON although sent as JSON. */
export function garbage(size = 4096, seed = 7) {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x & 0xff;
  }
  out[0] = 0x7b; // '{' so it starts like JSON
  return out;
}

/** A zip archive of `files` ({ name, data }), each deflated, with honest sizes in the headers. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const data = deflateRawSync(f.data, { level: 9 });
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * A complete little xlsx whose one sheet inflates to `inflated` bytes (blank padding inside the sheet
 * XML compresses about 1000:1): a decompression bomb the xlsx reader must refuse before inflating.
 */
export function zipBomb(inflated = 200 * 1024 * 1024) {
  const x = (s) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  const head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  const sheet = Buffer.alloc(inflated, 0x20);
  sheet.write(head, 0);
  sheet.write(tail, inflated - tail.length);
  return zip([
    {
      name: '[Content_Types].xml',
      data: x(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: x(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);
}
