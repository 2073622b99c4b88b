// Annotating patches the editor's own workbook: a workbook written by openpyxl (dropdowns, frozen panes,
// fills, merges, widths, a defined name, more sheets) comes back byte-identical except for the notes, the
// highlight and the 校验结果 sheet; openpyxl reads the notes back and LibreOffice opens the file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../src/generated/schema-types.js';
import { PackageError } from '../src/io/ooxml/package.js';
import { restyleCells } from '../src/io/ooxml/sheet.js';
import { annotateWorkbook, HIGHLIGHT_RGB } from '../src/io/writers/annotate.js';
import { runCli } from './helpers/cli.js';
import { officeAvailable, python, sofficeConvert } from './helpers/office.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'editor-workbook.xlsx');
const SHEET = '政务数据资源目录';
/** The cells of the fixture's findings (test/fixtures/editor-workbook.py): check character, vocabulary, missing. */
const FLAGGED = ['E5', 'O5', 'F6'];

const emptyReport: FileReport = {
  path: 'a.xlsx',
  format: 'xlsx',
  kind: 'shared',
  entries: 0,
  findings: [],
  rates: {},
};
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : '');

let dir: string;
let original: Uint8Array;
let annotated: Uint8Array;
let stdout: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-annotate-patch-'));
  original = readFileSync(FIXTURE);
  writeFileSync(join(dir, '目录.xlsx'), original);
  const res = await runCli(['validate', '目录.xlsx', '--annotate', '目录-批注.xlsx'], { cwd: dir });
  expect(res.code).toBe(1);
  stdout = res.stdout;
  annotated = readFileSync(join(dir, '目录-批注.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('annotate by patching the package', () => {
  it('keeps every untouched part byte-identical and adds only the notes, drawings and the new sheet', () => {
    expect(stdout).toContain('3 个单元格有批注');
    const before = unzipSync(original);
    const after = unzipSync(annotated);
    const changed = Object.keys(before).filter(
      (n) => !Buffer.from(before[n]!).equals(Buffer.from(after[n]!)),
    );
    expect(changed.sort()).toEqual(
      [
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ].sort(),
    );
    // Untouched: the other sheets (dictionary, 填表说明), theme, document properties, package relationships.
    expect(Object.keys(before).filter((n) => !changed.includes(n))).toEqual(
      expect.arrayContaining([
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
        'xl/theme/theme1.xml',
        'docProps/core.xml',
      ]),
    );
    const added = Object.keys(after).filter((n) => !(n in before));
    expect(added.sort()).toEqual(
      [
        'xl/comments1.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/worksheets/_rels/sheet1.xml.rels',
        'xl/worksheets/sheet4.xml',
      ].sort(),
    );
  });

  it('changes the catalog sheet only by the flagged cells’ style index and the legacyDrawing element', () => {
    const before = text(unzipSync(original)['xl/worksheets/sheet1.xml']);
    let after = text(unzipSync(annotated)['xl/worksheets/sheet1.xml']);
    expect(after.match(/<legacyDrawing\b[^>]*\/>/g)).toHaveLength(1);
    after = after.replace(/<legacyDrawing\b[^>]*\/>/, '');
    // Undo the restyling: what remains must be the original text, byte for byte.
    for (const ref of FLAGGED) {
      const was = new RegExp(`<c r="${ref}"([^>]*?)(/?)>`).exec(before);
      const now = new RegExp(`<c r="${ref}"([^>]*?)(/?)>`).exec(after)!;
      expect(now, ref).not.toBeNull();
      if (!was) after = after.replace(now[0], '');
      else after = after.replace(now[0], was[0]);
    }
    expect(after).toBe(before);
  });

  it('extends styles.xml without renumbering: one appended fill, cell formats cloned at the end', () => {
    const before = text(unzipSync(original)['xl/styles.xml']);
    const after = text(unzipSync(annotated)['xl/styles.xml']);
    const xfs = (s: string) =>
      /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1]!.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    const fills = (s: string) =>
      /<fills[^>]*>([\s\S]*?)<\/fills>/.exec(s)![1]!.match(/<fill>[\s\S]*?<\/fill>/g)!;
    expect(xfs(after).slice(0, xfs(before).length)).toEqual(xfs(before));
    expect(fills(after).slice(0, fills(before).length)).toEqual(fills(before));
    expect(fills(after)).toHaveLength(fills(before).length + 1);
    expect(fills(after).at(-1)).toContain(`rgb="${HIGHLIGHT_RGB}"`);
    const strip = (s: string) =>
      s.replace(/<fills[\s\S]*?<\/fills>/, '').replace(/<cellXfs[\s\S]*?<\/cellXfs>/, '');
    expect(strip(after)).toBe(strip(before));
    // E5 had the text format (@, numFmtId 49): its highlighted clone keeps it.
    const sheet = text(unzipSync(annotated)['xl/worksheets/sheet1.xml']);
    const e5 = Number(/<c r="E5"[^>]*\bs="(\d+)"/.exec(sheet)![1]);
    expect(xfs(after)[e5]).toMatch(/numFmtId="49"/);
    expect(xfs(after)[e5]).toMatch(new RegExp(`fillId="${fills(before).length}"`));
  });

  it('annotating the annotated copy appends to its notes instead of adding a second comments part', async () => {
    const res = await runCli(['validate', '目录-批注.xlsx', '--annotate', '二次.xlsx', '--lang', 'en'], {
      cwd: dir,
    });
    expect(res.code).toBe(1);
    const twice = unzipSync(readFileSync(join(dir, '二次.xlsx')));
    expect(Object.keys(twice).filter((n) => /comments\d*\.xml$/.test(n))).toEqual(['xl/comments1.xml']);
    const comments = text(twice['xl/comments1.xml']);
    expect(comments.match(/<comment /g)).toHaveLength(3);
    expect(comments).toContain('【错误】数据资源提供方代码');
    expect(comments).toContain('【error】provider code');
    expect(text(twice['xl/workbook.xml'])).toMatch(
      /name="Validation"[\s\S]*name="校验结果"[\s\S]*name="政务数据资源目录"/,
    );
  });
});

const OPENPYXL_READ = `
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb["${SHEET}"]
out = {
  "sheets": wb.sheetnames,
  "states": [wb[n].sheet_state for n in wb.sheetnames],
  "comments": {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment},
  "validations": sorted([[str(v.sqref), v.formula1] for v in ws.data_validations.dataValidation]),
  "freeze": ws.freeze_panes,
  "merges": sorted(str(m) for m in ws.merged_cells.ranges),
  "widths": {k: d.width for k, d in sorted(ws.column_dimensions.items()) if d.customWidth},
  "fills": {ref: ws[ref].fill.fgColor.rgb for ref in ["A2", "A4", "A5", "E4", "E5", "O5", "F6"]},
  "formats": {ref: ws[ref].number_format for ref in ["E5", "P5"]},
  "names": sorted(dn.name for dn in wb.defined_names.definedName) if hasattr(wb.defined_names, "definedName") else sorted(wb.defined_names.keys()),
  "conditional": len(ws.conditional_formatting),
  "values": [[c.value if not hasattr(c.value, "isoformat") else c.value.isoformat() for c in row] for row in ws.iter_rows()],
}
print(json.dumps(out, ensure_ascii=False))
`;

describe.skipIf(!officeAvailable('annotate-patch (openpyxl)', 'openpyxl'))(
  'openpyxl reads the annotated workbook',
  () => {
    it('finds the notes on the flagged cells and everything the editor set up unchanged', () => {
      const path = join(dir, '目录-批注.xlsx');
      const after = JSON.parse(python(OPENPYXL_READ, [path]));
      const before = JSON.parse(python(OPENPYXL_READ, [FIXTURE]));
      expect(Object.keys(after.comments).sort()).toEqual([...FLAGGED].sort());
      expect(after.comments.E5).toContain('校验位应为“Q”而不是“B”');
      expect(after.comments.E5).toContain('（metadata/provider-code-check）');
      expect(after.comments.O5).toContain('（metadata/vocabulary）');
      expect(after.comments.F6).toContain('（schema/required）');
      expect(after.sheets).toEqual(['校验结果', ...before.sheets]);
      expect(after.states.slice(1)).toEqual(before.states);
      for (const key of [
        'validations',
        'freeze',
        'merges',
        'widths',
        'names',
        'conditional',
        'values',
        'formats',
      ])
        expect(after[key], key).toEqual(before[key]);
      expect(after.validations).toHaveLength(2);
      expect(after.freeze).toBe('C4');
      expect(after.fills.A2).toBe(before.fills.A2);
      expect(after.fills.A4).toBe('FFE2EFDA');
      expect(after.fills.E4).toBe(before.fills.E4);
      for (const ref of FLAGGED) expect(after.fills[ref], ref).toBe(HIGHLIGHT_RGB);
    });
  },
);

describe.skipIf(!officeAvailable('annotate-patch (LibreOffice)', 'soffice'))(
  'LibreOffice opens the annotated workbook',
  () => {
    it('converts every original sheet to the same csv as the original workbook', () => {
      const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
      const a = sofficeConvert(annotated, 'annotated.xlsx', filter, 'csv');
      const o = sofficeConvert(original, 'original.xlsx', filter, 'csv');
      expect([...a.keys()].sort()).toEqual(
        [
          'annotated-校验结果.csv',
          'annotated-政务数据资源目录.csv',
          'annotated-字典.csv',
          'annotated-填表说明.csv',
        ].sort(),
      );
      for (const sheet of [SHEET, '字典', '填表说明'])
        expect(a.get(`annotated-${sheet}.csv`)?.toString('utf8'), sheet).toBe(
          o.get(`original-${sheet}.csv`)?.toString('utf8'),
        );
      expect(o.get(`original-${SHEET}.csv`)?.toString('utf8')).toContain('11450100MB0H76326B');
      const findings = a.get('annotated-校验结果.csv')!.toString('utf8');
      expect(findings).toContain('政务数据资源目录!E5');
      expect(findings).toContain('metadata/provider-code-check');
    }, 120_000);
  },
);

describe('the OOXML patch helpers', () => {
  it('restyles existing cells, creates missing cells and rows in order, and keeps a prefixed namespace', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="2"><x:c r="A2" s="3"><x:v>1</x:v></x:c><x:c r="C2" t="s"><x:v>0</x:v></x:c></x:row>' +
      '<x:row r="5"><x:c r="B5"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const out = restyleCells(xml, ['C2', 'B2', 'A2', 'D4', 'A7'], (s) => 100 + s);
    expect(out).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        '<x:row r="2"><x:c r="A2" s="103"><x:v>1</x:v></x:c><x:c r="B2" s="100"/><x:c r="C2" t="s" s="100"><x:v>0</x:v></x:c></x:row>' +
        '<x:row r="4"><x:c r="D4" s="100"/></x:row>' +
        '<x:row r="5"><x:c r="B5"><x:v>2</x:v></x:c></x:row><x:row r="7"><x:c r="A7" s="100"/></x:row></x:sheetData></x:worksheet>',
    );
  });

  it('refuses what is no workbook package with a PackageError, which the CLI turns into one line', () => {
    expect(() =>
      annotateWorkbook(zipSync({ 'a.txt': new Uint8Array([1]) }), { file: emptyReport, lang: 'zh' }),
    ).toThrow(PackageError);
  });
});
