// The govcat init template as an Excel workbook made for editing: dropdown lists fed from seeds/, text format
// on the code columns, a frozen and styled header, widths, input prompts, a hidden 代码表 sheet with the lists
// behind defined names, and the template version in the workbook properties. SheetJS writes the sheets and
// names (its community build cannot write data validations or styles); the OOXML patcher adds the rest.
import * as XLSX from 'xlsx';
import type { Lang } from '../../i18n/index.js';
import { allFields } from '../../model/fields.js';
import type { CatalogKind } from '../../model/types.js';
import type { Seeds } from '../../seeds/index.js';
import { SeedError } from '../../seeds/index.js';
import { escapeXml, OoxmlPackage, TEMPLATE_PROPERTY } from '../ooxml/package.js';
import { columnName, insertChild, restyleCells } from '../ooxml/sheet.js';
import { StyleEditor, sheets as sheetRefs, stylesPart } from '../ooxml/workbook.js';
import type { Column } from './columns.js';
import { describe, templateSheets } from './template.js';
import { buildSheet, workbookBytes } from './xlsx.js';

/** The hidden sheet with the dropdown lists (readers skip it by name). */
export const LISTS_SHEET = '代码表';

/** Worksheet children a dataValidations element must precede (CT_Worksheet order). */
const AFTER_VALIDATIONS = [
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function pointerOf(column: Column): string {
  return column.level === 'item' ? `/items/*${column.pointer}` : column.pointer;
}

/** Cuts a text to Excel's limit for prompts (255) or titles (32), on a character boundary. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The values of one dropdown, from its vocabulary (standard terms) or as listed. */
function dropdownValues(d: Seeds['template']['dropdowns'][number], seeds: Seeds): (string | number)[] {
  if (d.values) return d.values;
  const vocab = seeds.vocabularies.get(d.vocabulary ?? '');
  if (!vocab) throw new SeedError('template.json', `vocabulary "${d.vocabulary}" not found`);
  return vocab.terms
    .filter((t) => (t.status ?? 'standard') === 'standard')
    .map((t) => t.value as string | number);
}

/** What a template workbook holds, for the CLI's message. */
export interface TemplateWorkbook {
  bytes: Uint8Array;
  columns: Column[];
  fields: number;
  version: number;
  dropdowns: number;
}

/** Builds the template workbook (xlsx) for a catalog kind. */
export function templateWorkbook(
  kind: CatalogKind,
  seeds: Seeds,
  options: { extended?: boolean; lang?: Lang } = {},
): TemplateWorkbook {
  const lang = options.lang ?? 'zh';
  const { sheets, columns, fields } = templateSheets(kind, seeds, options);
  const tpl = seeds.template;
  const catalog = sheets[0]!;
  const headerRows = catalog.rows.length;
  const first = headerRows + 1;
  const last = headerRows + tpl.rows;

  // 1. The lists: one column per dropdown on the hidden 代码表 sheet, each behind a defined name.
  const byPointer = new Map(columns.map((c, i) => [pointerOf(c), i]));
  const lists: { col: number; name: string; strict: boolean; count: number }[] = [];
  const listRows: (string | number)[][] = [[]];
  for (const d of tpl.dropdowns) {
    const col = byPointer.get(d.field);
    if (col === undefined) continue;
    const values = dropdownValues(d, seeds);
    const at = lists.length;
    listRows[0]![at] = columns[col]!.header;
    values.forEach((v, i) => {
      listRows[i + 1] ??= [];
      listRows[i + 1]![at] = v;
    });
    lists.push({ col, name: `govcat_list_${at + 1}`, strict: d.strict, count: values.length });
  }
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) XLSX.utils.book_append_sheet(wb, buildSheet(spec), spec.name);
  XLSX.utils.book_append_sheet(wb, buildSheet({ name: LISTS_SHEET, rows: listRows }), LISTS_SHEET);
  wb.Workbook = {
    Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }],
    Names: lists.map((l, i) => ({
      Name: l.name,
      Ref: `${LISTS_SHEET}!$${columnName(i)}$2:$${columnName(i)}$${l.count + 1}`,
    })),
  };
  wb.Props = { Title: catalog.name };
  wb.Custprops = { [TEMPLATE_PROPERTY]: String(tpl.version) };
  const pkg = new OoxmlPackage(workbookBytes(wb, 'xlsx'));

  // 2. Styles: a bold, filled, bordered header and the text format (@) for code columns.
  const styles = new StyleEditor(pkg, stylesPart(pkg));
  const p = styles.prefix;
  const font = styles.appendTo(
    'fonts',
    `<${p}font><${p}b/><${p}sz val="11"/><${p}name val="宋体"/><${p}charset val="134"/></${p}font>`,
  );
  const fill = styles.appendTo(
    'fills',
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFD9E1F2"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
  );
  const thin = `style="thin"><${p}color rgb="FF8EA9DB"/>`;
  const border = styles.appendTo(
    'borders',
    `<${p}border><${p}left ${thin}</${p}left><${p}right ${thin}</${p}right><${p}top ${thin}</${p}top><${p}bottom ${thin}</${p}bottom><${p}diagonal/></${p}border>`,
  );
  const header = styles.addXf(
    `<${p}xf numFmtId="49" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><${p}alignment horizontal="center" vertical="center" wrapText="1"/></${p}xf>`,
  );
  const text = styles.addXf(
    `<${p}xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
  );
  styles.commit();

  // 3. The catalog sheet: frozen header, styled header cells, text columns, widths, validations.
  const part = sheetRefs(pkg).find((s) => s.name === catalog.name)!.part;
  let xml = pkg.text(part)!;
  const headerCells: string[] = [];
  for (let r = 1; r <= headerRows; r++)
    for (let c = 0; c < columns.length; c++) headerCells.push(`${columnName(c)}${r}`);
  xml = restyleCells(xml, headerCells, () => header);
  // Header rows tall enough for two lines of wrapped text (Excel does not grow a row when it opens a file).
  for (let r = 1; r <= headerRows; r++)
    xml = xml.replace(new RegExp(`<row r="${r}"(?![^>]*\\bht=)`), `<row r="${r}" ht="30" customHeight="1"`);
  const textCols = columns.flatMap((c, i) => (tpl.textColumns.includes(pointerOf(c)) ? [i] : []));
  const textCells: string[] = [];
  for (let r = first; r <= last; r++) for (const c of textCols) textCells.push(`${columnName(c)}${r}`);
  xml = restyleCells(xml, textCells, () => text);
  const widths = catalog.widths ?? [];
  const cols = columns
    .map((_, i) => {
      const style = textCols.includes(i) ? ` style="${text}"` : '';
      return `<col min="${i + 1}" max="${i + 1}" width="${(widths[i] ?? 16) + 0.7}" customWidth="1"${style}/>`;
    })
    .join('');
  xml = xml.replace(/<cols>[\s\S]*?<\/cols>/, `<cols>${cols}</cols>`);
  const pane = `<sheetViews><sheetView workbookViewId="0"><pane xSplit="2" ySplit="${headerRows}" topLeftCell="C${first}" activePane="bottomRight" state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="A${first}" sqref="A${first}"/></sheetView></sheetViews>`;
  xml = /<sheetViews>[\s\S]*?<\/sheetViews>/.test(xml)
    ? xml.replace(/<sheetViews>[\s\S]*?<\/sheetViews>/, pane)
    : xml.replace(/(<dimension\b[^>]*\/>)/, `$1${pane}`);

  const info = new Map(allFields().map((f) => [f.path, f]));
  const validations: string[] = [];
  columns.forEach((c, i) => {
    const list = lists.find((l) => l.col === i);
    const field = info.get(pointerOf(c));
    const hint = field?.hint?.[lang] || describe(pointerOf(c));
    const prompt = clip(hint || c.header, 255);
    const range = `${columnName(i)}${first}:${columnName(i)}${last}`;
    const common = `allowBlank="1" showInputMessage="1" promptTitle="${escapeXml(clip(c.header, 32))}" prompt="${escapeXml(prompt)}" sqref="${range}"`;
    if (list) {
      const style = list.strict ? ' errorStyle="stop"' : ' errorStyle="information"';
      const error = list.strict ? '请从下拉列表中选择' : '不在推荐列表中：请核对写法';
      validations.push(
        `<dataValidation type="list"${style} ${common} showErrorMessage="1" errorTitle="${escapeXml(clip(c.header, 32))}" error="${error}"><formula1>${list.name}</formula1></dataValidation>`,
      );
    } else if (hint) {
      validations.push(`<dataValidation ${common}/>`);
    }
  });
  xml = insertChild(
    xml,
    `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`,
    AFTER_VALIDATIONS,
  );
  pkg.set(part, xml);

  // 4. The 填表说明 sheet: its header row styled and frozen too.
  const guidePart = sheetRefs(pkg).find((s) => s.name === sheets[1]!.name)?.part;
  if (guidePart) {
    let guide = pkg.text(guidePart)!;
    guide = restyleCells(guide, ['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3'], () => header);
    const guidePane =
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/></sheetView></sheetViews>';
    guide = /<sheetViews>[\s\S]*?<\/sheetViews>/.test(guide)
      ? guide.replace(/<sheetViews>[\s\S]*?<\/sheetViews>/, guidePane)
      : guide.replace(/(<dimension\b[^>]*\/>)/, `$1${guidePane}`);
    pkg.set(guidePart, guide);
  }
  return { bytes: pkg.write(), columns, fields, version: tpl.version, dropdowns: lists.length };
}
