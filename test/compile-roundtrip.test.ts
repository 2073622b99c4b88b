// Round trips through the readers: compile → xlsx/xls/csv/xml/jsonl → read back gives identical entries;
// annotated workbooks keep their values and carry comments on the cells of the findings.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { OutputFormat } from '../src/io/writers/index.js';
import type { EntryData } from '../src/model/types.js';
import { compileCatalog } from '../src/validate.js';
import { openFixture, sharedFixture } from './helpers/catalog-data.js';
import { runCli } from './helpers/cli.js';
import {
  itemsSheetLayout,
  portalLayout,
  rowPerItemCsv,
  templateLayout,
  variantsLayout,
  xmlLayout,
} from './helpers/layouts.js';

/** The readers' 40-entry Nanning catalog, with extended item metadata, tags and an extra column. */
function sharedCatalog() {
  const entries: EntryData[] = sharedFixture().map((e, i) => {
    const entry: EntryData = {
      classification: e.classification,
      name: e.name,
      code: e.code,
      provider: e.provider,
      providerCode: e.providerCode,
      summary: e.summary,
      format: e.format,
      items: e.items.map((it) => ({ name: it.name, type: it.type, fieldName: it.fieldName })),
      share: e.share,
      open: e.open,
      updateCycle: e.updateCycle,
      publishDate: e.publishDate,
    };
    if (e.relatedCodes) entry.relatedCodes = e.relatedCodes;
    if (i % 5 === 0) entry.extra = { 数据联系人: `${e.provider}信息科` };
    return entry;
  });
  return { kind: 'shared' as const, title: '南宁市政务数据资源目录（2021年）', entries };
}

function openCatalog() {
  return {
    kind: 'open' as const,
    title: '南宁市公共数据开放目录',
    entries: openFixture().map(({ mode, ...rest }) => ({ ...rest, open: { open: 1, mode } }) as EntryData),
  };
}

/** An entry without its empty lists (what a table gives back for them). */
function withoutEmptyLists(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
}

const formats: OutputFormat[] = ['xlsx', 'xls', 'csv', 'xml', 'jsonl'];
const hasTitle = (f: OutputFormat) => f === 'xlsx' || f === 'xls' || f === 'xml';

async function roundTrip(
  catalog: ReturnType<typeof sharedCatalog> | ReturnType<typeof openCatalog>,
  format: OutputFormat,
) {
  const canonical = await compileCatalog(
    { name: 'c.json', catalog: catalog as never },
    { format: 'json', codes: false },
  );
  const written = await compileCatalog(
    { name: 'c.json', catalog: catalog as never },
    { format, codes: false },
  );
  const back = await compileCatalog(
    { name: `c.${format}`, bytes: written.output },
    { format: 'json', codes: false },
  );
  return {
    canonical: JSON.parse(new TextDecoder().decode(canonical.output)),
    back,
    json: JSON.parse(new TextDecoder().decode(back.output)),
  };
}

describe('compile → file → read back', () => {
  for (const format of formats) {
    it(`gives the same 40 shared entries through ${format}`, async () => {
      const { canonical, back, json } = await roundTrip(sharedCatalog(), format);
      expect(json.entries).toHaveLength(40);
      expect(json.entries).toEqual(canonical.entries);
      expect(json.kind).toBe('shared');
      if (hasTitle(format)) expect(json.title).toBe('南宁市政务数据资源目录（2021年）');
      // Nothing needed fixing: the compiled form reads back as it was written.
      expect(back.fixes).toEqual([]);
    });
  }

  for (const format of ['xlsx', 'csv', 'xml'] as const) {
    it(`gives the same open-catalog entries through ${format}`, async () => {
      const { canonical, json } = await roundTrip(openCatalog(), format);
      expect(json.kind).toBe('open');
      // An empty list is an empty cell, which reads back as a missing value.
      expect(json.entries).toEqual(canonical.entries.map(withoutEmptyLists));
    });
  }

  it('reads a compiled workbook back with the cell of every value', async () => {
    const written = await compileCatalog(
      { name: 'c.json', catalog: sharedCatalog() as never },
      { format: 'xlsx', codes: false },
    );
    const back = await compileCatalog(
      { name: 'c.xlsx', bytes: written.output },
      { format: 'json', codes: false },
    );
    const first = back.parsed.entries[0]!;
    // Title row 1, header rows 2–3, the first entry from row 4; 数据资源代码 is column C.
    expect(first.locations.get('/code')).toMatchObject({ sheet: '政务数据资源目录', cell: 'C4' });
    expect(first.locations.get('/items/1/name')).toMatchObject({ cell: 'H5' });
  });
});

describe("editors' layouts → compile → template workbook → read back", () => {
  const layouts: [string, () => { name: string; bytes: Uint8Array }][] = [
    ['the guide template', () => templateLayout()],
    ['header variants with a title row', () => variantsLayout()],
    ['data items in their own sheet', () => itemsSheetLayout()],
    ['one row per item, UTF-8 CSV', () => rowPerItemCsv('utf-8-bom')],
    ['one row per item, GB18030 CSV', () => rowPerItemCsv('gb18030')],
    ['an open-data portal export (xlsx)', () => portalLayout('xlsx')],
    ['an open-data portal export (csv)', () => portalLayout('csv')],
    ['XML with Chinese element names', () => ({ name: 'c.xml', bytes: xmlLayout('zh') })],
  ];
  for (const [label, build] of layouts) {
    it(`keeps every entry of ${label}`, async () => {
      const { name, bytes } = build();
      const direct = await compileCatalog({ name, bytes }, { format: 'json', codes: false });
      const workbook = await compileCatalog({ name, bytes }, { format: 'xlsx', codes: false });
      const back = await compileCatalog(
        { name: 'compiled.xlsx', bytes: workbook.output },
        { format: 'json', codes: false },
      );
      const entries = (r: typeof direct) => JSON.parse(new TextDecoder().decode(r.output)).entries;
      expect(entries(direct)).toHaveLength(40);
      // The one thing a cell cannot carry: an empty list (a portal's “[]” format) reads back as missing.
      expect(entries(back)).toEqual(entries(direct).map(withoutEmptyLists));
      expect(back.parsed.kind).toBe(direct.parsed.kind);
    });
  }
});

describe('the init template', () => {
  it('reads back through govcat as an empty catalog, without findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-init-'));
    for (const argv of [
      ['init'],
      ['init', '开放目录.xlsx', '--kind', 'open'],
      ['init', '扩展.xls', '--extended'],
    ]) {
      expect((await runCli(argv, { cwd: dir })).code).toBe(0);
    }
    for (const file of ['政务数据资源目录.xlsx', '开放目录.xlsx', '扩展.xls']) {
      const r = await runCli(['validate', file, '-f', 'json'], { cwd: dir });
      const report = JSON.parse(r.stdout);
      expect(report.files[0].error, file).toBeUndefined();
      expect(report.files[0].entries, file).toBe(0);
      expect(report.files[0].findings, file).toEqual([]);
    }
  });
});

describe('compile on workbooks (CLI)', () => {
  it('compiles an xlsx without touching it, and keeps codes when its rows are sorted differently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-roundtrip-'));
    const catalog = sharedCatalog();
    for (const i of [3, 7, 8, 20]) delete catalog.entries[i]!.code;
    const source = await compileCatalog(
      { name: 'c.json', catalog: catalog as never },
      { format: 'xlsx', codes: false },
    );
    writeFileSync(join(dir, '目录.xlsx'), source.output);
    const before = readFileSync(join(dir, '目录.xlsx'));
    const r = await runCli(['compile', '目录.xlsx', '--out', '编译.json'], { cwd: dir });
    expect(r.stdout).toContain('生成 4 个资源代码');
    expect(readFileSync(join(dir, '目录.xlsx')).equals(before)).toBe(true);
    const codes = (file: string) =>
      Object.fromEntries(
        JSON.parse(readFileSync(join(dir, file), 'utf8')).entries.map(
          (e: { name: string; provider: string; code: string }) => [`${e.provider}/${e.name}`, e.code],
        ),
      );
    const reversed = { ...catalog, entries: [...catalog.entries].reverse() };
    const moved = await compileCatalog(
      { name: 'c.json', catalog: reversed as never },
      { format: 'xlsx', codes: false },
    );
    writeFileSync(join(dir, '目录.xlsx'), moved.output);
    await runCli(['compile', '目录.xlsx', '--out', '编译2.json'], { cwd: dir });
    expect(codes('编译2.json')).toEqual(codes('编译.json'));
  });

  it('--annotate writes a copy whose comments sit on the cells of the findings, with the values unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-annotate-'));
    const catalog = sharedCatalog();
    catalog.entries[1]!.providerCode = `${catalog.entries[1]!.providerCode!.slice(0, 17)}0`;
    delete catalog.entries[4]!.summary;
    catalog.entries[9]!.publishDate = '2021-02-30';
    const source = await compileCatalog(
      { name: 'c.json', catalog: catalog as never },
      { format: 'xlsx', codes: false },
    );
    writeFileSync(join(dir, '目录.xlsx'), source.output);
    const before = readFileSync(join(dir, '目录.xlsx'));
    const report = JSON.parse(
      (
        await runCli(
          ['validate', '目录.xlsx', '--annotate', '目录-批注.xlsx', '-f', 'json', '--today', '2021-11-23'],
          { cwd: dir },
        )
      ).stdout,
    );
    expect(readFileSync(join(dir, '目录.xlsx')).equals(before)).toBe(true);
    const cells = report.files[0].findings
      .filter((f: { location: { cell?: string } }) => f.location.cell)
      .map((f: { location: { cell: string } }) => f.location.cell);
    expect(cells.length).toBeGreaterThanOrEqual(3);

    const book = XLSX.read(readFileSync(join(dir, '目录-批注.xlsx')), { type: 'buffer', dense: true });
    expect(book.SheetNames).toEqual(['校验结果', '政务数据资源目录']);
    const data = book.Sheets['政务数据资源目录']!['!data'] as XLSX.CellObject[][];
    const commented: string[] = [];
    for (let r = 0; r < data.length; r++) {
      for (let c = 0; c < (data[r]?.length ?? 0); c++)
        if (data[r]![c]?.c) commented.push(XLSX.utils.encode_cell({ r, c }));
    }
    expect(commented.sort()).toEqual([...new Set<string>(cells)].sort());
    const providerCell = report.files[0].findings.find(
      (f: { ruleId: string }) => f.ruleId === 'metadata/provider-code-check',
    );
    const { r, c } = XLSX.utils.decode_cell(providerCell.location.cell);
    expect(data[r]![c]!.c![0]!.t).toContain('metadata/provider-code-check');

    // Read back through govcat: the same entries and the same findings as the original workbook
    // (the 校验结果 sheet is skipped as an instruction sheet, without a notice).
    const original = await compileCatalog(join(dir, '目录.xlsx'), { format: 'json', codes: false });
    const annotated = await compileCatalog(join(dir, '目录-批注.xlsx'), { format: 'json', codes: false });
    expect(JSON.parse(new TextDecoder().decode(annotated.output)).entries).toEqual(
      JSON.parse(new TextDecoder().decode(original.output)).entries,
    );
    const findings = (r: typeof original) =>
      r.report.files[0]!.findings.map((f) => [f.ruleId, f.location.sheet, f.location.cell]);
    expect(findings(annotated)).toEqual(findings(original));
  });

  it('--annotate refuses a workbook over the row budget before writing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-annotate-'));
    const source = await compileCatalog(
      { name: 'c.json', catalog: sharedCatalog() as never },
      { format: 'xlsx' },
    );
    writeFileSync(join(dir, '目录.xlsx'), source.output);
    const r = await runCli(['validate', '目录.xlsx', '--annotate', 'out.xlsx', '--max-sheet-rows', '100'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/目录\.xlsx 有 \d+ 行，超过带批注副本的 100 行上限/);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
  });

  it('--write on a workbook keeps a byte-identical backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-write-'));
    const catalog = sharedCatalog();
    delete catalog.entries[0]!.code;
    const source = await compileCatalog(
      { name: 'c.json', catalog: catalog as never },
      { format: 'xlsx', codes: false },
    );
    writeFileSync(join(dir, '目录.xlsx'), source.output);
    copyFileSync(join(dir, '目录.xlsx'), join(dir, 'original.xlsx'));
    const r = await runCli(['compile', '目录.xlsx', '--write'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, '目录.xlsx.bak')).equals(readFileSync(join(dir, 'original.xlsx')))).toBe(
      true,
    );
    const back = await compileCatalog(join(dir, '目录.xlsx'), { format: 'json', codes: false });
    expect(back.parsed.entries[0]!.data.code).toBe(`${catalog.entries[0]!.classification}/1`);
  });
});
