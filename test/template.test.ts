// The govcat init template made for Excel: dropdowns fed from seeds/, text code columns, a frozen styled header,
// prompts, a clean 填表说明 and a version stamp that validate reads — checked with openpyxl, an independent reader.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { compileCatalog, validateCatalog } from '../src/index.js';
import { OoxmlPackage } from '../src/io/ooxml/package.js';
import { readTemplateVersion } from '../src/io/readers/xlsx.js';
import { LISTS_SHEET } from '../src/io/writers/template-xlsx.js';
import { loadSeeds } from '../src/seeds/index.js';
import { runCli } from './helpers/cli.js';
import { officeAvailable, python } from './helpers/office.js';

const seeds = loadSeeds();
const SHEET = '政务数据资源目录';
let dir: string;
let bytes: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-template-'));
  const res = await runCli(['init', '模板.xlsx'], { cwd: dir });
  expect(res.code).toBe(0);
  bytes = readFileSync(join(dir, '模板.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('govcat init template', () => {
  it('stamps the template version from seeds/template.json in the workbook properties, and validate reads it', async () => {
    expect(seeds.template.version).toBeGreaterThan(1);
    expect(readTemplateVersion(bytes)).toBe(seeds.template.version);
    const report = await validateCatalog({ name: '模板.xlsx', bytes });
    expect(report.files[0]!.findings).toEqual([]);
  });

  it('warns, in Chinese or English, when a workbook comes from an older template', async () => {
    const pkg = new OoxmlPackage(bytes);
    const custom = pkg.text('docProps/custom.xml')!;
    pkg.set('docProps/custom.xml', custom.replace(/<vt:lpwstr>\d+<\/vt:lpwstr>/, '<vt:lpwstr>1</vt:lpwstr>'));
    const old = pkg.write();
    expect(readTemplateVersion(old)).toBe(1);
    const zh = await validateCatalog({ name: '旧模板.xlsx', bytes: old });
    expect(zh.files[0]!.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      [
        'metadata/template-version',
        'warning',
        `本工作簿由第 1 版 govcat 模板生成，当前为第 ${seeds.template.version} 版（下拉列表或填写要求已更新）：请运行 govcat init 生成新模板，把目录复制过去`,
      ],
    ]);
    const en = await validateCatalog({ name: 'old.xlsx', bytes: old }, { lang: 'en' });
    expect(en.files[0]!.findings[0]!.message).toBe(
      `this workbook was made from govcat template version 1; the current version is ${seeds.template.version} (dropdown lists or rules changed): run govcat init for a new template and copy the entries over`,
    );
  });

  it('puts every dropdown list on the hidden 代码表 sheet, fed from the seeds vocabularies', () => {
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual([SHEET, '填表说明', LISTS_SHEET]);
    expect(wb.Workbook?.Sheets?.[2]?.Hidden).toBe(1);
    const lists = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[LISTS_SHEET]!, { header: 1 });
    const column = (header: string) => {
      const c = (lists[0] as string[]).indexOf(header);
      return lists
        .slice(1)
        .map((r) => r[c])
        .filter((v) => v !== undefined);
    };
    const standard = (id: string) =>
      seeds
        .vocab(id)
        .terms.filter((t) => (t.status ?? 'standard') === 'standard')
        .map((t) => t.value);
    expect(column('共享类型')).toEqual(standard('share-type'));
    expect(column('更新周期')).toEqual(standard('update-cycle'));
    expect(column('数据资源格式')).toEqual(standard('resource-format'));
    expect(column('数据类型')).toEqual(standard('data-type'));
    expect(column('是否向社会开放')).toEqual(standard('open-flag'));
    expect(column('共享方式')).toEqual(
      seeds.template.dropdowns.find((d) => d.field === '/share/method')!.values,
    );
  });

  it('writes a clean 填表说明: no guide item numbers in front of the descriptions', () => {
    const wb = XLSX.read(bytes, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['填表说明']!, { header: 1, defval: '' });
    const descriptions = rows.slice(3).map((r) => String(r[5]));
    expect(descriptions.find((d) => d.startsWith('数据资源名称'))).toBe(
      '数据资源名称：缩略描述资源内容的标题。',
    );
    expect(descriptions.filter((d) => /^\d+(?:\.\d+)*\s/.test(d))).toEqual([]);
  });

  it('is a plain zip package a spreadsheet program expects: content types for every part', () => {
    const parts = unzipSync(bytes);
    const types = strFromU8(parts['[Content_Types].xml']!);
    for (const name of Object.keys(parts).filter((n) => n.endsWith('.xml') && n.startsWith('xl/worksheets/')))
      expect(types).toContain(`PartName="/${name}"`);
  });
});

const OPENPYXL_TEMPLATE = `
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb["${SHEET}"]
names = {}
for dn in wb.defined_names.definedName:
    names[dn.name] = dn.attr_text
out = {
  "freeze": ws.freeze_panes,
  "validations": [{"sqref": str(v.sqref), "type": v.type, "formula": v.formula1, "list": names.get(v.formula1),
                   "prompt": v.prompt, "title": v.promptTitle, "errorStyle": v.errorStyle} for v in ws.data_validations.dataValidation],
  "formats": {ref: ws[ref].number_format for ref in ["A3", "C3", "E3", "Q3", "A502", "E502", "B3"]},
  "header": {"bold": ws["A1"].font.b, "fill": ws["A1"].fill.fgColor.rgb, "wrap": ws["A1"].alignment.wrap_text,
             "border": ws["A1"].border.left.style},
  "widths": {k: d.width for k, d in ws.column_dimensions.items()},
  "hidden": wb["${LISTS_SHEET}"].sheet_state,
  "guideFreeze": wb["填表说明"].freeze_panes,
}
print(json.dumps(out, ensure_ascii=False))
`;

describe.skipIf(!officeAvailable('template (openpyxl)', 'openpyxl'))('openpyxl reads the template', () => {
  it('finds the dropdowns, the text format on code columns, the frozen styled header and the widths', () => {
    const path = join(dir, '模板.xlsx');
    const t = JSON.parse(python(OPENPYXL_TEMPLATE, [path]));
    expect(t.freeze).toBe('C3');
    expect(t.guideFreeze).toBe('A4');
    expect(t.hidden).toBe('hidden');
    const lists = t.validations.filter((v: { type: string }) => v.type === 'list');
    expect(lists.map((v: { sqref: string; list: string }) => [v.sqref, v.list])).toEqual([
      ['G3:G502', '代码表!$E$2:$E$51'],
      ['I3:I502', '代码表!$F$2:$F$16'],
      ['J3:J502', '代码表!$A$2:$A$4'],
      ['L3:L502', '代码表!$B$2:$B$5'],
      ['M3:M502', '代码表!$C$2:$C$3'],
      ['O3:O502', '代码表!$D$2:$D$9'],
      // The classification pickers (test/template-pickers.test.ts): the classes, then cascading lists.
      ['R3:R502', '代码表!$G$2:$G$4'],
      ['S3:S502', null],
      ['T3:T502', null],
    ]);
    // Vocabularies that allow other spellings (several formats, typed lengths) warn instead of refusing.
    const style = (ref: string) => lists.find((v: { sqref: string }) => v.sqref.startsWith(ref)).errorStyle;
    expect([style('J3'), style('O3'), style('G3'), style('I3')]).toEqual([
      'stop',
      'stop',
      'information',
      'information',
    ]);
    const prompts = Object.fromEntries(
      t.validations.map((v: { sqref: string; prompt: string }) => [v.sqref, v.prompt]),
    );
    expect(prompts['E3:E502']).toContain('18');
    expect(prompts['P3:P502']).toContain('CCYY-MM-DD');
    expect(t.formats).toEqual({ A3: '@', C3: '@', E3: '@', Q3: '@', A502: '@', E502: '@', B3: 'General' });
    expect(t.header).toEqual({ bold: true, fill: 'FFD9E1F2', wrap: true, border: 'thin' });
    expect(t.widths.F).toBeGreaterThan(t.widths.B);
  });

  it('keeps 18 digits and leading zeros that an editor types into the code columns (openpyxl writes them as text)', async () => {
    const path = join(dir, '模板.xlsx');
    const filled = join(dir, '已填.xlsx');
    python(
      `
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb["${SHEET}"]
row = ["315018001", "食品经营许可信息", "315018001/1", "南宁市市场监督管理局", "114501000075600007",
       "本市食品经营许可证的许可证编号、经营者名称、经营场所、主体业态、经营项目和有效期。", "数据库", "许可证编号", "C(20)",
       1, "作为行政依据，用于监管协同和数据校核", "共享平台（服务接口）", 1, "社会公众可在开放平台查询", "每日", "2021-07-13"]
for i, v in enumerate(row, start=1):
    ws.cell(row=3, column=i, value=v)
wb.save(sys.argv[2])
`,
      [path, filled],
    );
    const source = { name: '已填.xlsx', bytes: readFileSync(filled) };
    const report = await validateCatalog(source, { today: '2021-11-23' });
    expect(report.files[0]!.entries).toBe(1);
    // The code survived as typed (its check character 7 is right): no numeric-cell or check-character finding.
    expect(report.files[0]!.findings.map((f) => f.ruleId)).toEqual([]);
    const json = await compileCatalog(source, { format: 'json', codes: false });
    const entry = JSON.parse(strFromU8(json.output)).entries[0];
    expect([entry.providerCode, entry.classification]).toEqual(['114501000075600007', '315018001']);
  });
});
