// Annotated workbooks: a copy of the editor's own workbook with a comment on every cell that has a finding,
// and a first sheet 校验结果 listing all findings (with links to their cells) and the rates.
import * as XLSX from 'xlsx';
import { displayLocation } from '../../formatters/location.js';
import type { AppliedFix, FileReport, Finding, Rate } from '../../generated/schema-types.js';
import { type Lang, translateId } from '../../i18n/index.js';
import type { ParsedCatalog } from '../../model/types.js';
import { govcatVersion } from '../../paths.js';
import { buildSheet, type SheetCell, workbookBytes } from './xlsx.js';

/** What annotateWorkbook needs besides the workbook bytes. */
export interface AnnotateInput {
  /** The validation result of this very workbook. */
  file: FileReport;
  /** The parsed catalog (entry locations for findings that name a row but no cell). */
  parsed?: ParsedCatalog;
  /** Safe fixes compile would apply (validate --fix): listed and commented too. */
  fixes?: readonly AppliedFix[];
  lang: Lang;
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
function uniqueName(wb: XLSX.WorkBook, base: string): string {
  let name = base;
  for (let i = 2; wb.SheetNames.includes(name); i++) name = `(${i})${base}`;
  return name;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Where a finding's comment goes: its cell, else the entry's name cell, else column A of its row. */
function targetOf(f: { location?: Finding['location']; entry: number | null }, parsed?: ParsedCatalog) {
  const l = f.location;
  if (!l?.sheet) return undefined;
  if (l.cell) return { sheet: l.sheet, cell: l.cell };
  if (f.entry !== null && parsed) {
    const name = parsed.entries[f.entry]?.locations.get('/name');
    if (name?.cell && name.sheet === l.sheet) return { sheet: l.sheet, cell: name.cell };
  }
  return l.row ? { sheet: l.sheet, cell: `A${l.row}` } : undefined;
}

function addComment(ws: XLSX.WorkSheet, cell: string, body: string): void {
  const { r, c } = XLSX.utils.decode_cell(cell);
  ws['!data'] ??= [];
  const data = ws['!data'] as XLSX.CellObject[][];
  data[r] ??= [];
  const row = data[r];
  row[c] ??= { t: 'z' };
  const target = row[c];
  target.c ??= [];
  const comments = target.c as XLSX.Comments;
  comments.push({ a: 'govcat', t: body });
  comments.hidden = true;
  // A comment on an empty cell beyond the used range must widen the range or it is not written.
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  if (r > range.e.r || c > range.e.c) {
    range.e.r = Math.max(range.e.r, r);
    range.e.c = Math.max(range.e.c, c);
    ws['!ref'] = XLSX.utils.encode_range(range);
  }
}

function percent(rate: Rate): SheetCell {
  return rate.rate === null ? '—' : { value: rate.rate, format: '0.0%' };
}

/**
 * Annotates a workbook: every cell with a finding gets a comment (severity, message, rule id), and a new
 * first sheet lists the counts, the rates and every finding with a link to its cell. The original sheets
 * keep their values, merges, column widths and number formats (cell styles are not carried over by the
 * free SheetJS build; formulas are kept as their computed values).
 */
export function annotateWorkbook(bytes: Uint8Array, input: AnnotateInput): AnnotateResult {
  const { file, lang, parsed } = input;
  const t = (id: string, data?: Record<string, unknown>) => translateId(lang, id, data);
  const wb = XLSX.read(bytes, {
    type: 'array',
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellNF: true,
    cellStyles: true,
    cellDates: false,
    // Ranges from the cells, not from a declared dimension (which a hostile file may inflate).
    nodim: true,
  });

  // 1. Comments, one per cell, gathering every finding (and announced fix) on it.
  const bodies = new Map<string, string[]>();
  const push = (sheet: string, cell: string, line: string) => {
    const key = `${sheet}\u0000${cell}`;
    const list = bodies.get(key);
    if (list) list.push(line);
    else bodies.set(key, [line]);
  };
  for (const f of file.findings) {
    const target = targetOf(f, parsed);
    if (!target || !wb.Sheets[target.sheet]) continue;
    push(target.sheet, target.cell, `【${t(`report.severity.${f.severity}`)}】${f.message}（${f.ruleId}）`);
  }
  for (const fix of input.fixes ?? []) {
    const target = targetOf({ location: fix.location, entry: fix.entry }, parsed);
    if (!target || !wb.Sheets[target.sheet]) continue;
    const kind = t(`compile.kind.${fix.kind}`, { rule: fix.ruleId ?? '' });
    push(
      target.sheet,
      target.cell,
      t('annotate.fixComment', { from: text(fix.from), to: text(fix.to), kind }),
    );
  }
  for (const [key, lines] of bodies) {
    const [sheet, cell] = key.split('\u0000') as [string, string];
    addComment(wb.Sheets[sheet]!, cell, lines.join('\n'));
  }

  // SheetJS reads blank rows of a dense sheet as holes, which its own writer cannot handle.
  for (const name of wb.SheetNames) {
    const sheet = wb.Sheets[name];
    const data = sheet?.['!data'] as XLSX.CellObject[][] | undefined;
    if (!sheet || !data) continue;
    const last = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1').e.r;
    for (let r = 0; r <= last; r++) data[r] ??= [];
  }

  // 2. The findings sheet, inserted first.
  const rows: SheetCell[][] = [];
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
    for (const r of rates) rows.push([r.label ?? '', r.conforming, r.total, percent(r)]);
    rows.push([]);
  }
  rows.push([t('annotate.findingsHeading', { count: file.findings.length })]);
  const findingsHeader = rows.length;
  rows.push(t('annotate.findingHeader').split('|'));
  const link = (f: { location?: Finding['location']; entry: number | null }, shown: string): SheetCell => {
    const target = targetOf(f, parsed);
    return target && wb.Sheets[target.sheet]
      ? { value: shown, link: `#${sheetRef(target.sheet, target.cell)}` }
      : shown;
  };
  file.findings.forEach((f, i) => {
    rows.push([
      i + 1,
      t(`report.severity.${f.severity}`),
      link(f, f.location.sheet || f.location.cell || f.location.row ? displayLocation(f, lang) : ''),
      f.entryName ?? (f.entry !== null ? `#${f.entry + 1}` : ''),
      f.resourceCode ?? '',
      f.location.field ?? '',
      f.message,
      f.ruleId,
    ]);
  });
  if (file.findings.length === 0) rows.push([t('annotate.none')]);
  const filterEnd = rows.length - 1;
  const fixes = input.fixes ?? [];
  if (fixes.length > 0) {
    rows.push([]);
    rows.push([t('annotate.fixesHeading', { count: fixes.length })]);
    rows.push(t('annotate.fixHeader').split('|'));
    fixes.forEach((fix, i) => {
      const shown =
        fix.location?.sheet && fix.location.cell ? `${fix.location.sheet}!${fix.location.cell}` : fix.field;
      rows.push([
        i + 1,
        link({ location: fix.location, entry: fix.entry }, shown),
        fix.entryName ?? `#${fix.entry + 1}`,
        fix.field,
        text(fix.from),
        text(fix.to),
        t(`compile.kind.${fix.kind}`, { rule: fix.ruleId ?? '' }),
      ]);
    });
  }
  const name = uniqueName(wb, t('annotate.sheet'));
  const ws = buildSheet({
    name,
    rows,
    widths: [6, 10, 18, 28, 18, 20, 80, 30],
    ...(file.findings.length > 0 ? { autofilter: `A${findingsHeader + 1}:H${filterEnd + 1}` } : {}),
  });
  wb.SheetNames.unshift(name);
  wb.Sheets[name] = ws;
  // Sheet-scoped names and per-sheet workbook settings are indexed by position: shift them past the new sheet.
  const book = wb.Workbook;
  if (book?.Sheets) book.Sheets.unshift({ Hidden: 0 });
  for (const n of book?.Names ?? []) if (typeof n.Sheet === 'number') n.Sheet += 1;

  return { output: workbookBytes(wb, 'xlsx'), comments: bodies.size, sheet: name };
}
