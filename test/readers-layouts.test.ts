// The six catalog layouts, each a realistic 40-entry catalog built here: every entry, item and cell is read.
import { describe, expect, it } from 'vitest';
import { readCatalogBytes } from '../src/io/readers/index.js';
import type { ReadOptions } from '../src/io/readers/types.js';
import { resolveLimits } from '../src/limits.js';
import type { ParsedCatalog, ParsedEntry } from '../src/model/types.js';
import { loadSeeds } from '../src/seeds/index.js';
import { validateCatalog } from '../src/validate.js';
import { type FixtureEntry, openFixture, sharedFixture } from './helpers/catalog-data.js';
import {
  type BuiltLayout,
  canonicalJson,
  itemsSheetLayout,
  portalLayout,
  rowPerItemCsv,
  templateLayout,
  variantsLayout,
  xmlLayout,
} from './helpers/layouts.js';

const options: ReadOptions = { kind: 'auto', limits: resolveLimits(), seeds: loadSeeds() };
const fixture = sharedFixture();

function read(name: string, bytes: Uint8Array, extra: Partial<ReadOptions> = {}): Promise<ParsedCatalog> {
  return readCatalogBytes({ name, bytes }, { ...options, ...extra });
}

/** The fields every layout must reproduce exactly, in schema form. */
function core(e: FixtureEntry) {
  return {
    classification: e.classification,
    name: e.name,
    code: e.code,
    provider: e.provider,
    providerCode: e.providerCode,
    summary: e.summary,
    format: e.format,
    share: e.share,
    open: e.open,
    updateCycle: e.updateCycle,
    publishDate: e.publishDate,
  };
}

function items(p: ParsedEntry, withFieldNames: boolean) {
  return ((p.data.items ?? []) as Record<string, unknown>[]).map((it) =>
    withFieldNames
      ? { name: it.name, type: it.type, fieldName: it.fieldName }
      : { name: it.name, type: it.type },
  );
}

function expectedItems(e: FixtureEntry, withFieldNames: boolean) {
  return e.items.map((it) =>
    withFieldNames
      ? { name: it.name, type: it.type, fieldName: it.fieldName }
      : { name: it.name, type: it.type },
  );
}

/** Every entry, every item, and the cells of the layout's columns. */
function expectSharedLayout(parsed: ParsedCatalog, layout: BuiltLayout, withFieldNames = false): void {
  expect(parsed.kind).toBe('shared');
  expect(parsed.entries).toHaveLength(fixture.length);
  parsed.entries.forEach((p, i) => {
    const e = fixture[i]!;
    const place = layout.placements[i]!;
    expect(p.data, `entry ${i + 1}`).toMatchObject(core(e));
    expect(p.data.relatedCodes).toEqual(e.relatedCodes);
    expect(items(p, withFieldNames), `items of entry ${i + 1}`).toEqual(expectedItems(e, withFieldNames));
    expect(p.locations.get('')).toMatchObject({ row: place.row });
    for (const [pointer, column] of Object.entries(layout.columns)) {
      const loc = { row: place.row, column, cell: `${column}${place.row}` };
      expect(p.locations.get(pointer), `${pointer} of entry ${i + 1}`).toEqual(
        place.sheet ? { sheet: place.sheet, ...loc } : loc,
      );
    }
    e.items.forEach((_, j) => {
      const row = place.itemRows[j]!;
      for (const [field, column] of Object.entries(layout.itemColumns)) {
        const loc = { row, column, cell: `${column}${row}` };
        const sheet = place.itemSheet ?? place.sheet;
        expect(p.locations.get(`/items/${j}/${field}`), `item ${j + 1} ${field} of entry ${i + 1}`).toEqual(
          sheet ? { sheet, ...loc } : loc,
        );
      }
    });
  });
}

describe('layout 1: the guide template (two-row header, merged groups, one row per item)', () => {
  const layout = templateLayout();

  it('reads all 40 entries, every data item and the cell of each value', async () => {
    const parsed = await read(layout.name, layout.bytes);
    expect(parsed).toMatchObject({
      format: 'xlsx',
      kindSource: 'detected',
      title: '南宁市政务数据资源目录（2021年）',
    });
    expectSharedLayout(parsed, layout);
    expect(parsed.notices).toEqual([]);
  });

  it('records how each value was normalized: words → digits, dates, full-width codes, C（18）', async () => {
    const parsed = await read(layout.name, layout.bytes);
    const kinds = (i: number, kind: string) =>
      parsed.entries[i]!.normalizations.filter((n) => n.kind === kind).map((n) => [n.field, n.from, n.to]);
    expect(kinds(0, 'form')).toEqual([
      ['/share/type', '无条件共享', 1],
      ['/open/open', '是', 1],
    ]);
    // Entry 1 holds a real date cell shown as yyyy-mm-dd: already canonical, nothing to report.
    expect(kinds(0, 'date')).toEqual([]);
    expect(kinds(1, 'date')).toEqual([['/publishDate', '2021/2/2', '2021-02-02']]);
    expect(kinds(2, 'date')).toEqual([['/publishDate', '2021年3月3日', '2021-03-03']]);
    expect(kinds(5, 'width')).toEqual([['/code', '３１５０３０００１／２', '315030001/2']]);
    expect(kinds(1, 'type-syntax')[0]).toEqual(['/items/0/type', 'C（17）', 'C(17)']);
  });

  it('validates clean apart from the planted spellings, each finding at its cell', async () => {
    const report = await validateCatalog({ name: layout.name, bytes: layout.bytes }, { today: '2021-11-23' });
    const file = report.files[0]!;
    expect(file.entries).toBe(40);
    expect(file.items).toBe(fixture.reduce((n, e) => n + e.items.length, 0));
    expect(report.summary.errors).toBe(0);
    const row = (i: number) => layout.placements[i]!.row;
    const cells = file.findings.map((f) => [f.ruleId, f.location.cell]);
    expect(cells).toContainEqual(['code/full-width', `C${row(5)}`]);
    expect(cells).toContainEqual(['metadata/date-format', `P${row(1)}`]);
    expect(cells.filter(([id]) => id === 'metadata/date-format')).toHaveLength(20);
    const fix = file.findings.find((f) => f.ruleId === 'metadata/date-format')!.fix;
    expect(fix).toEqual({ field: 'publishDate', from: '2021/2/2', to: '2021-02-02' });
  });

  it('points a missing 提供方代码 at its empty cell, and reads an entry whose first item row is merged', async () => {
    const broken = fixture.map((e, i) => (i === 3 ? { ...e, providerCode: '' } : e));
    const built = templateLayout(broken);
    const report = await validateCatalog({ name: built.name, bytes: built.bytes }, { today: '2021-11-23' });
    const missing = report.files[0]!.findings.filter((f) => f.ruleId === 'schema/required');
    expect(missing.map((f) => [f.entry, f.location.sheet, f.location.cell, f.location.field])).toEqual([
      [3, '目录', `E${built.placements[3]!.row}`, 'providerCode'],
    ]);
  });
});

describe('layout 2: header variants (national names, synonyms, spaces, brackets, title, instructions sheet)', () => {
  const layout = variantsLayout();

  it('maps every variant header, skips the instructions sheet and the title, reads 40 entries', async () => {
    const parsed = await read(layout.name, layout.bytes);
    expect(parsed.title).toBe('自治区卫生健康委员会政务数据资源目录（2021年）');
    expectSharedLayout(parsed, layout);
  });

  it('keeps the unknown column 联系人 in extra and reports it once, at its header cell', async () => {
    const parsed = await read(layout.name, layout.bytes);
    expect(parsed.notices).toEqual([
      {
        ruleId: 'metadata/unknown-column',
        messageId: 'unknown',
        data: { header: '联系人', column: 'R' },
        location: { sheet: '资源目录', row: 3, column: 'R', cell: 'R3' },
      },
    ]);
    expect(parsed.entries[6]!.data.extra).toEqual({ 联系人: '联系人7' });
    expect(parsed.entries[6]!.locations.get('/extra/联系人')?.cell).toBe(`R${layout.placements[6]!.row}`);
    const report = await validateCatalog({ name: layout.name, bytes: layout.bytes }, { today: '2021-11-23' });
    const info = report.files[0]!.findings.filter((f) => f.ruleId === 'metadata/unknown-column');
    expect(info.map((f) => [f.severity, f.entry, f.location.cell])).toEqual([['info', null, 'R3']]);
    expect(report.summary.errors).toBe(0);
  });
});

describe('layout 3: data items in a separate sheet keyed by resource code', () => {
  const layout = itemsSheetLayout();

  it('joins every item to its entry, combines 字符型 + 50 into C(50), keeps item cells on the item sheet', async () => {
    const parsed = await read(layout.name, layout.bytes);
    expectSharedLayout(parsed, layout, true);
    expect(parsed.layout).toMatchObject({
      sheets: [
        { sheet: '目录', role: 'entries' },
        { sheet: '数据项', role: 'items' },
      ],
    });
    expect(parsed.entries[0]!.normalizations).toContainEqual({
      field: '/items/0/type',
      kind: 'type-syntax',
      from: '字符型',
      to: 'C(100)',
    });
  });

  it('reports items whose code matches no entry, once per code, at the first such row', async () => {
    const built = itemsSheetLayout(fixture, (e, i) => (i === 2 ? '315028003/9' : e.code));
    const parsed = await read(built.name, built.bytes);
    const first = built.placements[2]!.itemRows[0]!;
    expect(parsed.notices).toEqual([
      {
        ruleId: 'metadata/orphan-item',
        messageId: 'unknownCode',
        data: { key: '315028003/9', count: 3, sheet: '数据项' },
        location: { sheet: '数据项', row: first, column: 'A', cell: `A${first}` },
      },
    ]);
    expect(parsed.entries[2]!.data.items).toBeUndefined();
    expect(parsed.entries[3]!.data.items).toHaveLength(fixture[3]!.items.length);
    const report = await validateCatalog({ name: built.name, bytes: built.bytes }, { today: '2021-11-23' });
    const orphan = report.files[0]!.findings.filter((f) => f.ruleId === 'metadata/orphan-item');
    expect(orphan.map((f) => [f.severity, f.location.sheet, f.location.cell])).toEqual([
      ['error', '数据项', `A${first}`],
    ]);
  });
});

describe('layout 4: one row per data item (database export), CSV in UTF-8 and GB18030', () => {
  for (const encoding of ['utf-8-bom', 'gb18030'] as const) {
    it(`reads the repeated resource columns as one entry per resource (${encoding})`, async () => {
      const layout = rowPerItemCsv(encoding);
      const parsed = await read(layout.name, layout.bytes);
      expect(parsed.format).toBe('csv');
      expectSharedLayout(parsed, layout, true);
      expect(parsed.entries[0]!.normalizations).toContainEqual({
        field: '/publishDate',
        kind: 'date',
        from: '20210101',
        to: '2021-01-01',
      });
    });
  }

  it('decodes GB18030 without mojibake (the same text as the UTF-8 file)', async () => {
    const utf8 = await read('a.csv', rowPerItemCsv('utf-8-bom').bytes);
    const gbk = await read('b.csv', rowPerItemCsv('gb18030').bytes);
    expect(gbk.entries.map((e) => e.data)).toEqual(utf8.entries.map((e) => e.data));
    expect(gbk.entries[6]!.data.provider).toBe('南宁市公安局人口管理支队');
  });
});

describe('layout 5: open-data portal exports (CSV, xlsx, JSON) read as open catalogs', () => {
  const open = openFixture();
  for (const kind of ['csv', 'xlsx', 'json'] as const) {
    it(`reads 40 open entries from ${kind}: list-like formats, tags with line breaks, counts, dates`, async () => {
      const layout = portalLayout(kind);
      const parsed = await read(layout.name, layout.bytes);
      expect(parsed).toMatchObject({ kind: 'open', kindSource: 'detected' });
      expect(parsed.entries).toHaveLength(40);
      parsed.entries.forEach((p, i) => {
        const e = open[i]!;
        const expected: Record<string, unknown> = {
          name: e.name,
          provider: e.provider,
          summary: e.summary,
          updateCycle: e.updateCycle,
          open: { open: 1, mode: e.mode },
          recordCount: e.recordCount,
          publishDate: e.publishDate,
          updateDate: e.updateDate,
          domain: e.domain,
          tags: e.tags,
        };
        expect(p.data, `entry ${i + 1}`).toMatchObject(expected);
        // An empty cell leaves the format missing; "[]" is an explicitly empty list.
        if (e.format.length > 0) expect(p.data.format).toEqual(e.format);
        else expect(p.data.format).toEqual(i % 2 === 0 ? undefined : []);
        if (kind === 'json') {
          expect(p.locations.get('/tags')).toEqual({ pointer: `/data/${i}/标签` });
        } else {
          for (const [pointer, column] of Object.entries(layout.columns)) {
            expect(p.locations.get(pointer)?.cell).toBe(`${column}${i + 2}`);
          }
        }
      });
      expect(parsed.entries[0]!.normalizations.map((n) => n.kind).sort()).toEqual(
        ['date', 'list', 'list', 'number'].sort(),
      );
    });
  }

  it('reports the open catalog with open-catalog rules only (no sharing attributes demanded)', async () => {
    const layout = portalLayout('xlsx');
    const report = await validateCatalog({ name: layout.name, bytes: layout.bytes }, { today: '2021-11-23' });
    const ids = new Set(report.files[0]!.findings.map((f) => f.ruleId));
    expect(report.files[0]!.kind).toBe('open');
    expect(report.files[0]!.findings.some((f) => f.location.field?.startsWith('share'))).toBe(false);
    // The five entries without a format are the only errors besides the entries not updated on their own
    // cycle as of the day (dataset/stale-update, located at the update date).
    const errors = report.files[0]!.findings.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => f.ruleId !== 'dataset/stale-update').map((f) => f.location.field)).toEqual([
      'format',
      'format',
      'format',
      'format',
      'format',
    ]);
    expect(
      new Set(errors.filter((f) => f.ruleId === 'dataset/stale-update').map((f) => f.location.field)),
    ).toEqual(new Set(['updateDate']));
    expect(ids.has('metadata/date-format')).toBe(true);
  });

  it('--kind shared overrides the detection', async () => {
    const layout = portalLayout('csv');
    const parsed = await read(layout.name, layout.bytes, { kind: 'shared' });
    expect(parsed).toMatchObject({ kind: 'shared', kindSource: 'option' });
  });
});

describe('layout 6: canonical JSON / JSONL and XML exports', () => {
  it('reads the canonical JSON form as written', async () => {
    const parsed = await read('catalog.json', canonicalJson());
    expect(parsed).toMatchObject({
      kind: 'shared',
      kindSource: 'declared',
      title: '南宁市政务数据资源目录（2021年）',
    });
    expect(parsed.entries).toHaveLength(40);
    parsed.entries.forEach((p, i) => {
      expect(p.data).toMatchObject(core(fixture[i]!));
      expect(items(p, true)).toEqual(expectedItems(fixture[i]!, true));
    });
    expect(parsed.entries[9]!.locations.get('/items/2/type')).toEqual({ pointer: '/entries/9/items/2/type' });
  });

  it('reads JSONL with one entry per line', async () => {
    const lines = fixture.map((e) => JSON.stringify({ ...e, items: expectedItems(e, true) })).join('\n');
    const parsed = await read('catalog.jsonl', new TextEncoder().encode(lines));
    expect(parsed.entries).toHaveLength(40);
    expect(parsed.entries[39]!.data).toMatchObject(core(fixture[39]!));
    expect(parsed.entries[39]!.locations.get('/name')).toEqual({ pointer: '/39/name', row: 40 });
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`reads XML with ${lang === 'zh' ? 'Chinese' : 'English'} element names, entities decoded, lines kept`, async () => {
      const parsed = await read('catalog.xml', xmlLayout(lang));
      expect(parsed).toMatchObject({ format: 'xml', kind: 'shared', kindSource: 'declared' });
      expect(parsed.entries).toHaveLength(40);
      parsed.entries.forEach((p, i) => {
        const e = fixture[i]!;
        expect(p.data).toMatchObject({ ...core(e), name: i === 0 ? `${e.name} & 户籍` : e.name });
        expect(p.data.relatedCodes).toEqual(e.relatedCodes);
        expect(items(p, true)).toEqual(expectedItems(e, true));
      });
      expect(parsed.notices).toEqual([]);
      // Line 3 opens the first entry; its name is on line 5.
      expect(parsed.entries[0]!.locations.get('')).toMatchObject({ row: 3 });
      expect(parsed.entries[0]!.locations.get('/name')).toMatchObject({ row: 5 });
    });
  }
});
