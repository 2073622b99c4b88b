// The xlsx (and xls) writer: the catalog in the guide's template layout, and generic sheets for init and reports.
import * as XLSX from 'xlsx';
import { displayWidth } from '../../formatters/location.js';
import type { CatalogKind } from '../../model/types.js';
import { type Column, entryRows, planColumns, type WritableCatalog } from './columns.js';
import { DEFAULT_MAX_SHEET_ROWS } from './sheet-limits.js';

/** A cell value of a generated sheet; `link` makes it a hyperlink (“#目录!C7” for a cell of the workbook). */
export type SheetCell =
  | string
  | number
  | undefined
  | { value: string | number; link?: string; format?: string };

/** A sheet to generate: rows of cells, merged ranges, column widths. */
export interface SheetSpec {
  name: string;
  rows: SheetCell[][];
  merges?: XLSX.Range[];
  /** Column widths in characters; computed from the content when omitted. */
  widths?: number[];
  /** Range with an auto-filter (A1 notation). */
  autofilter?: string;
}

/** The workbook formats this writer produces. */
export type WorkbookType = 'xlsx' | 'xls';

/** Name of the catalog sheet. */
export function catalogSheetName(kind: CatalogKind): string {
  return kind === 'open' ? '公共数据开放目录' : '政务数据资源目录';
}

function toCell(value: SheetCell): XLSX.CellObject | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return { t: 'n', v: value };
  // Text cells are stored as text (shared strings), never run as formulas: no apostrophe, so a compiled
  // workbook compiles to the same values (the formula escape belongs to CSV, where a spreadsheet guesses).
  if (typeof value === 'string') return value === '' ? undefined : { t: 's', v: value };
  const cell: XLSX.CellObject =
    typeof value.value === 'number' ? { t: 'n', v: value.value } : { t: 's', v: value.value };
  if (value.link) cell.l = { Target: value.link };
  if (value.format) cell.z = value.format;
  return cell;
}

function autoWidths(rows: readonly SheetCell[][]): number[] {
  const widths: number[] = [];
  for (const row of rows.slice(0, 500)) {
    row.forEach((cell, c) => {
      if (cell === undefined) return;
      const text = String(typeof cell === 'object' ? cell.value : cell);
      const w = Math.max(...text.split('\n').map(displayWidth));
      widths[c] = Math.max(widths[c] ?? 8, Math.min(w + 2, 60));
    });
  }
  return widths;
}

/** Builds a dense worksheet from a sheet spec (texts as text cells, never formulas). */
export function buildSheet(spec: SheetSpec): XLSX.WorkSheet {
  const data: XLSX.CellObject[][] = spec.rows.map((row) => {
    const out: XLSX.CellObject[] = [];
    row.forEach((v, c) => {
      const cell = toCell(v);
      if (cell) out[c] = cell;
    });
    return out;
  });
  // A loop, not a spread: a sheet may have more rows than a call can take arguments.
  let width = 1;
  for (const r of spec.rows) if (r.length > width) width = r.length;
  const ws: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(0, spec.rows.length - 1), c: width - 1 },
    }),
  };
  if (spec.merges && spec.merges.length > 0) ws['!merges'] = spec.merges;
  ws['!cols'] = (spec.widths ?? autoWidths(spec.rows)).map((wch) => ({ wch }));
  if (spec.autofilter) ws['!autofilter'] = { ref: spec.autofilter };
  return ws;
}

/** Serializes sheets into workbook bytes. */
export function writeWorkbook(
  sheets: readonly SheetSpec[],
  type: WorkbookType = 'xlsx',
  title?: string,
): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) XLSX.utils.book_append_sheet(wb, buildSheet(spec), spec.name);
  if (title) wb.Props = { Title: title };
  return workbookBytes(wb, type);
}

/** Serializes a SheetJS workbook (deterministic: no timestamps are written). */
export function workbookBytes(wb: XLSX.WorkBook, type: WorkbookType): Uint8Array {
  const out = XLSX.write(wb, {
    type: 'array',
    bookType: type === 'xls' ? 'biff8' : 'xlsx',
    compression: true,
  });
  return new Uint8Array(out as ArrayBuffer);
}

/** The header rows of the template: group cells merged across, other headers merged down (Appendix 2). */
export function headerRows(
  columns: readonly Column[],
  top: number,
): { rows: SheetCell[][]; merges: XLSX.Range[] } {
  const first: SheetCell[] = [];
  const second: SheetCell[] = [];
  const merges: XLSX.Range[] = [];
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c]!;
    if (!col.group) {
      first[c] = col.header;
      merges.push({ s: { r: top, c }, e: { r: top + 1, c } });
      continue;
    }
    second[c] = col.header;
    if (c > 0 && columns[c - 1]!.group === col.group) continue;
    first[c] = col.group;
    let end = c;
    while (end + 1 < columns.length && columns[end + 1]!.group === col.group) end++;
    if (end > c) merges.push({ s: { r: top, c }, e: { r: top, c: end } });
  }
  return { rows: [first, second], merges };
}

/** Where the parts of a written catalog sheet are (rows 0-based). */
export interface CatalogSheetLayout {
  columns: Column[];
  /** Row of the first header row. */
  headerRow: number;
  /** First row of each entry. */
  entryRows: number[];
}

/** The catalog sheet: optional title row, two header rows, one row per data item, entry cells merged down. */
export function catalogSheet(catalog: WritableCatalog): { spec: SheetSpec; layout: CatalogSheetLayout } {
  const columns = planColumns(catalog);
  const rows: SheetCell[][] = [];
  const merges: XLSX.Range[] = [];
  if (catalog.title) {
    rows.push([catalog.title]);
    if (columns.length > 1) merges.push({ s: { r: 0, c: 0 }, e: { r: 0, c: columns.length - 1 } });
  }
  const headerRow = rows.length;
  const header = headerRows(columns, headerRow);
  rows.push(...header.rows);
  merges.push(...header.merges);
  const starts: number[] = [];
  for (const entry of catalog.entries) {
    const start = rows.length;
    starts.push(start);
    const block = entryRows(entry, columns);
    rows.push(...block);
    if (block.length > 1) {
      columns.forEach((col, c) => {
        if (col.level === 'entry') merges.push({ s: { r: start, c }, e: { r: start + block.length - 1, c } });
      });
    }
  }
  const widths = autoWidths(rows.slice(headerRow));
  return {
    spec: { name: catalogSheetName(catalog.kind), rows, merges, widths },
    layout: { columns, headerRow, entryRows: starts },
  };
}

/** What a worksheet can hold (Excel 2007+ for xlsx, BIFF8 for xls). */
export const SHEET_LIMITS: Readonly<
  Record<WorkbookType, { rows: number; columns: number; cellChars: number }>
> = {
  xlsx: { rows: 1_048_576, columns: 16_384, cellChars: 32_767 },
  xls: { rows: 65_536, columns: 256, cellChars: 32_767 },
};

export { DEFAULT_MAX_SHEET_ROWS };

/** Why a catalog does not fit one worksheet, or undefined when it fits. */
export type SheetOverflow =
  | { kind: 'rows'; count: number; limit: number }
  | { kind: 'memory'; count: number; limit: number }
  | { kind: 'columns'; count: number; limit: number }
  | { kind: 'cell'; entry: number; header: string; length: number; limit: number };

/** Checks a catalog against the limits of a worksheet (and the row budget) before anything is written. */
export function sheetOverflow(
  catalog: WritableCatalog,
  type: WorkbookType,
  maxRows: number = DEFAULT_MAX_SHEET_ROWS,
): SheetOverflow | undefined {
  const limit = SHEET_LIMITS[type];
  const columns = planColumns(catalog);
  if (columns.length > limit.columns) return { kind: 'columns', count: columns.length, limit: limit.columns };
  let rows = (catalog.title ? 1 : 0) + 2;
  for (const entry of catalog.entries)
    rows += Math.max(1, Array.isArray(entry.items) ? entry.items.length : 0);
  if (rows > limit.rows) return { kind: 'rows', count: rows, limit: limit.rows };
  if (rows > maxRows) return { kind: 'memory', count: rows, limit: maxRows };
  for (let i = 0; i < catalog.entries.length; i++) {
    for (const row of entryRows(catalog.entries[i]!, columns)) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        // +1: a formula-like text gains a leading apostrophe.
        if (typeof v === 'string' && v.length + 1 > limit.cellChars)
          return {
            kind: 'cell',
            entry: i,
            header: columns[c]!.header,
            length: v.length,
            limit: limit.cellChars,
          };
      }
    }
  }
  return undefined;
}

/** Writes a catalog as a workbook in the guide's template layout. */
export function writeXlsx(catalog: WritableCatalog, type: WorkbookType = 'xlsx'): Uint8Array {
  return writeWorkbook([catalogSheet(catalog).spec], type, catalog.title);
}
