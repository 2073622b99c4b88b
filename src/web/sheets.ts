// The sheet view's data: each sheet of a workbook (or a CSV file) as the text of its cells, read by the same
// grid readers the catalog readers use, so a cell named in a finding is the cell shown.

import { formatFromName } from '../io/readers/bytes.js';
import { csvRecords } from '../io/readers/csv.js';
import { streamGrids, workbookToGrids } from '../io/readers/xlsx.js';
import type { ResolvedLimits } from '../limits.js';
import { Deadline } from '../limits.js';
import type { Grid, RawCell } from '../model/grid.js';
import { PAGE_MAX_GRID_ROWS } from './limits.js';
import type { SheetView } from './protocol.js';

/** A cell as the sheet view shows it: dates as Excel shows them, numbers as JavaScript writes them. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'object') {
    const p = (n: number) => String(n).padStart(2, '0');
    return cell.text ?? `${cell.y}-${p(cell.m)}-${p(cell.d)}`;
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function view(name: string, rows: readonly (readonly (RawCell | undefined)[])[]): SheetView {
  const kept = rows.slice(0, PAGE_MAX_GRID_ROWS);
  let columns = 0;
  const text = kept.map((row) => {
    const out: string[] = [];
    for (let c = 0; c < row.length; c++) out.push(cellText(row[c]));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    if (out.length > columns) columns = out.length;
    return out;
  });
  return { name, rows: text, columns, omitted: rows.length - kept.length };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** The sheets of a workbook or CSV file (none for other formats, or when it cannot be read again). */
export async function sheetsOf(
  name: string,
  bytes: Uint8Array,
  limits: ResolvedLimits,
): Promise<SheetView[]> {
  const format = formatFromName(name);
  try {
    if (format === 'csv') return [view('', csvRecords(bytes, name, limits))];
    if (format !== 'xlsx' && format !== 'xls') return [];
    const deadline = new Deadline(name, limits.timeoutMs);
    const read =
      (isZip(bytes) ? await streamGrids(bytes, name, limits, deadline) : undefined) ??
      workbookToGrids(bytes, name, limits, deadline);
    return read.book.sheets.map((sheet: Grid) => view(sheet.name ?? '', sheet.rows));
  } catch {
    // The catalog was read once already; a sheet view that cannot be built leaves the findings list.
    return [];
  }
}
