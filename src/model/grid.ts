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

/** One sheet (or a CSV file) as a dense grid. `rows[r][c]` is the cell at 0-based row r, column c. */
export interface Grid {
  /** Sheet name; undefined for CSV. */
  name?: string;
  rows: (RawCell | undefined)[][];
  merges: readonly MergeRange[];
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
