// The govcat init template as an Excel workbook made for editing: dropdown lists fed from seeds/, text format
// on the code columns, a frozen and styled header, widths, input prompts, a hidden 代码表 sheet with the lists
// behind defined names, and the template version in the workbook properties. SheetJS writes the sheets and
// names (its community build cannot write data validations or styles); the OOXML patcher adds the rest.
import * as XLSX from 'xlsx';
import type { ClassificationNode, ClassificationTree } from '../../generated/schema-types.js';
import type { Lang } from '../../i18n/index.js';
import { allFields } from '../../model/fields.js';
import { pickerValue } from '../../model/picks.js';
import type { CatalogKind } from '../../model/types.js';
import type { Seeds } from '../../seeds/index.js';
import { SeedError } from '../../seeds/index.js';
import { escapeXml, OoxmlPackage, TEMPLATE_PROPERTY } from '../ooxml/package.js';
import { columnName, insertChild, restyleCells } from '../ooxml/sheet.js';
import { StyleEditor, sheets as sheetRefs, stylesPart } from '../ooxml/workbook.js';
import type { Column } from './columns.js';
import { describe, templateSheets } from './template.js';
import { buildSheet, type SheetSpec, workbookBytes } from './xlsx.js';

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
  /** The 选择分类 picker columns after the catalog's own (0 without a classification tree). */
  pickers: number;
}

/** Options of templateWorkbook. */
export interface TemplateOptions {
  extended?: boolean;
  lang?: Lang;
  /** The classification tree of the pickers (default: seeds/template.json classification.tree). */
  classification?: ClassificationTree;
}

/** One list on the 代码表 sheet behind a defined name. */
interface NamedList {
  name: string;
  header: string;
  values: (string | number)[];
}

/** A dropdown of the catalog sheet: the column it validates and the list formula it offers. */
interface Dropdown {
  col: number;
  formula: string;
  strict: boolean;
}

/** Where the catalog sheet's parts are (1-based rows). */
interface Frame {
  columns: Column[];
  headerRows: number;
  first: number;
  last: number;
}

/** Name of the list of level `path` (1, 2_i, 3_i_j; i, j 1-based positions in the tree): a valid Excel name. */
export function classificationListName(level: 1 | 2 | 3, ...positions: number[]): string {
  return ['govcat_cls', level, ...positions].join('_');
}

/** The vocabulary dropdowns of the columns present: their lists and validations. */
function vocabularyLists(columns: Column[], seeds: Seeds): { lists: NamedList[]; dropdowns: Dropdown[] } {
  const byPointer = new Map(columns.map((c, i) => [pointerOf(c), i]));
  const lists: NamedList[] = [];
  const dropdowns: Dropdown[] = [];
  for (const d of seeds.template.dropdowns) {
    const col = byPointer.get(d.field);
    if (col === undefined) continue;
    const name = `govcat_list_${lists.length + 1}`;
    lists.push({ name, header: columns[col]!.header, values: dropdownValues(d, seeds) });
    dropdowns.push({ col, formula: name, strict: d.strict });
  }
  return { lists, dropdowns };
}

/**
 * The cascading lists of the classification pickers: the classes, the items of each class and the catalogs
 * of each item, each behind a position-based name; the 项 and 目 pickers pick their list with INDIRECT and
 * MATCH on the levels to their left. Levels without children have no list (the picker then takes any text).
 */
function classificationLists(
  tree: ClassificationTree,
  firstCol: number,
  firstRow: number,
): { lists: NamedList[]; dropdowns: Dropdown[] } {
  const value = (n: ClassificationNode) => pickerValue(n.code, n.label);
  const lists: NamedList[] = [
    { name: classificationListName(1), header: '选择分类·类', values: tree.classes.map(value) },
  ];
  tree.classes.forEach((cls, i) => {
    if (cls.children?.length)
      lists.push({
        name: classificationListName(2, i + 1),
        header: value(cls),
        values: cls.children.map(value),
      });
    cls.children?.forEach((item, j) => {
      if (item.children?.length)
        lists.push({
          name: classificationListName(3, i + 1, j + 1),
          header: `${value(cls)} / ${value(item)}`,
          values: item.children.map(value),
        });
    });
  });
  const cls = `${columnName(firstCol)}${firstRow}`;
  const item = `${columnName(firstCol + 1)}${firstRow}`;
  const classAt = `MATCH(${cls},${classificationListName(1)},0)`;
  const itemList = `INDIRECT("govcat_cls_2_"&${classAt})`;
  const dropdowns: Dropdown[] = [
    { col: firstCol, formula: classificationListName(1), strict: true },
    { col: firstCol + 1, formula: itemList, strict: false },
    {
      col: firstCol + 2,
      formula: `INDIRECT("govcat_cls_3_"&${classAt}&"_"&MATCH(${item},${itemList},0))`,
      strict: false,
    },
  ];
  return { lists, dropdowns };
}

/** The hidden 代码表 sheet: one column per list, its header on row 1 and its values below. */
function listsSheet(lists: readonly NamedList[]): {
  spec: SheetSpec;
  names: { Name: string; Ref: string }[];
} {
  const rows: (string | number)[][] = [[]];
  lists.forEach((l, at) => {
    rows[0]![at] = l.header;
    l.values.forEach((v, i) => {
      rows[i + 1] ??= [];
      rows[i + 1]![at] = v;
    });
  });
  const names = lists.map((l, i) => ({
    Name: l.name,
    Ref: `${LISTS_SHEET}!$${columnName(i)}$2:$${columnName(i)}$${l.values.length + 1}`,
  }));
  return { spec: { name: LISTS_SHEET, rows }, names };
}

/** The catalog sheet with the picker columns after the template's own, each header over both header rows. */
function withPickers(catalog: SheetSpec, headers: readonly string[], at: number): SheetSpec {
  const rows = catalog.rows.map((r) => [...r]);
  const merges = [...(catalog.merges ?? [])];
  headers.forEach((h, i) => {
    rows[0]![at + i] = h;
    if (rows.length > 1) merges.push({ s: { r: 0, c: at + i }, e: { r: rows.length - 1, c: at + i } });
  });
  return { ...catalog, rows, merges, widths: [...(catalog.widths ?? []), ...headers.map(() => 24)] };
}

/** Adds the header and text styles to styles.xml; returns their xf ids. */
function addStyles(pkg: OoxmlPackage): { header: number; text: number } {
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
  return { header, text };
}

/** Styled, taller header rows; text format on the code columns; column widths; the frozen header. */
function layoutCatalogSheet(
  xml: string,
  frame: Frame,
  widths: readonly number[],
  textCols: readonly number[],
  style: { header: number; text: number },
): string {
  const { headerRows, first, last } = frame;
  const headerCells: string[] = [];
  for (let r = 1; r <= headerRows; r++)
    for (let c = 0; c < widths.length; c++) headerCells.push(`${columnName(c)}${r}`);
  let out = restyleCells(xml, headerCells, () => style.header);
  // Header rows tall enough for two lines of wrapped text (Excel does not grow a row when it opens a file).
  for (let r = 1; r <= headerRows; r++)
    out = out.replace(new RegExp(`<row r="${r}"(?![^>]*\\bht=)`), `<row r="${r}" ht="30" customHeight="1"`);
  const textCells: string[] = [];
  for (let r = first; r <= last; r++) for (const c of textCols) textCells.push(`${columnName(c)}${r}`);
  out = restyleCells(out, textCells, () => style.text);
  const cols = widths
    .map((w, i) => {
      const s = textCols.includes(i) ? ` style="${style.text}"` : '';
      return `<col min="${i + 1}" max="${i + 1}" width="${w + 0.7}" customWidth="1"${s}/>`;
    })
    .join('');
  out = out.replace(/<cols>[\s\S]*?<\/cols>/, `<cols>${cols}</cols>`);
  const pane = `<sheetViews><sheetView workbookViewId="0"><pane xSplit="2" ySplit="${headerRows}" topLeftCell="C${first}" activePane="bottomRight" state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="A${first}" sqref="A${first}"/></sheetView></sheetViews>`;
  return replaceSheetViews(out, pane);
}

function replaceSheetViews(xml: string, views: string): string {
  return /<sheetViews>[\s\S]*?<\/sheetViews>/.test(xml)
    ? xml.replace(/<sheetViews>[\s\S]*?<\/sheetViews>/, views)
    : xml.replace(/(<dimension\b[^>]*\/>)/, `$1${views}`);
}

/** The data validations: dropdown lists (strict or advisory) and the input prompt of every field. */
function validationsXml(
  frame: Frame,
  dropdowns: readonly Dropdown[],
  pickers: readonly string[],
  lang: Lang,
): string {
  const info = new Map(allFields().map((f) => [f.path, f]));
  const out: string[] = [];
  const columns = [
    ...frame.columns.map((c) => {
      const hint = info.get(pointerOf(c))?.hint?.[lang] || describe(pointerOf(c));
      return { header: c.header, prompt: hint };
    }),
    ...pickers.map((header, i) => ({ header, prompt: PICKER_PROMPTS[i]! })),
  ];
  columns.forEach((c, i) => {
    const list = dropdowns.find((d) => d.col === i);
    const range = `${columnName(i)}${frame.first}:${columnName(i)}${frame.last}`;
    const title = escapeXml(clip(c.header, 32));
    const common = `allowBlank="1" showInputMessage="1" promptTitle="${title}" prompt="${escapeXml(clip(c.prompt || c.header, 255))}" sqref="${range}"`;
    if (list) {
      const style = list.strict ? ' errorStyle="stop"' : ' errorStyle="information"';
      const error = list.strict ? '请从下拉列表中选择' : '不在推荐列表中：请核对写法';
      out.push(
        `<dataValidation type="list"${style} ${common} showErrorMessage="1" errorTitle="${title}" error="${error}"><formula1>${escapeXml(list.formula)}</formula1></dataValidation>`,
      );
    } else if (c.prompt) out.push(`<dataValidation ${common}/>`);
  });
  return `<dataValidations count="${out.length}">${out.join('')}</dataValidations>`;
}

/** Input prompts of the three pickers. */
const PICKER_PROMPTS = [
  '先选类，再在右边选项、目。数据资源分类为空时，三级都选了带代码的值，就由三级代码组成分类码；否则请在数据资源分类中填写代码',
  '先在左边选类，这里列出该类的项（指南未给代码的项只列名称）',
  '先在左边选类和项，这里列出该项的目',
];

/** The 填表说明 sheet: its header row styled and frozen too. */
function layoutGuideSheet(xml: string, header: number): string {
  const styled = restyleCells(xml, ['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3'], () => header);
  return replaceSheetViews(
    styled,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/></sheetView></sheetViews>',
  );
}

/** The classification tree of the pickers: the one given, else the template's default from seeds/. */
function pickerTree(seeds: Seeds, given: ClassificationTree | undefined): ClassificationTree | undefined {
  if (given) return given;
  const id = seeds.template.classification?.tree;
  if (id === undefined) return undefined;
  const tree = seeds.classification.get(id);
  if (!tree) throw new SeedError('template.json', `classification tree "${id}" not found`);
  return tree;
}

/** Builds the template workbook (xlsx) for a catalog kind. */
export function templateWorkbook(
  kind: CatalogKind,
  seeds: Seeds,
  options: TemplateOptions = {},
): TemplateWorkbook {
  const lang = options.lang ?? 'zh';
  const { sheets, columns, fields } = templateSheets(kind, seeds, options);
  const tpl = seeds.template;
  const headerRows = sheets[0]!.rows.length;
  const frame: Frame = { columns, headerRows, first: headerRows + 1, last: headerRows + tpl.rows };

  // 1. The lists on the hidden 代码表 sheet, each behind a defined name: vocabularies, then the classification.
  const vocab = vocabularyLists(columns, seeds);
  const tree = pickerTree(seeds, options.classification);
  const pickers = tree ? (tpl.classification?.headers ?? []) : [];
  const cascade = tree
    ? classificationLists(tree, columns.length, frame.first)
    : { lists: [], dropdowns: [] };
  const lists = listsSheet([...vocab.lists, ...cascade.lists]);
  const catalog = withPickers(sheets[0]!, pickers, columns.length);
  const wb = XLSX.utils.book_new();
  for (const spec of [catalog, ...sheets.slice(1)])
    XLSX.utils.book_append_sheet(wb, buildSheet(spec), spec.name);
  XLSX.utils.book_append_sheet(wb, buildSheet(lists.spec), LISTS_SHEET);
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }], Names: lists.names };
  wb.Props = { Title: catalog.name };
  wb.Custprops = { [TEMPLATE_PROPERTY]: String(tpl.version) };
  const pkg = new OoxmlPackage(workbookBytes(wb, 'xlsx'));

  // 2. Styles; 3. the catalog sheet: frozen styled header, text columns, widths, dropdowns and prompts.
  const style = addStyles(pkg);
  const part = sheetRefs(pkg).find((s) => s.name === catalog.name)!.part;
  const textCols = columns.flatMap((c, i) => (tpl.textColumns.includes(pointerOf(c)) ? [i] : []));
  const widths = [...columns.map((_, i) => catalog.widths?.[i] ?? 16), ...pickers.map(() => 24)];
  const laidOut = layoutCatalogSheet(pkg.text(part)!, frame, widths, textCols, style);
  const validations = validationsXml(frame, [...vocab.dropdowns, ...cascade.dropdowns], pickers, lang);
  pkg.set(part, insertChild(laidOut, validations, AFTER_VALIDATIONS));

  // 4. The 填表说明 sheet.
  const guidePart = sheetRefs(pkg).find((s) => s.name === sheets[1]!.name)?.part;
  if (guidePart) pkg.set(guidePart, layoutGuideSheet(pkg.text(guidePart)!, style.header));
  return {
    bytes: pkg.write(),
    columns,
    fields,
    version: tpl.version,
    dropdowns: vocab.lists.length + (tree ? 3 : 0),
    pickers: pickers.length,
  };
}
