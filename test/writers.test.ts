// Writers: canonical JSON, CSV with BOM (formula-escaped), XML, and xlsx in the guide's template layout (text cells as written).
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readCatalogBytes } from '../src/io/readers/index.js';
import { planColumns, type WritableCatalog } from '../src/io/writers/columns.js';
import { writeCsv } from '../src/io/writers/csv.js';
import { writeJson, writeJsonl } from '../src/io/writers/json.js';
import { writeXlsx } from '../src/io/writers/xlsx.js';
import { writeXml } from '../src/io/writers/xml.js';
import { resolveLimits } from '../src/limits.js';
import type { EntryData } from '../src/model/types.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { loadSeeds } from '../src/seeds/index.js';
import { baseEntry, merge } from './helpers/catalog.js';

const clean: WritableCatalog = {
  kind: 'shared',
  title: '南宁市市场监督管理局政务数据资源目录（2021年）',
  entries: [
    baseEntry('shared') as EntryData,
    merge(baseEntry('shared'), {
      name: '食品生产许可信息',
      code: '315018001/2',
      items: [{ name: '证书编号', type: 'C(20)' }],
      relatedCodes: ['315018001/1'],
    }) as EntryData,
    merge(baseEntry('shared'), {
      name: '食品安全抽检公告',
      code: '315018001/3',
      format: ['pdf'],
      items: null,
      share: { type: 3, condition: '依据《中华人民共和国政府信息公开条例》第十四条', method: null },
      open: { open: 0, condition: null },
    }) as EntryData,
  ],
};
const hostile = merge(baseEntry('shared'), {
  name: '=HYPERLINK("http://evil.example/","点击查看")',
  summary: '+1 食品经营许可',
  items: [{ name: '@SUM(A1:A9)', type: '-C(20)' }],
}) as EntryData;

function readBook(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array', dense: true });
}
function aoa(ws: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json(ws, { header: 1, defval: null, blankrows: true }) as unknown[][];
}
const ranges = (ws: XLSX.WorkSheet) => (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));

describe('JSON writer', () => {
  it('writes the canonical, schema-valid form with keys in Appendix 1 order', () => {
    const text = new TextDecoder().decode(writeJson(clean));
    const doc = JSON.parse(text);
    expect(getValidator(SCHEMA_IDS.catalog)(doc)).toBe(true);
    expect(Object.keys(doc)).toEqual(['version', 'kind', 'title', 'entries']);
    expect(Object.keys(doc.entries[0]).slice(0, 7)).toEqual([
      'classification',
      'name',
      'code',
      'provider',
      'providerCode',
      'summary',
      'format',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
    const lines = new TextDecoder().decode(writeJsonl(clean)).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).name)).toEqual([
      '食品经营许可信息',
      '食品生产许可信息',
      '食品安全抽检公告',
    ]);
  });

  it('keeps unknown keys (nothing is dropped) without touching prototypes', () => {
    const odd = JSON.parse('{"name":"x","备注":"y","__proto__":{"a":1}}') as EntryData;
    const doc = JSON.parse(new TextDecoder().decode(writeJson({ kind: 'shared', entries: [odd] })));
    expect(doc.entries[0]).toEqual(JSON.parse('{"name":"x","备注":"y","__proto__":{"a":1}}'));
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });
});

describe('xlsx writer', () => {
  const book = readBook(writeXlsx(clean));
  const ws = book.Sheets[book.SheetNames[0]!]!;
  const rows = aoa(ws);

  it('uses the two-row header of Appendix 2 with merged groups, under the title row', () => {
    expect(book.SheetNames).toEqual(['政务数据资源目录']);
    expect(rows[0]![0]).toBe('南宁市市场监督管理局政务数据资源目录（2021年）');
    expect(rows[1]).toEqual([
      '数据资源分类',
      '数据资源名称',
      '数据资源代码',
      '数据资源提供方',
      '数据提供方代码',
      '数据资源摘要',
      '数据资源格式',
      '数据项信息',
      null,
      '共享属性',
      null,
      null,
      '开放属性',
      null,
      '更新周期',
      '发布日期',
      '关联资源代码',
    ]);
    expect(rows[2]!.slice(7, 14)).toEqual([
      '数据项名称',
      '数据类型',
      '共享类型',
      '共享条件',
      '共享方式',
      '是否向社会开放',
      '开放条件',
    ]);
    expect(ranges(ws)).toEqual(
      expect.arrayContaining(['A1:Q1', 'A2:A3', 'G2:G3', 'H2:I2', 'J2:L2', 'M2:N2', 'O2:O3', 'Q2:Q3']),
    );
  });

  it('writes one row per data item and merges the entry cells down', () => {
    // Entry 1 has five items (rows 4–8), entry 2 one (row 9), entry 3 none (row 10).
    expect(rows.slice(3).map((r) => r[7])).toEqual([
      '许可证编号',
      '经营者名称',
      '经营场所',
      '主体业态',
      '有效期至',
      '证书编号',
      null,
    ]);
    expect(rows[3]!.slice(0, 3)).toEqual(['315018001', '食品经营许可信息', '315018001/1']);
    expect(rows[4]![1]).toBeNull();
    expect(ranges(ws)).toEqual(expect.arrayContaining(['A4:A8', 'B4:B8', 'Q4:Q8', 'J4:J8']));
    expect(ranges(ws)).not.toContain('H4:H8');
    expect(rows[8]![16]).toBe('315018001/1');
    expect(rows[9]![9]).toBe(3);
    expect(rows[3]![6]).toBe('数据库');
  });

  it('stores formula-like texts as text cells as written: never formulas, no apostrophe added', () => {
    const back = readBook(writeXlsx({ kind: 'shared', entries: [hostile] }));
    const r = aoa(back.Sheets[back.SheetNames[0]!]!);
    expect(r[2]![1]).toBe('=HYPERLINK("http://evil.example/","点击查看")');
    expect(r[2]![5]).toBe('+1 食品经营许可');
    expect(r[2]!.slice(7, 9)).toEqual(['@SUM(A1:A9)', '-C(20)']);
    // No cell carries a formula.
    const cells = (back.Sheets[back.SheetNames[0]!]!['!data'] as XLSX.CellObject[][]).flat();
    expect(cells.some((c) => c?.f !== undefined)).toBe(false);
  });

  it('adds columns for optional fields and extra columns, grouped with their kin', () => {
    const cols = planColumns({
      kind: 'open',
      entries: [
        {
          name: '南宁市公共自行车站点',
          provider: '南宁市交通运输局',
          summary: '公共自行车站点位置与车位数',
          format: ['xls', 'json'],
          items: [{ name: '站点名称', type: 'C(100)', fieldName: 'ZDMC' }],
          open: { open: 1, mode: '无条件开放' },
          updateCycle: '每月',
          publishDate: '2021-03-01',
          recordCount: 1200,
          tags: ['交通', '出行'],
          extra: { 数据联系人: '交通运输局信息中心' },
        },
      ],
    });
    expect(cols.map((c) => `${c.group ?? ''}/${c.header}`)).toEqual([
      '/数据资源名称',
      '/数据资源提供方',
      '/数据资源摘要',
      '/数据资源格式',
      '数据项信息/数据项名称',
      '数据项信息/数据类型',
      '数据项信息/字段名称',
      '开放属性/是否向社会开放',
      '开放属性/开放类型',
      '/更新周期',
      '/发布日期',
      '/数据量',
      '/标签',
      '/数据联系人',
    ]);
  });

  it('is deterministic: the same catalog gives the same bytes', () => {
    expect(Buffer.from(writeXlsx(clean)).equals(Buffer.from(writeXlsx(clean)))).toBe(true);
  });
});

describe('CSV writer', () => {
  const bytes = writeCsv(clean);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('starts with a BOM, uses CRLF and one header row of unambiguous names', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n')[0]).toBe(
      '\ufeff数据资源分类,数据资源名称,数据资源代码,数据资源提供方,数据提供方代码,数据资源摘要,数据资源格式,数据项名称,数据类型,共享类型,共享条件,共享方式,是否向社会开放,开放条件,更新周期,发布日期,关联资源代码',
    );
    const records = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
    expect(records).toHaveLength(1 + 5 + 1 + 1);
    expect(records[1]!.slice(0, 3)).toEqual(['315018001', '食品经营许可信息', '315018001/1']);
    expect(records[2]!.slice(0, 9)).toEqual(['', '', '', '', '', '', '', '经营者名称', 'C(200)']);
  });

  it('escapes formula-like values (CSV only: a spreadsheet guesses types when it opens a CSV)', () => {
    const records = parse(writeCsv({ kind: 'shared', entries: [hostile] }), { bom: true }) as string[][];
    expect(records[1]![1]).toBe('\'=HYPERLINK("http://evil.example/","点击查看")');
    expect(records[1]!.slice(7, 9)).toEqual(["'@SUM(A1:A9)", "'-C(20)"]);
  });
});

describe('XML writer', () => {
  it('writes canonical element names, lists as repeated elements, and parses back to the same values', () => {
    const extra = merge(baseEntry('shared'), {
      code: '315018001/4',
      tags: ['食品', '许可'],
      extra: { 数据联系人: '食品经营监管科', '备注 1': '按季度复核' },
    }) as EntryData;
    const xml = new TextDecoder().decode(writeXml({ ...clean, entries: [...clean.entries, hostile, extra] }));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<format>数据库</format>');
    expect(xml).toContain('<数据联系人>食品经营监管科</数据联系人>');
    expect(xml).toContain('<column name="备注 1">按季度复核</column>');
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseTagValue: false,
      processEntities: true,
      isArray: (name) => ['entry', 'item', 'format', 'relatedCodes', 'tags'].includes(name),
    }).parse(xml);
    expect(doc.catalog['@_kind']).toBe('shared');
    expect(doc.catalog.title).toBe('南宁市市场监督管理局政务数据资源目录（2021年）');
    const entries = doc.catalog.entries.entry;
    expect(entries).toHaveLength(5);
    expect(entries[0].classification).toBe('315018001');
    expect(entries[0].format).toEqual(['数据库']);
    expect(entries[0].share).toEqual({
      type: '1',
      condition: '作为行政依据，用于监管协同和数据校核',
      method: '共享平台（服务接口）',
    });
    expect(entries[0].items.item.map((i: { name: string }) => i.name)).toEqual([
      '许可证编号',
      '经营者名称',
      '经营场所',
      '主体业态',
      '有效期至',
    ]);
    expect(entries[1].relatedCodes).toEqual(['315018001/1']);
    expect(entries[3].name).toBe('=HYPERLINK("http://evil.example/","点击查看")');
    expect(entries[4].tags).toEqual(['食品', '许可']);
  });

  it('reads back through govcat with extra columns, including headers that are no XML names', async () => {
    const extra = merge(baseEntry('shared'), {
      code: '315018001/4',
      extra: { 数据联系人: '食品经营监管科', '备注 1': '按季度复核' },
    }) as EntryData;
    const bytes = writeXml({ ...clean, entries: [...clean.entries, extra] });
    const parsed = await readCatalogBytes(
      { name: 'out.xml', bytes },
      { kind: 'auto', limits: resolveLimits(), seeds: loadSeeds() },
    );
    expect(parsed.entries).toHaveLength(clean.entries.length + 1);
    expect(parsed.entries.at(-1)!.data.extra).toEqual({
      数据联系人: '食品经营监管科',
      '备注 1': '按季度复核',
    });
    expect(
      parsed.notices.filter((n) => n.ruleId === 'metadata/unknown-column').map((n) => n.data.header),
    ).toEqual(expect.arrayContaining(['数据联系人', '备注 1']));
  });
});
