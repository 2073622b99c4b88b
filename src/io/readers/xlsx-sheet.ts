// One worksheet part, scanned as it inflates into rows of raw cells and merged ranges as SheetJS reads them (the
// cell references parsed in place, the common forms of rows and cells taken by a short-cut), and the limits of
// the grid applied afterwards in the order the SheetJS path checks them.
import { CatalogInputError } from '../../errors.js';
import type { Deadline, ResolvedLimits } from '../../limits.js';
import { columnLetter, type Grid, MergeList, type RawCell } from '../../model/grid.js';
import { StreamFallback, streamPart, unescapeXml } from './xlsx-parts.js';
import { StringItem } from './xlsx-strings.js';
import type { NumberFormats } from './xlsx-styles.js';
import { attr, eachAttr, nameEnd, tagEnd, XmlScanner } from './xml-scan.js';
import type { ZipArchive, ZipPart } from './zip-directory.js';

const ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#WTF?',
]);
const MERGE_TAG = /^(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?$/;
const RANGE_REF = /^([A-Z]{1,3})([1-9]\d{0,6})(?::([A-Z]{1,3})([1-9]\d{0,6}))?$/;

let refCol = 0;
let refRow = 0;

/** Parses an A1 reference (1–3 letters, 1–7 digits, no leading zero) into refCol/refRow; false when odd. */
function parseRef(ref: string): boolean {
  return parseRefAt(ref, 0, ref.length);
}

/** parseRef over buf[from, to) in place. */
function parseRefAt(buf: string, from: number, to: number): boolean {
  let i = from;
  let c = 0;
  while (i < to) {
    const ch = buf.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
    i++;
  }
  const letters = i - from;
  if (letters === 0 || letters > 3 || i === to || to - i > 7 || buf.charCodeAt(i) === 48) return false;
  let r = 0;
  for (; i < to; i++) {
    const ch = buf.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    r = r * 10 + (ch - 48);
  }
  refCol = c - 1;
  refRow = r - 1;
  return true;
}

/**
 * A cell reference as RANGE_REF takes one (1–3 letters A–Z, 1–7 digits, no leading zero) at buf[from, …) before
 * `to`: sets refCol/refRow (the row as Number reads the digits, less one) and returns where it ends, or -1.
 */
function cellAt(buf: string, from: number, to: number): number {
  let i = from;
  let c = 0;
  while (i < to && i - from < 4) {
    const ch = buf.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
    i++;
  }
  const letters = i - from;
  if (letters === 0 || letters > 3) return -1;
  const digitsFrom = i;
  let r = 0;
  while (i < to) {
    const ch = buf.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    r = r * 10 + (ch - 48);
    i++;
  }
  const digits = i - digitsFrom;
  if (digits === 0 || digits > 7 || buf.charCodeAt(digitsFrom) === 48) return -1;
  refCol = c - 1;
  refRow = r - 1;
  return i;
}

/** The number buf[from, to) writes when it is 1–9 decimal digits, else -1 (Number.parseInt's value then). */
function digitsAt(buf: string, from: number, to: number): number {
  if (to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = buf.charCodeAt(i);
    if (ch < 48 || ch > 57) return -1;
    n = n * 10 + (ch - 48);
  }
  return n;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** First over-long cell of a sheet (and its 0-based row): raised only after the whole workbook parsed. */
export type Pending = { row: number; col: number; error: CatalogInputError } | undefined;

export interface SheetState {
  rows: (RawCell | undefined)[][];
  merges: MergeList;
  /** A cell lay beyond --max-rows (its row was kept by its reference, not stored). */
  overflow: boolean;
}

/** What reading one worksheet needs besides its part. */
export interface SheetContext {
  file: string;
  sheet: string;
  limits: ResolvedLimits;
  strings: readonly (string | undefined)[] | undefined;
  xfs: readonly (number | undefined)[] | undefined;
  formats: NumberFormats;
  date1904: boolean;
  deadline: Deadline;
}

/**
 * The scan of one worksheet, as XmlScanner handlers: `open`, `close` and `text` route each tag to the part of the
 * sheet it belongs to (outside sheetData: merges; a row; a cell; its value or inline string), and each finished
 * cell is turned into a raw value (`cellValue`) and stored (`storeCell`).
 */
class WorksheetScan {
  readonly rows: (RawCell | undefined)[][] = [];
  readonly merges = new MergeList();
  error: Pending;
  /** A cell lay beyond --max-rows (its row was kept by its reference, not stored). */
  overflow = false;
  private readonly sheetRows: number;
  private inData = false;
  private dataDone = false;
  private rowNumber = 0;
  private skipRow = false;
  private inRow = false;
  private col = -1;
  private rowsSeen = 0;
  // The current cell.
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private cellType: string | undefined;
  private cellStyle: string | undefined;
  private cellRef: string | undefined;
  private inV = false;
  private vDone = false;
  private vText: string | undefined;
  private inInline = false;
  private readonly inline = new StringItem();
  private inlineValue: string | undefined;

  constructor(private readonly ctx: SheetContext) {
    this.sheetRows = ctx.limits.maxRows + 1;
  }

  // SheetJS reads attributes by local name (a prefix is dropped) and a later duplicate wins.
  private readonly onCellAttr = (name: string, value: string): undefined => {
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (local === 'r') this.cellRef = value;
    else if (local === 't') this.cellType = value;
    else if (local === 's') this.cellStyle = value;
    else if (local.toLowerCase() !== local) throw new StreamFallback('upper-case cell attribute');
    return undefined;
  };

  open(name: string, raw: string, selfClosing: boolean): void {
    if (this.inCell) this.openInCell(name, selfClosing);
    else if (!this.inData) this.openOutsideData(name, raw, selfClosing);
    else if (name === 'row') this.openRow(raw, selfClosing);
    else if (name === 'c' && this.inRow) this.openCell(raw, selfClosing);
  }

  close(name: string): void {
    if (this.inCell) this.closeInCell(name);
    else if (name === 'row') this.endRow();
    else if (name === 'sheetData' && this.inData) {
      this.inData = false;
      this.dataDone = true;
    }
  }

  text(text: string): void {
    if (this.inV) this.vText = this.vText === undefined ? text : this.vText + text;
    else if (this.inInline) this.inline.text(text);
  }

  /**
   * The scanner's short-cut inside sheetData (outside a cell): rows, their ends and the cells of the common form
   * `<c …/>` or `<c …><v>text</v></c>`, taken in place one after another with exactly the calls the generic scan
   * makes for them (`openRow`, `openCell`, the value, `finishCell`). Anything else, or a construct cut by the
   * chunk's end, is left to the generic scan: returns where that goes on.
   */
  fast(buf: string, lt: number): number {
    if (this.inCell) return lt;
    if (!this.inData) return this.dataDone ? this.fastMerges(buf, lt) : lt;
    const n = buf.length;
    let p = lt;
    while (p < n && buf.charCodeAt(p) === 60) {
      const c1 = buf.charCodeAt(p + 1);
      let to = -1;
      if (c1 === 99) {
        if (this.inRow && buf.charCodeAt(p + 2) === 32) to = this.fastCell(buf, p);
      } else if (c1 === 47) {
        if (buf.startsWith('</row>', p)) {
          this.endRow();
          to = p + 6;
        }
      } else if (c1 === 114 && buf.startsWith('row', p + 1)) {
        const c4 = buf.charCodeAt(p + 4);
        if (c4 === 32 || c4 === 62 || c4 === 47) to = this.fastRow(buf, p);
      }
      if (to < 0) return p;
      p = to;
    }
    return p;
  }

  /**
   * After sheetData: `<mergeCell ref="A1:B2"/>` tags one after another, read in place into the ranges
   * openOutsideData makes of them; returns where the generic scan goes on (any other form, or a cut tag).
   */
  private fastMerges(buf: string, lt: number): number {
    let p = lt;
    while (buf.startsWith('<mergeCell ref="', p)) {
      const from = p + 16;
      const close = buf.indexOf('"', from);
      if (close < 0 || !buf.startsWith('/>', close + 1)) break;
      const first = cellAt(buf, from, close);
      if (first < 0) break;
      const r0 = refRow;
      const c0 = refCol;
      if (first !== close && (buf.charCodeAt(first) !== 58 || cellAt(buf, first + 1, close) !== close)) break;
      this.merges.push(r0, c0, refRow, refCol);
      p = close + 3;
    }
    return p;
  }

  /** `<row …>` at `lt` as the generic scan opens it; -1 when cut by the chunk's end. */
  private fastRow(buf: string, lt: number): number {
    const gt = tagEnd(buf, lt);
    if (gt < 0) return -1;
    const ne = nameEnd(buf, lt + 1);
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    this.openRow(ne >= gt - (selfClosing ? 1 : 0) ? '' : buf.slice(lt + 1, gt), selfClosing);
    return gt + 1;
  }

  /** `<c …/>` or `<c …><v>text</v></c>` at `lt` (in a row), whole in `buf`; -1 for any other form. */
  private fastCell(buf: string, lt: number): number {
    const gt = tagEnd(buf, lt);
    if (gt < 0) return -1;
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    let vt = -1;
    if (!selfClosing) {
      if (!buf.startsWith('<v>', gt + 1)) return -1;
      vt = buf.indexOf('<', gt + 4);
      if (vt < 0 || !buf.startsWith('</v></c>', vt)) return -1;
    }
    const ref = this.cellAttrs(buf, lt + 2, selfClosing ? gt - 1 : gt);
    if (ref < 0) this.openCell(buf.slice(lt + 1, gt), selfClosing);
    else this.startCell(ref === 1, selfClosing);
    if (selfClosing) return gt + 1;
    // <v>: the value opens (a new cell has no value yet); its text; </v>; </c> ends the cell.
    this.inV = true;
    if (vt > gt + 4) {
      // A shared string's index, all digits: looked up in place (what cellValue does with its text).
      const index = this.cellType === 's' && !this.skipRow ? digitsAt(buf, gt + 4, vt) : -1;
      if (index >= 0) {
        this.inV = false;
        this.inCell = false;
        const strings = this.ctx.strings;
        if (!strings || !(index in strings)) throw new StreamFallback('shared string index out of range');
        this.storeCell(strings[index] ?? '');
        return vt + 8;
      }
      this.text(buf.slice(gt + 4, vt));
    }
    this.vDone = true;
    this.inV = false;
    this.inCell = false;
    if (!this.skipRow) this.finishCell();
    return vt + 8;
  }

  /** A tag inside a cell: its value, its inline string, or markup of that string. */
  private openInCell(name: string, selfClosing: boolean): void {
    if (this.inInline) {
      this.inline.open(name, selfClosing);
      return;
    }
    if (name === 'v') {
      if (!selfClosing && !this.vDone) this.inV = true;
    } else if (name === 'is') {
      if (!selfClosing) {
        this.inInline = true;
        this.inline.reset();
      } else this.inlineValue = '';
    }
  }

  private closeInCell(name: string): void {
    if (this.inInline) {
      if (name === 'is') {
        this.inInline = false;
        this.inlineValue ??= this.inline.value();
      } else this.inline.close(name);
      return;
    }
    if (name === 'v') {
      if (this.inV) this.vDone = true;
      this.inV = false;
    } else if (name === 'c') {
      this.inCell = false;
      if (!this.skipRow) this.finishCell();
    }
  }

  /** Outside sheetData: its start, and the merged ranges after it. */
  private openOutsideData(name: string, raw: string, selfClosing: boolean): void {
    if (name === 'sheetData') {
      if (this.dataDone) throw new StreamFallback('second sheetData');
      if (selfClosing) this.dataDone = true;
      else this.inData = true;
    } else if (name === 'mergeCell') {
      if (!this.dataDone) throw new StreamFallback('mergeCell before sheetData');
      if (!MERGE_TAG.test(raw)) throw new StreamFallback('odd mergeCell');
      const m = RANGE_REF.exec(attr(raw, 'ref') ?? '');
      if (!m) throw new StreamFallback('odd merge range');
      const r0 = Number(m[2]) - 1;
      const c0 = columnIndex(m[1]!);
      if (m[3] === undefined) this.merges.push(r0, c0, r0, c0);
      else this.merges.push(r0, c0, Number(m[4]) - 1, columnIndex(m[3]));
    }
  }

  /**
   * `</row>`: the row's cells are copied into an array of its exact length (holes kept). A row grown cell by cell
   * has room for half as many again plus 16 cells: the grid outlives several young-generation collections, and
   * each copied that spare room (a 20k-entry sheet's rows took twice the memory).
   */
  private endRow(): void {
    this.inRow = false;
    const at = this.rowNumber - 1;
    const row = this.rows[at];
    if (row !== undefined) this.rows[at] = row.slice();
  }

  private openRow(raw: string, selfClosing: boolean): void {
    const r = attr(raw, 'r');
    this.rowNumber = r !== undefined ? Number.parseInt(r, 10) : this.rowNumber + 1;
    if (!Number.isInteger(this.rowNumber)) throw new StreamFallback('odd row number');
    this.skipRow = this.rowNumber > this.sheetRows;
    this.inRow = !selfClosing;
    this.col = -1;
    if ((++this.rowsSeen & 0xfff) === 0) this.ctx.deadline.check();
  }

  private openCell(raw: string, selfClosing: boolean): void {
    this.cellType = undefined;
    this.cellStyle = undefined;
    eachAttr(raw, this.onCellAttr);
    const ref = this.cellRef;
    this.cellRef = undefined;
    if (ref !== undefined && !parseRef(ref)) throw new StreamFallback('odd cell reference');
    this.startCell(ref !== undefined, selfClosing);
  }

  /** Places the cell just opened (at refCol/refRow when it had a reference) and, self-closing, finishes it. */
  private startCell(hasRef: boolean, selfClosing: boolean): void {
    if (hasRef) {
      this.cellCol = refCol;
      this.cellRow = refRow;
      this.col = this.cellCol;
    } else {
      this.col++;
      this.cellCol = this.col;
      this.cellRow = this.rowNumber - 1;
    }
    this.vText = undefined;
    this.inV = false;
    this.vDone = false;
    this.inlineValue = undefined;
    if (selfClosing) {
      if (!this.skipRow) this.finishCell();
    } else this.inCell = true;
  }

  /**
   * The attributes of `<c …>` read in place — buf[from, end) is ` name="value"` repeated — when each is `r`, `t`
   * or `s`, at most once: sets the type and style and returns 1 with a reference (in refCol/refRow), 0
   * without. -1 (nothing set) for any other form, or a reference parseRef refuses: `openCell` then reads them.
   */
  private cellAttrs(buf: string, from: number, end: number): number {
    let type: string | undefined;
    let style: string | undefined;
    let seen = 0;
    let p = from;
    while (p < end) {
      const name = buf.charCodeAt(p + 1);
      if (buf.charCodeAt(p) !== 32 || buf.charCodeAt(p + 2) !== 61 || buf.charCodeAt(p + 3) !== 34) return -1;
      const close = buf.indexOf('"', p + 4);
      if (close < 0 || close >= end) return -1;
      const bit = name === 114 ? 1 : name === 116 ? 2 : name === 115 ? 4 : 0;
      if (bit === 0 || seen & bit) return -1;
      seen |= bit;
      if (bit === 1) {
        if (!parseRefAt(buf, p + 4, close)) return -1;
      } else if (bit === 2) {
        type = close === p + 5 && buf.charCodeAt(p + 4) === 115 ? 's' : buf.slice(p + 4, close);
      } else style = buf.slice(p + 4, close);
      p = close + 1;
    }
    this.cellType = type;
    this.cellStyle = style;
    return seen & 1;
  }

  private finishCell(): void {
    const v = this.vText === undefined ? undefined : unescapeXml(this.vText);
    const hasV = v !== undefined && v !== '';
    if (this.cellType === undefined && !hasV) return;
    const value = this.cellValue(v, hasV);
    if (value === SKIP) return;
    this.storeCell(value);
  }

  /** The raw value of the current cell as SheetJS reads it, or SKIP for a cell SheetJS leaves out. */
  private cellValue(v: string | undefined, hasV: boolean): RawCell | undefined | typeof SKIP {
    const { ctx } = this;
    const t = this.cellType;
    switch (t ?? 'n') {
      case 'n':
      case '': {
        if (!hasV) return SKIP;
        const number = Number.parseFloat(v as string);
        let fmt: number | undefined;
        if (ctx.xfs && this.cellStyle !== undefined) fmt = ctx.xfs[this.cellStyle as unknown as number];
        return ctx.formats.numberCell(number, ctx.formats.get(fmt ?? 0), ctx.date1904);
      }
      case 's': {
        if (!hasV) return SKIP;
        const strings = ctx.strings;
        const index = Number.parseInt(v as string, 10);
        if (!strings || !(index in strings)) throw new StreamFallback('shared string index out of range');
        return strings[index] ?? '';
      }
      case 'inlineStr':
        return this.inlineValue ?? '';
      case 'b':
        return v === '1' || v === 'true';
      case 'e':
        return v !== undefined && ERRORS.has(v) ? v : undefined;
      case 'str': {
        // SheetJS decodes formula strings twice, the first time over the undecoded UTF-8 bytes: the same
        // here unless a numeric reference or _xHHHH_ escape would be decoded differently that way.
        const raw = this.vText ?? '';
        if (raw.includes('&#') || /_x/i.test(raw)) throw new StreamFallback('escaped formula string');
        return v === undefined ? '' : unescapeXml(v, true);
      }
      case 'd':
        throw new StreamFallback(`cell type ${t}`);
      default:
        return undefined;
    }
  }

  /** Stores the current cell's value; an over-long text is remembered (the first in SheetJS's order). */
  private storeCell(value: RawCell | undefined): void {
    const { limits } = this.ctx;
    const { cellRow, cellCol, rows } = this;
    if (cellRow > limits.maxRows) {
      this.overflow = true;
      return;
    }
    if (cellRow >= rows.length) {
      for (let r = rows.length; r <= cellRow; r++) rows.push(undefined as unknown as RawCell[]);
    }
    let row = rows[cellRow];
    if (!row) {
      row = [];
      rows[cellRow] = row;
    }
    if (typeof value === 'string' && value.length > limits.maxCellChars) {
      const e = new CatalogInputError('input/limit', 'readers.cellTooLong', {
        file: this.ctx.file,
        cell: `${this.ctx.sheet}!${columnLetter(cellCol)}${cellRow + 1}`,
        count: value.length,
        limit: limits.maxCellChars,
      });
      // The SheetJS path checks cells row by row, left to right: keep the first in that order.
      const error = this.error;
      if (!error || cellRow < error.row || (cellRow === error.row && cellCol < error.col))
        this.error = { row: cellRow, col: cellCol, error: e };
    }
    row[cellCol] = value;
  }
}

/** A cell SheetJS leaves out (no value where one is needed). */
const SKIP = Symbol('skip');

/** Parses one worksheet part into rows of raw cells and merges, enforcing the row, column and cell limits. */
export async function worksheet(
  zip: ZipArchive,
  entry: ZipPart,
  ctx: SheetContext,
): Promise<{ state: SheetState; error: Pending }> {
  const sheet = new WorksheetScan(ctx);
  const scanner = new XmlScanner(sheet);
  streamPart(zip, entry, (t) => {
    scanner.write(t);
  });
  scanner.end();
  return { state: { rows: sheet.rows, merges: sheet.merges, overflow: sheet.overflow }, error: sheet.error };
}

/** Applies the grid limits in the order the SheetJS path checks them (rows first, then row by row). */
export function checkGrid(
  state: SheetState,
  file: string,
  sheet: string,
  limits: ResolvedLimits,
  cellError: Pending,
): Grid {
  const { rows } = state;
  if (state.overflow || rows.length > limits.maxRows) {
    throw new CatalogInputError('input/limit', 'readers.tooManyRows', { file, sheet, limit: limits.maxRows });
  }
  const errorRow = cellError ? cellError.row : Number.POSITIVE_INFINITY;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    if (row.length > limits.maxColumns && r <= errorRow) {
      throw new CatalogInputError('input/limit', 'readers.tooManyColumns', {
        file,
        sheet,
        count: row.length,
        limit: limits.maxColumns,
      });
    }
  }
  if (cellError) throw cellError.error;
  return { name: sheet, rows, merges: state.merges.trim() };
}
