// Annotated workbooks: the editor's own workbook patched in place, with a comment and a highlight fill on
// every cell that has a finding and a first sheet 校验结果 listing all findings (with links) and the rates.
// Every other part of the package stays byte-identical (styles are extended, never renumbered). Pure: no
// Node built-ins, so the browser page can annotate too.
import * as XLSX from 'xlsx';
import { displayLocation, displayWidth } from '../../formatters/location.js';
import type { AppliedFix, FileReport, Finding, Rate } from '../../generated/schema-types.js';
import { type Lang, type MessageId, translate } from '../../i18n/index.js';
import type { ParsedCatalog } from '../../model/types.js';
import { govcatVersion } from '../../version.js';
import { addComments } from '../ooxml/comments.js';
import { isZip, OoxmlPackage, type PackageLimits } from '../ooxml/package.js';
import { type NewCell, restyleCells, sheetXml } from '../ooxml/sheet.js';
import { addFirstSheet, StyleEditor, sheets, stylesPart } from '../ooxml/workbook.js';
import { workbookBytes } from './xlsx.js';

/** The highlight on flagged cells (Excel's light yellow “neutral” fill). */
export const HIGHLIGHT_RGB = 'FFFFEB9C';

/** What annotateWorkbook needs besides the workbook bytes. */
export interface AnnotateInput {
  /** The validation result of this very workbook. */
  file: FileReport;
  /** The parsed catalog (entry locations for findings that name a row but no cell). */
  parsed?: ParsedCatalog;
  /** Safe fixes compile would apply (validate --fix): listed and commented too. */
  fixes?: readonly AppliedFix[];
  lang: Lang;
  /** Limits while unpacking the workbook (defaults: 1 GiB inflated, 10,000 parts). */
  limits?: PackageLimits;
  /**
   * A CSV input's records (as its reader parsed them): the annotated copy is a new xlsx with one sheet of
   * these values, all as text, named `table.name`; findings without a sheet point into it.
   */
  table?: { name: string; rows: string[][] };
}

/** The annotated copy and what went into it. */
export interface AnnotateResult {
  output: Uint8Array;
  /** Cells that received a comment. */
  comments: number;
  /** Name of the findings sheet. */
  sheet: string;
}

/** Quotes a sheet name for a reference when Excel requires it (spaces, punctuation, leading digit). */
export function sheetRef(sheet: string, cell: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

/** The findings sheet's name, numbered in front when taken, so it still ends with the name readers skip. */
function uniqueName(taken: readonly string[], base: string): string {
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `(${i})${base}`;
  return name;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Where a finding's comment goes: its cell, else the entry's name cell, else column A of its row. */
function targetOf(
  f: { location?: Finding['location']; entry: number | null },
  parsed?: ParsedCatalog,
  single?: string,
) {
  const l = f.location;
  // A CSV has one unnamed sheet: its findings carry a row and cell but no sheet.
  const sheet = l?.sheet || (l && (l.cell || l.row) ? single : undefined);
  if (!l || !sheet) return undefined;
  if (l.cell) return { sheet, cell: l.cell };
  if (f.entry !== null && parsed) {
    const name = parsed.entries[f.entry]?.locations.get('/name');
    if (name?.cell && (name.sheet ?? single) === sheet) return { sheet, cell: name.cell };
  }
  return l.row ? { sheet, cell: `A${l.row}` } : undefined;
}

function percent(rate: Rate, style: number | undefined): NewCell {
  if (rate.rate === null) return '—';
  return style === undefined ? rate.rate : { value: rate.rate, style };
}

/** A CSV's records as a new workbook of text cells (SheetJS keeps `0010` and 18-digit codes as written). */
function tableXlsx(table: { name: string; rows: string[][] }): Uint8Array {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(table.rows.map((r) => r.map((v) => (v === '' ? null : v))));
  XLSX.utils.book_append_sheet(wb, ws, table.name);
  return workbookBytes(wb, 'xlsx');
}

/** xls (and anything else SheetJS reads) becomes an xlsx first; an xlsx is patched as it is. */
function asXlsx(bytes: Uint8Array): Uint8Array {
  if (isZip(bytes)) return bytes;
  const wb = XLSX.read(bytes, {
    type: 'array',
    cellFormula: false,
    cellHTML: false,
    cellNF: true,
    cellStyles: true,
    cellDates: false,
    nodim: true,
  });
  return workbookBytes(wb, 'xlsx');
}

/**
 * Annotates a workbook by patching its package: every cell with a finding gets a note (severity, message,
 * rule id) and the highlight fill, and a new first sheet lists the counts, the rates and every finding with
 * a link to its cell. Everything else (values, styles, merges, widths, frozen panes, data validations,
 * conditional formats, defined names, other sheets, images) is left byte for byte as it was. An xls input
 * is converted to xlsx first (through SheetJS, which keeps values, merges and widths).
 */
export function annotateWorkbook(bytes: Uint8Array, input: AnnotateInput): AnnotateResult {
  const { file, lang, parsed } = input;
  const pkg = new OoxmlPackage(input.table ? tableXlsx(input.table) : asXlsx(bytes), input.limits);
  const sheetList = sheets(pkg);
  const partOf = new Map(sheetList.map((s) => [s.name, s.part]));
  const single = input.table?.name;
  const at: Targets = {
    lang,
    t: (id, data) => translate(lang, id, data),
    // Where a finding or fix points in this workbook (undefined when its sheet is not in it).
    target: (f) => {
      const target = targetOf(f, parsed, single);
      return target && partOf.has(target.sheet) ? target : undefined;
    },
  };
  const fixes = input.fixes ?? [];
  // 1. Notes, one per cell, gathering every finding (and announced fix) on it.
  const bodies = noteBodies(file, fixes, at);
  const styles = new StyleEditor(pkg, stylesPart(pkg));
  for (const [sheet, cells] of bodies) {
    const part = partOf.get(sheet)!;
    let xml = pkg.text(part);
    if (xml === undefined) continue;
    if (styles.usable) xml = restyleCells(xml, cells.keys(), (s) => styles.highlighted(s, HIGHLIGHT_RGB));
    const notes = new Map([...cells].map(([cell, lines]) => [cell, lines.join('\n')]));
    pkg.set(part, addComments(pkg, part, xml, notes));
  }
  // 2. The findings sheet, inserted first.
  const name = uniqueName(
    sheetList.map((s) => s.name),
    at.t('annotate.sheet'),
  );
  addFirstSheet(
    pkg,
    name,
    findingsSheet(file, fixes, at, styles.usable ? styles.numberFormat(10) : undefined),
  );
  styles.commit();
  let commented = 0;
  for (const cells of bodies.values()) commented += cells.size;
  return { output: pkg.write(), comments: commented, sheet: name };
}

/** The language, its texts and where a finding or fix lands in the workbook being annotated. */
interface Targets {
  lang: Lang;
  t: (id: MessageId, data?: Record<string, unknown>) => string;
  target: (f: {
    location?: Finding['location'];
    entry: number | null;
  }) => { sheet: string; cell: string } | undefined;
}

/** The note lines per sheet and cell: every finding, then every announced fix, in order. */
function noteBodies(
  file: FileReport,
  fixes: readonly AppliedFix[],
  at: Targets,
): Map<string, Map<string, string[]>> {
  const { t } = at;
  const bodies = new Map<string, Map<string, string[]>>();
  const push = (target: { sheet: string; cell: string }, line: string) => {
    const cells = bodies.get(target.sheet) ?? new Map<string, string[]>();
    bodies.set(target.sheet, cells);
    const list = cells.get(target.cell);
    if (list) list.push(line);
    else cells.set(target.cell, [line]);
  };
  for (const f of file.findings) {
    const target = at.target(f);
    if (target) push(target, `【${t(`report.severity.${f.severity}`)}】${f.message}（${f.ruleId}）`);
  }
  for (const fix of fixes) {
    const target = at.target({ location: fix.location, entry: fix.entry });
    if (!target) continue;
    const kind = t(`compile.kind.${fix.kind}`, { rule: fix.ruleId ?? '' });
    push(target, t('annotate.fixComment', { from: text(fix.from), to: text(fix.to), kind }));
  }
  return bodies;
}

/** The findings sheet: title, counts, rates, every finding with a link to its cell, then the fixes. */
function findingsSheet(
  file: FileReport,
  fixes: readonly AppliedFix[],
  at: Targets,
  percentStyle: number | undefined,
): string {
  const { t } = at;
  const rows: NewCell[][] = [];
  rows.push([t('annotate.title', { file: file.path })]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of file.findings) counts[f.severity]++;
  rows.push([
    t('annotate.counts', {
      entries: file.entries,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      version: govcatVersion(),
    }),
  ]);
  rows.push([]);
  const rates = Object.values(file.rates).filter((r): r is Rate => r !== undefined);
  if (rates.length > 0) {
    rows.push([t('annotate.ratesHeading')]);
    rows.push(t('annotate.rateHeader').split('|'));
    for (const r of rates) rows.push([r.label ?? '', r.conforming, r.total, percent(r, percentStyle)]);
    rows.push([]);
  }
  rows.push([t('annotate.findingsHeading', { count: file.findings.length })]);
  const findingsHeader = rows.length;
  rows.push(t('annotate.findingHeader').split('|'));
  for (const row of findingRows(file.findings, at)) rows.push(row);
  const filterEnd = rows.length - 1;
  if (fixes.length > 0) {
    rows.push([]);
    rows.push([t('annotate.fixesHeading', { count: fixes.length })]);
    rows.push(t('annotate.fixHeader').split('|'));
    for (const row of fixRows(fixes, at)) rows.push(row);
  }
  return sheetXml({
    rows,
    // Column A holds the findings' numbers and the rates' names: wide enough for the longest name.
    widths: [Math.max(6, ...rates.map((r) => displayWidth(r.label ?? '') + 2)), 10, 18, 28, 18, 20, 80, 30],
    ...(file.findings.length > 0 ? { autofilter: `A${findingsHeader + 1}:H${filterEnd + 1}` } : {}),
  });
}

/** A cell that links to where the finding or fix is, when it is in the workbook. */
function link(
  at: Targets,
  f: { location?: Finding['location']; entry: number | null },
  shown: string,
): NewCell {
  const target = at.target(f);
  return target && shown ? { value: shown, link: sheetRef(target.sheet, target.cell) } : shown;
}

function findingRows(findings: readonly Finding[], at: Targets): NewCell[][] {
  if (findings.length === 0) return [[at.t('annotate.none')]];
  return findings.map((f, i) => [
    i + 1,
    at.t(`report.severity.${f.severity}`),
    link(at, f, f.location.sheet || f.location.cell || f.location.row ? displayLocation(f, at.lang) : ''),
    f.entryName ?? (f.entry !== null ? `#${f.entry + 1}` : ''),
    f.resourceCode ?? '',
    f.location.field ?? '',
    f.message,
    f.ruleId,
  ]);
}

function fixRows(fixes: readonly AppliedFix[], at: Targets): NewCell[][] {
  return fixes.map((fix, i) => {
    const shown =
      fix.location?.sheet && fix.location.cell ? `${fix.location.sheet}!${fix.location.cell}` : fix.field;
    return [
      i + 1,
      link(at, { location: fix.location, entry: fix.entry }, shown),
      fix.entryName ?? `#${fix.entry + 1}`,
      fix.field,
      text(fix.from),
      text(fix.to),
      at.t(`compile.kind.${fix.kind}`, { rule: fix.ruleId ?? '' }),
    ];
  });
}
