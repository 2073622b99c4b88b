// The source table between spreadsheet/CSV readers and the layout mapper: rows of raw cells, merges, A1 helpers.

/** A date cell of a workbook: calendar parts from its serial, and the text Excel shows for it. */
export interface DateCell {
  readonly kind: 'date';
  /** Calendar parts (timezone-free, from the serial). */
  readonly y: number;
  readonly m: number;
  readonly d: number;
  /** The serial number as stored. */
  readonly serial: number;
  /** The cell as Excel shows it under its number format (e.g. `2021/7/13`), if known. */
  readonly text?: string;
}

/** One raw cell value: text, a number, a boolean or a date cell. Blank cells are `undefined`. */
export type RawCell = string | number | boolean | DateCell;

/** A merged range, 0-based and inclusive, as SheetJS reports it. */
export interface MergeRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/**
 * The merged ranges of a sheet in order, four numbers each (first row, first column, last row, last column; 0-based,
 * inclusive) in one typed array: a workbook written one row per data item has a merge for every entry column,
 * 150,000 in 20,000 entries, and as three objects each they were a large share of what the young generation
 * copied while the sheet was read.
 */
export class MergeList {
  private data: Float64Array;
  private count = 0;

  constructor(capacity = 0) {
    this.data = new Float64Array(4 * capacity);
  }

  /** The ranges as SheetJS reports them. */
  static of(ranges: readonly MergeRange[]): MergeList {
    const list = new MergeList(ranges.length);
    for (const m of ranges) list.push(m.s.r, m.s.c, m.e.r, m.e.c);
    return list;
  }

  get length(): number {
    return this.count;
  }

  push(r0: number, c0: number, r1: number, c1: number): void {
    let data = this.data;
    const at = 4 * this.count;
    if (at + 4 > data.length) {
      data = new Float64Array(Math.max(64, 2 * data.length));
      data.set(this.data);
      this.data = data;
    }
    data[at] = r0;
    data[at + 1] = c0;
    data[at + 2] = r1;
    data[at + 3] = c1;
    this.count++;
  }

  /** Ends the list at its ranges (a view, not a copy: the room left stays with the buffer). */
  trim(): this {
    if (this.data.length !== 4 * this.count) this.data = this.data.subarray(0, 4 * this.count);
    return this;
  }

  /** First row of range i. */
  r0(i: number): number {
    return this.data[4 * i]!;
  }

  /** First column of range i. */
  c0(i: number): number {
    return this.data[4 * i + 1]!;
  }

  /** Last row of range i. */
  r1(i: number): number {
    return this.data[4 * i + 2]!;
  }

  /** Last column of range i. */
  c1(i: number): number {
    return this.data[4 * i + 3]!;
  }

  /** Range i as an object. */
  range(i: number): MergeRange {
    return { s: { r: this.r0(i), c: this.c0(i) }, e: { r: this.r1(i), c: this.c1(i) } };
  }
}

/** One sheet (or a CSV file) as a dense grid. `rows[r][c]` is the cell at 0-based row r, column c. */
export interface Grid {
  /** Sheet name; undefined for CSV. */
  name?: string;
  rows: (RawCell | undefined)[][];
  merges: MergeList;
}

/** A workbook: its sheets in order. */
export interface GridBook {
  sheets: Grid[];
}

const LETTERS: string[] = [];

/** Column letters of a 0-based column index: 0 → A, 27 → AB (cached; called per cell). */
export function columnLetter(index: number): string {
  const cached = LETTERS[index];
  if (cached !== undefined) return cached;
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  if (index < 20_000) LETTERS[index] = out;
  return out;
}

/** True when a raw cell holds nothing readable (undefined, or only whitespace). */
export function isBlank(cell: RawCell | undefined): boolean {
  // CSV rows carry an empty string for every blank cell: the common case needs no trim.
  if (cell === undefined || cell === '') return true;
  if (typeof cell === 'string') return cell.trim() === '';
  return false;
}
