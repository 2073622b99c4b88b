// Header detection, apart from reading the rows: finds a sheet's header row(s) and title, the column headers
// (groups, merges, a second header row), the kind they suggest, and the plan of the sheet — each column's field
// and whether it lists entries or data items.
import { columnLetter, type Grid, type MergeRange, type RawCell } from './grid.js';
import { detectKindFromFields, type HeaderIndex, type HeaderOverrides } from './headers.js';
import type { CatalogKind, SourceLocation } from './types.js';
import { rawText } from './values.js';

/** Rows scanned from the top of a sheet when looking for its header. */
export const HEADER_SCAN_ROWS = 50;
/** Known headers a row needs to count as the header row. */
const MIN_HEADER_FIELDS = 3;
/** Fields that describe a resource: an items sheet has none of them. */
const DESCRIPTIVE = new Set([
  '/classification',
  '/provider',
  '/providerCode',
  '/summary',
  '/format',
  '/share/type',
  '/share/condition',
  '/share/method',
  '/open/open',
  '/open/condition',
  '/open/mode',
  '/updateCycle',
  '/publishDate',
]);

export interface Column {
  index: number;
  letter: string;
  header: string;
  group?: string;
  /** Location of the header cell (top-left of its merge). */
  headerLoc: SourceLocation;
  /** Resolved field pattern (e.g. /items/*\/type); undefined for unknown columns. */
  pointer?: string;
  item: boolean;
  /**
   * Why a column is not mapped: unknown header, a second column for the same field, no header at all, or a
   * known column that holds no catalog metadata (详情页网址: kept, not reported).
   */
  unmapped?: 'unknown' | 'duplicate' | 'unnamed' | 'known';
}

export interface SheetHeader {
  grid: Grid;
  top: number;
  sub?: number;
  dataStart: number;
  title?: string;
  /** Column headers by column index (kind-neutral until resolve()). */
  cells: { index: number; header: string; group?: string; row: number; col: number }[];
  /** Kind-neutral fields for kind detection (pointer → the header naming it). */
  fields: Map<string, string>;
  /** The 共享属性 group header, when there is one. */
  shareGroup?: string;
  /** Known columns that only portal exports carry (详情页网址). */
  portalColumns: string[];
  /** Header meanings changed by the other headers of the sheet (seeds: together). */
  overrides: HeaderOverrides;
}

export interface SheetPlan {
  header: SheetHeader;
  columns: Column[];
  byPointer: Map<string, Column>;
  role: 'entries' | 'items';
}

export function cellText(cell: RawCell | undefined): string {
  return cell === undefined ? '' : rawText(cell).trim();
}

function findMerge(merges: readonly MergeRange[], r: number, c: number): MergeRange | undefined {
  for (const m of merges) if (m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c) return m;
  return undefined;
}

export function location(grid: Grid, row: number, col: number): SourceLocation {
  const column = columnLetter(col);
  const loc: SourceLocation = { row: row + 1, column, cell: `${column}${row + 1}` };
  if (grid.name !== undefined) loc.sheet = grid.name;
  return loc;
}

function rowScore(row: readonly (RawCell | undefined)[] | undefined, index: HeaderIndex): number {
  if (!row) return 0;
  let score = 0;
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    const text = cell.trim();
    if (text === '' || text.length > 60) continue;
    if (index.known(text) || index.groupOf(text)) score++;
  }
  return score;
}

function hasGroupLabel(grid: Grid, r: number, index: HeaderIndex): boolean {
  const row = grid.rows[r];
  if (!row) return false;
  for (const cell of row) if (typeof cell === 'string' && index.groupOf(cell.trim())) return true;
  const merges = grid.merges;
  for (let i = 0; i < merges.length; i++) {
    if (merges.r0(i) === r && merges.c1(i) > merges.c0(i) && merges.r1(i) === r) {
      const text = cellText(row[merges.c0(i)]);
      if (text !== '' && !index.known(text)) return true;
    }
  }
  return false;
}

function hasKnownGroup(grid: Grid, r: number, index: HeaderIndex): boolean {
  return (grid.rows[r] ?? []).some(
    (cell) => typeof cell === 'string' && index.groupOf(cell.trim()) !== undefined,
  );
}

/** Known headers in row `sub` under columns whose cell in row `top` is blank (a second header row). */
function subHeaderCount(grid: Grid, top: number, sub: number, index: HeaderIndex): number {
  const upper = grid.rows[top] ?? [];
  const lower = grid.rows[sub] ?? [];
  let n = 0;
  for (let c = 0; c < lower.length; c++) {
    const text = cellText(lower[c]);
    if (text === '' || !index.known(text)) continue;
    const above = cellText(upper[c]);
    if (above === '' || index.groupOf(above) || !index.known(above)) n++;
  }
  return n;
}

/** Finds the header row(s) of a sheet, or undefined when it has none. */
export function detectHeader(grid: Grid, index: HeaderIndex): SheetHeader | undefined {
  const limit = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const score = rowScore(grid.rows[r], index);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0 || bestScore < MIN_HEADER_FIELDS) return undefined;
  let top = best;
  let sub: number | undefined;
  if (
    best + 1 < grid.rows.length &&
    hasGroupLabel(grid, best, index) &&
    subHeaderCount(grid, best, best + 1, index) > 0
  ) {
    sub = best + 1;
  } else if (
    best > 0 &&
    hasKnownGroup(grid, best - 1, index) &&
    subHeaderCount(grid, best - 1, best, index) > 0
  ) {
    top = best - 1;
    sub = best;
  } else if (best + 1 < grid.rows.length && subHeaderCount(grid, best, best + 1, index) >= 2) {
    sub = best + 1;
  }
  const header: SheetHeader = {
    grid,
    top,
    dataStart: (sub ?? top) + 1,
    cells: [],
    fields: new Map(),
    portalColumns: [],
    overrides: new Map(),
  };
  if (sub !== undefined) header.sub = sub;
  collectHeaderCells(header, index);
  header.title = findTitle(grid, top, index);
  return header;
}

function findTitle(grid: Grid, top: number, index: HeaderIndex): string | undefined {
  for (let r = 0; r < top; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    const texts = row.map(cellText).filter((t) => t !== '');
    if (texts.length === 1 && !index.known(texts[0]!) && !index.isNoteText(texts[0]!)) return texts[0];
  }
  return undefined;
}

function collectHeaderCells(h: SheetHeader, index: HeaderIndex): void {
  const { grid, top, sub } = h;
  const headerMerges: MergeRange[] = [];
  const merges = grid.merges;
  for (let i = 0; i < merges.length; i++)
    if (merges.r0(i) <= top && top <= merges.r1(i)) headerMerges.push(merges.range(i));
  const upper = grid.rows[top] ?? [];
  const lower = sub === undefined ? [] : (grid.rows[sub] ?? []);
  const width = Math.max(upper.length, lower.length);
  let carriedGroup: string | undefined;
  for (let c = 0; c < width; c++) {
    let topText = cellText(upper[c]);
    let topRow = top;
    let topCol = c;
    let merged = false;
    if (topText === '') {
      const m = findMerge(headerMerges, top, c);
      if (m) {
        merged = true;
        topRow = m.s.r;
        topCol = m.s.c;
        topText = cellText(grid.rows[m.s.r]?.[m.s.c]);
      }
    }
    const subText = sub === undefined ? '' : cellText(lower[c]);
    const subCovered = sub !== undefined && merged && topRow === top && topCol === c;
    if (subText !== '' && !subCovered) {
      // A blank top cell next to a group label continues the group (centred across the selection, not merged).
      let group = topText !== '' && topText !== subText ? topText : undefined;
      if (group === undefined && topText === '' && carriedGroup !== undefined) group = carriedGroup;
      carriedGroup = group;
      h.cells.push({ index: c, header: subText, row: sub!, col: c, ...(group ? { group } : {}) });
      if (group && index.groupOf(group)?.some((p) => p.startsWith('/share'))) h.shareGroup ??= group;
    } else {
      carriedGroup = topText !== '' && index.groupOf(topText) ? topText : undefined;
      if (topText === '') continue;
      h.cells.push({ index: c, header: topText, row: topRow, col: topCol });
    }
  }
  h.overrides = index.overridesFor(h.cells.map((c) => c.header));
  for (const cell of h.cells) {
    const pointer = index.resolve(cell.header, cell.group, undefined, h.overrides);
    if (pointer && !h.fields.has(pointer)) h.fields.set(pointer, cell.header);
    if (!pointer && cell.group === undefined && index.knownColumn(cell.header)?.kindEvidence === 'open')
      h.portalColumns.push(cell.header);
  }
}

export function planSheet(header: SheetHeader, index: HeaderIndex, kind: CatalogKind): SheetPlan {
  const columns: Column[] = [];
  const byPointer = new Map<string, Column>();
  for (const cell of header.cells) {
    const letter = columnLetter(cell.index);
    const column: Column = {
      index: cell.index,
      letter,
      header: cell.header,
      headerLoc: location(header.grid, cell.row, cell.col),
      item: false,
    };
    if (cell.group) column.group = cell.group;
    const pointer = index.resolve(cell.header, cell.group, kind, header.overrides);
    if (pointer === undefined)
      column.unmapped = cell.group === undefined && index.knownColumn(cell.header) ? 'known' : 'unknown';
    else if (byPointer.has(pointer)) column.unmapped = 'duplicate';
    else {
      column.pointer = pointer;
      column.item = pointer.startsWith('/items/');
      byPointer.set(pointer, column);
    }
    columns.push(column);
  }
  const hasItems = columns.some((c) => c.item);
  const hasKey = byPointer.has('/code') || byPointer.has('/name');
  const descriptive = [...byPointer.keys()].some((p) => DESCRIPTIVE.has(p));
  const role = hasItems && hasKey && !descriptive ? 'items' : 'entries';
  return { header, columns, byPointer, role };
}

/** The catalog kind the headers of all sheets suggest (fields first found, the share group, portal columns). */
export function kindOfHeaders(headers: readonly SheetHeader[]): ReturnType<typeof detectKindFromFields> {
  const fields = new Map<string, string>();
  const portalColumns: string[] = [];
  let shareGroup: string | undefined;
  for (const h of headers) {
    for (const [f, header] of h.fields) if (!fields.has(f)) fields.set(f, header);
    shareGroup ??= h.shareGroup;
    portalColumns.push(...h.portalColumns);
  }
  return detectKindFromFields(
    shareGroup === undefined ? { fields, portalColumns } : { fields, portalColumns, shareGroup },
  );
}
