// Excel workbooks (xlsx, xls) via SheetJS — the only module that reads with 'xlsx' — into grids with cell locations.
import * as XLSX from 'xlsx';
import { CatalogInputError } from '../../errors.js';
import { Deadline, type ResolvedLimits, resolveLimits } from '../../limits.js';
import type { DateCell, Grid, GridBook, MergeRange, RawCell } from '../../model/grid.js';
import { columnLetter, MergeList } from '../../model/grid.js';
import { serialToDate } from '../../model/normalize.js';
import { readTables } from '../../model/table.js';
import type { InputFormat, ParsedCatalog } from '../../model/types.js';
import { TEMPLATE_PROPERTY } from '../ooxml/package.js';
import { hasDtd } from './dtd-scan.js';
import { sheetJsOptions } from './sheetjs-options.js';
import { checkContent, extOf, sniffContent } from './sniff.js';
import type { ReadOptions, ReadSource } from './types.js';
import { StreamFallback } from './xlsx-parts.js';
import { streamWorkbookToGrids } from './xlsx-stream.js';
import type { NumberFormats } from './xlsx-styles.js';
import { ZipArchive } from './zip-directory.js';

interface SheetJsCell {
  t: 's' | 'n' | 'b' | 'd' | 'e' | 'z';
  v?: unknown;
  z?: string;
}

interface SheetJsSheet {
  '!data'?: (SheetJsCell[] | undefined)[];
  '!merges'?: MergeRange[];
  '!fullref'?: string;
  '!ref'?: string;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 200);
}

function parseWorkbook(bytes: Uint8Array, file: string, limits: ResolvedLimits): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, sheetJsOptions(limits));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(message)) {
      throw new CatalogInputError('input/unsafe', 'readers.encrypted', { file });
    }
    throw new CatalogInputError('input/malformed', 'readers.workbookMalformed', {
      file,
      reason: firstLine(message),
    });
  }
}

function dateCell(value: number, format: string, date1904: boolean): DateCell | undefined {
  const parts = serialToDate(value, date1904);
  if (!parts) return undefined;
  let text: string | undefined;
  try {
    text = XLSX.SSF.format(format, value, { date1904 }) as string;
  } catch {
    text = undefined;
  }
  return text === undefined
    ? { kind: 'date', ...parts, serial: value }
    : { kind: 'date', ...parts, serial: value, text };
}

const DATE_FORMATS = new Map<string, boolean>();
const DATE_CELLS = new Map<string, RawCell>();

function isDateFormat(format: string): boolean {
  let isDate = DATE_FORMATS.get(format);
  if (isDate === undefined) {
    isDate = XLSX.SSF.is_date(format) as boolean;
    if (DATE_FORMATS.size < 10_000) DATE_FORMATS.set(format, isDate);
  }
  return isDate;
}

/** The SheetJS format table, for the streaming reader (formats load into it exactly as SheetJS loads them). */
const SHEETJS_FORMATS: NumberFormats = {
  load(format, id) {
    XLSX.SSF.load(format, id);
  },
  get(id) {
    return (XLSX.SSF.get_table() as Record<number, string | undefined>)[id];
  },
  numberCell(value, format, date1904) {
    if (format === undefined || format === 'General' || !isDateFormat(format)) return value;
    // Catalogs repeat a few hundred dates thousands of times: format each one once. Date cells are
    // never changed after reading, so cells may share one.
    const key = `${date1904 ? 1 : 0}${format}\u0000${value}`;
    let cell = DATE_CELLS.get(key);
    if (cell === undefined) {
      cell = dateCell(value, format, date1904) ?? value;
      if (DATE_CELLS.size >= 10_000) DATE_CELLS.clear();
      DATE_CELLS.set(key, cell);
    }
    return cell;
  },
};

/** The raw value of one SheetJS cell: text, a number (a date cell under a date format), a boolean, an error text. */
function rawValue(
  cell: SheetJsCell,
  date1904: boolean,
  dateFormats: Map<string, boolean>,
): RawCell | undefined {
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'n': {
      const number = cell.v as number;
      const format = cell.z;
      if (format === undefined || format === 'General') return number;
      let isDate = dateFormats.get(format);
      if (isDate === undefined) {
        isDate = XLSX.SSF.is_date(format) as boolean;
        dateFormats.set(format, isDate);
      }
      return isDate ? (dateCell(number, format, date1904) ?? number) : number;
    }
    case 'b':
      return cell.v as boolean;
    case 'e':
      return XLSX.utils.format_cell(cell as XLSX.CellObject);
    default:
      return undefined;
  }
}

/** Turns one SheetJS sheet into a grid, enforcing the row, column and cell-size limits. */
function toGrid(
  name: string,
  sheet: SheetJsSheet,
  file: string,
  limits: ResolvedLimits,
  date1904: boolean,
  deadline: Deadline,
): Grid {
  const data = sheet['!data'] ?? [];
  if (sheet['!fullref'] !== undefined || data.length > limits.maxRows) {
    throw new CatalogInputError('input/limit', 'readers.tooManyRows', {
      file,
      sheet: name,
      limit: limits.maxRows,
    });
  }
  // Cells are converted in place: each SheetJS cell object is replaced by its raw value, so the parsed
  // sheet and the grid are never both held in full.
  const rows = data as unknown as (RawCell | undefined)[][];
  const dateFormats = new Map<string, boolean>();
  for (let r = 0; r < data.length; r++) {
    if ((r & 0xfff) === 0) deadline.check();
    const source = data[r];
    if (!source) {
      rows[r] = [];
      continue;
    }
    if (source.length > limits.maxColumns) {
      throw new CatalogInputError('input/limit', 'readers.tooManyColumns', {
        file,
        sheet: name,
        count: source.length,
        limit: limits.maxColumns,
      });
    }
    const row = source as unknown as (RawCell | undefined)[];
    for (let c = 0; c < source.length; c++) {
      const cell = source[c];
      if (!cell) continue;
      const value = rawValue(cell, date1904, dateFormats);
      if (cell.t === 's' && (value as string).length > limits.maxCellChars) {
        throw new CatalogInputError('input/limit', 'readers.cellTooLong', {
          file,
          cell: `${name}!${columnLetter(c)}${r + 1}`,
          count: (value as string).length,
          limit: limits.maxCellChars,
        });
      }
      row[c] = value;
    }
  }
  return { name, rows, merges: MergeList.of(sheet['!merges'] ?? []) };
}

/** Parses workbook bytes (already checked) into grids. */
export function workbookToGrids(
  bytes: Uint8Array,
  file: string,
  limits: ResolvedLimits,
  deadline: Deadline,
): { book: GridBook; date1904: boolean } {
  const wb = parseWorkbook(bytes, file, limits);
  deadline.check();
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: Grid[] = [];
  for (const name of wb.SheetNames) {
    const sheet = wb.Sheets[name] as SheetJsSheet | undefined;
    if (!sheet) {
      throw new CatalogInputError('input/malformed', 'readers.sheetMissing', { file, sheet: name });
    }
    sheets.push(toGrid(name, sheet, file, limits, date1904, deadline));
    // Let the parsed sheet go as soon as it is converted.
    delete wb.Sheets[name];
  }
  return { book: { sheets }, date1904 };
}

/**
 * Grids of an xlsx read by the streaming reader (no SheetJS), or undefined when the workbook uses something
 * that reader does not reproduce exactly and SheetJS must read it. Limits throw as on the SheetJS path.
 */
export async function streamGrids(
  bytes: Uint8Array | ZipArchive,
  file: string,
  limits: ResolvedLimits,
  deadline: Deadline,
): Promise<{ book: GridBook; date1904: boolean } | undefined> {
  const zip = bytes instanceof ZipArchive ? bytes : ZipArchive.open(bytes, file, limits);
  try {
    return await streamWorkbookToGrids(zip, file, limits, deadline, SHEETJS_FORMATS);
  } catch (err) {
    if (err instanceof StreamFallback) return undefined;
    throw err;
  }
}

/** Opens a workbook's zip (its directory checked) and refuses one that holds no workbook part. */
function openWorkbookZip(bytes: Uint8Array, file: string, ext: string, limits: ResolvedLimits): ZipArchive {
  const zip = ZipArchive.open(bytes, file, limits);
  if (!zip.has('xl/workbook.xml') && !zip.has('xl/workbook.bin')) {
    throw new CatalogInputError('input/format-mismatch', 'readers.zipNotWorkbook', { file, ext });
  }
  return zip;
}

/** Grids of a zipped workbook: streamed in one pass, or (checked to the end first) parsed by SheetJS. */
async function zipGrids(
  zip: ZipArchive,
  bytes: Uint8Array,
  file: string,
  limits: ResolvedLimits,
  deadline: Deadline,
): Promise<{ book: GridBook; date1904: boolean }> {
  const streamed = await streamGrids(zip, file, limits, deadline);
  if (streamed) return streamed;
  // SheetJS inflates every part itself: each must have passed the zip checks first.
  zip.checkRest(deadline);
  return workbookToGrids(bytes, file, limits, deadline);
}

async function readWorkbook(
  source: ReadSource,
  options: ReadOptions,
  format: InputFormat,
): Promise<ParsedCatalog> {
  const deadline = new Deadline(source.name, options.limits.timeoutMs);
  const ext = extOf(source.name, format === 'xlsx' ? '.xlsx' : '.xls');
  const content = sniffContent(source.bytes);
  checkContent(format, content, source.name, ext);
  // SpreadsheetML: refused with a DTD in any encoding (UTF-16 included), as XML catalogs are.
  if (content === 'xml' && hasDtd(source.bytes)) {
    throw new CatalogInputError('input/unsafe', 'readers.xmlDtd', { file: source.name });
  }
  const zip = content === 'zip' ? openWorkbookZip(source.bytes, source.name, ext, options.limits) : undefined;
  const { book, date1904 } = zip
    ? await zipGrids(zip, source.bytes, source.name, options.limits, deadline)
    : workbookToGrids(source.bytes, source.name, options.limits, deadline);
  const templateVersion = zip ? readTemplateVersion(zip) : undefined;
  return readTables(
    {
      file: source.name,
      format,
      book,
      date1904,
      ...(templateVersion !== undefined ? { templateVersion } : {}),
    },
    options,
    deadline,
  );
}

/** Size above which docProps/custom.xml is not read (a template writes a few hundred bytes). */
const MAX_CUSTOM_PROPS = 64 * 1024;

/**
 * The govcat init template version stamped in the workbook's custom properties (docProps/custom.xml), or
 * undefined. Only that one small part is inflated; a damaged part is no stamp.
 */
export function readTemplateVersion(workbook: Uint8Array | ZipArchive): number | undefined {
  let xml: string | undefined;
  try {
    const zip = workbook instanceof ZipArchive ? workbook : ZipArchive.open(workbook, '', resolveLimits());
    const part = zip.part('docProps/custom.xml');
    const raw = part ? zip.read(part, MAX_CUSTOM_PROPS) : undefined;
    if (raw) xml = new TextDecoder().decode(raw);
  } catch {
    return undefined;
  }
  if (!xml) return undefined;
  const m = new RegExp(
    `<property\\b[^>]*\\bname="${TEMPLATE_PROPERTY}"[^>]*>\\s*<vt:(?:lpwstr|i4|int)>\\s*(\\d{1,6})\\s*</vt:`,
  ).exec(xml);
  return m ? Number(m[1]) : undefined;
}

/** Reads an .xlsx workbook (zip pre-scanned before parsing). */
export function readXlsx(source: ReadSource, options: ReadOptions): Promise<ParsedCatalog> {
  return readWorkbook(source, options, 'xlsx');
}

/** Reads an .xls workbook (BIFF, or the SpreadsheetML/HTML files many systems export as .xls). */
export function readXls(source: ReadSource, options: ReadOptions): Promise<ParsedCatalog> {
  return readWorkbook(source, options, 'xls');
}
