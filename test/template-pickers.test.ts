// The classification pickers of the govcat init template: 类 / 项 / 目 chosen level by level from cascading lists
// (INDIRECT + MATCH over position-based defined names on the hidden 代码表 sheet), read into 数据资源分类 when
// that cell is empty. Checked with openpyxl and LibreOffice, independent of govcat's own reader.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassificationTree } from '../src/generated/schema-types.js';
import { compileCatalog, validateCatalog } from '../src/index.js';
import { classificationFromPicks, pickedCode } from '../src/model/picks.js';
import { loadSeeds } from '../src/seeds/index.js';
import { runCli } from './helpers/cli.js';
import { officeAvailable, python, sofficeConvert } from './helpers/office.js';

const seeds = loadSeeds();
const SHEET = '政务数据资源目录';
const PICKERS = seeds.template.classification!.headers;
const CODED = join(import.meta.dirname, 'fixtures', 'classification', 'coded.json');
const codedTree: ClassificationTree = JSON.parse(readFileSync(CODED, 'utf8'));
const guideTree = seeds.classification.get(seeds.template.classification!.tree)!;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-pickers-'));
  expect((await runCli(['init', '指南.xlsx'], { cwd: dir })).code).toBe(0);
  expect((await runCli(['init', '省级.xlsx', '--classification', CODED], { cwd: dir })).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What openpyxl sees: the picker headers, their validations, and every defined name with the cells it covers. */
const OPENPYXL_PICKERS = `
import json, sys
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries
wb = load_workbook(sys.argv[1])
ws = wb["${SHEET}"]
names = {}
for dn in wb.defined_names.definedName:
    sheet, ref = list(dn.destinations)[0]
    c1, r1, c2, r2 = range_boundaries(ref.replace("$", ""))
    cells = wb[sheet].iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c2, values_only=True)
    names[dn.name] = {"ref": dn.attr_text, "values": [row[0] for row in cells]}
headers = [ws.cell(row=1, column=c).value for c in range(1, ws.max_column + 1)]
out = {
  "headers": headers,
  "validations": {str(v.sqref): {"formula": v.formula1, "errorStyle": v.errorStyle, "prompt": v.prompt}
                  for v in ws.data_validations.dataValidation if v.type == "list"},
  "names": names,
  "formats": {ref: ws[ref].number_format for ref in ["R3", "T502"]},
}
print(json.dumps(out, ensure_ascii=False))
`;

/** The list a cascading formula offers once the levels to its left are chosen, as Excel evaluates it. */
function offered(names: Record<string, { values: string[] }>, formula: string, row: Record<string, string>) {
  // MATCH(<cell>,<name>,0) → 1-based position; INDIRECT("<prefix>"&…) → the named list. Evaluated innermost first.
  let f = formula;
  for (;;) {
    const next = f
      .replace(/MATCH\((\w+?)3,(\w+),0\)/g, (_, col: string, name: string) => {
        const at = names[name]?.values.indexOf(row[col]!) ?? -1;
        return at < 0 ? '#N/A' : String(at + 1);
      })
      .replace(/MATCH\((\w+?)3,\{([^}]*)\},0\)/g, (_, col: string, list: string) => {
        const at = list.split('\u0001').indexOf(row[col]!);
        return at < 0 ? '#N/A' : String(at + 1);
      })
      .replace(/INDIRECT\(((?:"[\w]+"|\d+|#N\/A)(?:&(?:"[\w]+"|\d+|#N\/A))*)\)/g, (_, parts: string) => {
        const name = parts
          .split('&')
          .map((p) => p.replace(/"/g, ''))
          .join('');
        const list = names[name];
        return list ? `{${list.values.join('\u0001')}}` : '#REF!';
      });
    if (next === f) break;
    f = next;
  }
  if (f.startsWith('{')) return f.slice(1, -1).split('\u0001');
  return names[f]?.values ?? f;
}

describe.skipIf(!officeAvailable('template pickers (openpyxl)', 'openpyxl'))(
  'the pickers, read by openpyxl',
  () => {
    it('follow the template columns, each with a list validation over defined names', () => {
      const t = JSON.parse(python(OPENPYXL_PICKERS, [join(dir, '指南.xlsx')]));
      expect(t.headers.slice(-3)).toEqual(['选择分类·类', '选择分类·项', '选择分类·目']);
      expect(t.headers.slice(-3)).toEqual(PICKERS);
      expect(t.validations['R3:R502']).toMatchObject({ formula: 'govcat_cls_1', errorStyle: 'stop' });
      expect(t.validations['S3:S502']).toMatchObject({
        formula: 'INDIRECT("govcat_cls_2_"&MATCH(R3,govcat_cls_1,0))',
        errorStyle: 'information',
      });
      expect(t.validations['T3:T502'].formula).toBe(
        'INDIRECT("govcat_cls_3_"&MATCH(R3,govcat_cls_1,0)&"_"&MATCH(S3,INDIRECT("govcat_cls_2_"&MATCH(R3,govcat_cls_1,0)),0))',
      );
      expect(t.validations['R3:R502'].prompt).toContain('数据资源分类');
      // Every name is a valid Excel name (letters, digits, underscores; not a cell reference), on the hidden sheet.
      for (const [name, n] of Object.entries(t.names) as [string, { ref: string }][]) {
        expect(name).toMatch(/^govcat_(list|cls)_\d+(_\d+)*$/);
        expect(n.ref).toMatch(/^代码表!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
      }
    });

    it('resolve to the classes, the items of each class and the catalogs of each item of the seeds tree', () => {
      const t = JSON.parse(python(OPENPYXL_PICKERS, [join(dir, '指南.xlsx')]));
      const names = t.names as Record<string, { values: string[] }>;
      expect(names.govcat_cls_1!.values).toEqual(['1 基础信息资源', '2 主题信息资源', '3 部门信息资源']);
      guideTree.classes.forEach((cls, i) => {
        const items = (cls.children ?? []).map((c) => c.label);
        expect(names[`govcat_cls_2_${i + 1}`]?.values ?? []).toEqual(items);
        cls.children?.forEach((item, j) => {
          const catalogs = (item.children ?? []).map((c) => c.label);
          expect(names[`govcat_cls_3_${i + 1}_${j + 1}`]?.values ?? []).toEqual(catalogs);
        });
      });
      // The cascade as Excel evaluates it: pick a class, then an item of it.
      const s = t.validations['S3:S502'].formula;
      const u = t.validations['T3:T502'].formula;
      expect(offered(names, s, { R: '1 基础信息资源' })).toEqual(
        guideTree.classes[0]!.children!.map((c) => c.label),
      );
      expect(offered(names, u, { R: '1 基础信息资源', S: '法人单位信息资源库' })).toEqual([
        '行政',
        '事业',
        '企业',
        '社会团体',
      ]);
      expect(offered(names, u, { R: '2 主题信息资源', S: '全民社会保障' })).toEqual(['社会保险', '社会救助']);
    });

    it('carry the codes of a provincial tree given with --classification', () => {
      const t = JSON.parse(python(OPENPYXL_PICKERS, [join(dir, '省级.xlsx')]));
      const names = t.names as Record<string, { values: string[] }>;
      expect(names.govcat_cls_1!.values).toEqual(['1 基础信息资源', '3 部门信息资源']);
      expect(names.govcat_cls_2_2!.values).toEqual(['15 市场监督管理局', '16 人力资源和社会保障局']);
      expect(names.govcat_cls_3_2_1!.values).toEqual(['018 食品安全', '001 市场主体登记']);
      // An item without catalogs has no list: the 目 picker then takes any text.
      expect(names.govcat_cls_3_2_2).toBeUndefined();
      const u = t.validations['T3:T502'].formula;
      expect(offered(names, u, { R: '3 部门信息资源', S: '15 市场监督管理局' })).toEqual([
        '018 食品安全',
        '001 市场主体登记',
      ]);
    });

    it('fill 数据资源分类 when it is empty and all three levels carry codes; a filled cell wins', async () => {
      const filled = join(dir, '省级-已填.xlsx');
      python(
        `
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb["${SHEET}"]
rows = [
  [None, "食品经营许可信息", None, "南宁市市场监督管理局", "R", "3 部门信息资源", "15 市场监督管理局", "018 食品安全"],
  ["315001001", "市场主体登记信息", None, "南宁市市场监督管理局", "R", "3 部门信息资源", "15 市场监督管理局", "018 食品安全"],
  [None, "户籍人口信息", None, "南宁市公安局", "R", "1 基础信息资源", "01 人口信息资源库", None],
]
for r, row in enumerate(rows, start=3):
    for c, v in zip([1, 2, 3, 4], row[:4]):
        ws.cell(row=r, column=c, value=v)
    for c, v in zip([18, 19, 20], row[5:]):
        ws.cell(row=r, column=c, value=v)
wb.save(sys.argv[2])
`,
        [join(dir, '省级.xlsx'), filled],
      );
      const source = { name: '省级-已填.xlsx', bytes: readFileSync(filled) };
      const compiled = await compileCatalog(source, { format: 'json', codes: false });
      const entries = JSON.parse(strFromU8(compiled.output)).entries;
      expect(
        entries.map((e: { classification?: string; extra?: unknown }) => [e.classification, e.extra]),
      ).toEqual([
        ['315018', undefined],
        ['315001001', undefined],
        [undefined, undefined],
      ]);
      const report = await validateCatalog(source, { today: '2024-01-01' });
      const findings = report.files[0]!.findings;
      // The picker columns are known columns: no unknown-column notice.
      expect(findings.filter((f) => f.ruleId === 'metadata/unknown-column')).toEqual([]);
      // The third entry picked only two levels: 数据资源分类 stays empty and is reported missing at its cell.
      const missing = findings.filter(
        (f) => f.ruleId === 'schema/required' && f.location?.field === 'classification',
      );
      expect(missing.map((f) => [f.entry, f.location?.cell])).toEqual([[2, 'A5']]);
    });
  },
);

describe.skipIf(!officeAvailable('template pickers (LibreOffice)', 'openpyxl', 'soffice'))(
  'the pickers in LibreOffice',
  () => {
    it('opens the template, and INDIRECT over the defined names gives the lists of the chosen class and item', () => {
      const probe = join(dir, '探测.xlsx');
      python(
        `
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb["${SHEET}"]
ws["R3"] = "3 部门信息资源"
ws["S3"] = "15 市场监督管理局"
ws["U3"] = '=COUNTA(INDIRECT("govcat_cls_2_"&MATCH(R3,govcat_cls_1,0)))'
ws["V3"] = '=INDEX(INDIRECT("govcat_cls_2_"&MATCH(R3,govcat_cls_1,0)),2)'
ws["W3"] = '=INDEX(INDIRECT("govcat_cls_3_"&MATCH(R3,govcat_cls_1,0)&"_"&MATCH(S3,INDIRECT("govcat_cls_2_"&MATCH(R3,govcat_cls_1,0)),0)),1)'
wb.save(sys.argv[2])
`,
        [join(dir, '省级.xlsx'), probe],
      );
      const csv = sofficeConvert(
        readFileSync(probe),
        '探测.xlsx',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1',
        'csv',
      );
      const text = [...csv.values()][0]!.toString('utf8');
      const lines = text.split(/\r?\n/);
      expect(lines[0]).toContain('选择分类·类,选择分类·项,选择分类·目');
      expect(lines[2]).toContain('3 部门信息资源,15 市场监督管理局,,2,16 人力资源和社会保障局,018 食品安全');
    });
  },
);

describe('picked codes', () => {
  it('are the digits in front of a picked value, padded to the level, and make a code only with all three', () => {
    expect(pickedCode('3 部门信息资源', 0)).toBe('3');
    expect(pickedCode('1 人口信息资源库', 1)).toBe('01');
    expect(pickedCode('18 食品安全', 2)).toBe('018');
    expect(pickedCode('人口信息资源库', 1)).toBeUndefined();
    expect(pickedCode('12 类', 0)).toBeUndefined();
    expect(classificationFromPicks(['3 部门信息资源', '15 市场监督管理局', '018 食品安全'])).toBe('315018');
    expect(classificationFromPicks(['1 基础信息资源', '人口信息资源库', undefined])).toBeUndefined();
    expect(codedTree.classes).toHaveLength(2);
  });

  it('refuses an unknown tree or a file that is not one, with exit code 2', async () => {
    const none = await runCli(['init', 'x.xlsx', '--classification', 'nowhere'], { cwd: dir });
    expect([none.code, none.stderr.trim()]).toEqual([
      2,
      'govcat：找不到分类树“nowhere”：它既不是 seeds/classification 中的 id（guide），也不是一个文件',
    ]);
    const bad = await runCli(['init', 'y.xlsx', '--classification', join(dir, '指南.xlsx')], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('无法使用分类树');
  });
});
