// Maps spreadsheet grids to catalog entries: each sheet planned from its header (sheet-header.ts), then its rows
// read into entries or data items, the layout recorded for writers.
import { CatalogInputError } from '../errors.js';
import type { ReadOptions } from '../io/readers/types.js';
import type { Deadline } from '../limits.js';
import { columnLetter, type Grid, type GridBook, isBlank, MergeList, type RawCell } from './grid.js';
import { decideKind, type HeaderIndex, headerIndex } from './headers.js';
import { packCell } from './locations.js';
import { toHalfWidth } from './normalize.js';
import { completeOpenEntries, EntryBuilder, type Loc, valueContext } from './records.js';
import {
  type Column,
  cellText,
  detectHeader,
  HEADER_SCAN_ROWS,
  kindOfHeaders,
  location,
  planSheet,
  type SheetHeader,
  type SheetPlan,
} from './sheet-header.js';
import type {
  CatalogKind,
  EntryPass,
  EntryStream,
  InputFormat,
  ParsedCatalog,
  ReaderNotice,
  SourceLocation,
} from './types.js';
import type { ValueContext } from './values.js';

/** What a reader hands to the table mapper. */
export interface TableSource {
  file: string;
  format: InputFormat;
  book: GridBook;
  /** The workbook counts dates from 1904. */
  date1904?: boolean;
  /** The govcat init template version stamped in the workbook's properties, when there is one. */
  templateVersion?: number;
}

/**
 * How one sheet was read, in `ParsedCatalog.layout.sheets` (for writers that annotate the workbook):
 * header rows and first data row are 1-based; `field` is the pattern pointer or null for unknown columns.
 */
export interface SheetLayout {
  sheet: string | null;
  role: 'entries' | 'items';
  headerRows: number[];
  firstDataRow: number;
  columns: { column: string; header: string; group?: string; field: string | null }[];
}

function rowLocation(grid: Grid, row: number): SourceLocation {
  return grid.name !== undefined ? { sheet: grid.name, row: row + 1 } : { row: row + 1 };
}

/**
 * Packs the locations of one grid's cells into numbers (see packCell): no object per cell. Falls back to
 * location objects beyond what a packed location can hold (a sheet past the 1,024th, a column past 32,766).
 */
class CellLocator {
  private readonly sheet: number | undefined;

  constructor(
    private readonly grid: Grid,
    builder: EntryBuilder,
  ) {
    this.sheet = builder.sheetIndex(grid.name);
  }

  /** The cell at 0-based row, column. */
  cell(row: number, col: number): Loc {
    return (
      (this.sheet !== undefined ? packCell(this.sheet, row + 1, col) : undefined) ??
      location(this.grid, row, col)
    );
  }

  /** The 0-based row as a whole. */
  row(row: number): Loc {
    return (
      (this.sheet !== undefined ? packCell(this.sheet, row + 1, -1) : undefined) ??
      rowLocation(this.grid, row)
    );
  }
}

/** Vertical merges per column, sorted by first row, for a linear sweep down the data rows. */
class MergeSweep {
  /** Per column index: its merges (indices in the list), and the sweep's position in them (looked up per cell). */
  private readonly lists: (number[] | undefined)[] = [];
  private readonly cursor: number[] = [];

  constructor(
    readonly merges: MergeList,
    dataStart: number,
    columns: ReadonlySet<number>,
  ) {
    const known = [...columns];
    for (let m = 0; m < merges.length; m++) {
      const r0 = merges.r0(m);
      const r1 = merges.r1(m);
      if (r1 <= r0 || r1 < dataStart) continue;
      // Walk whichever is smaller: the merge's columns or the known columns (a merge may span 16,384).
      const c0 = merges.c0(m);
      const c1 = merges.c1(m);
      const span = c1 - c0 + 1;
      if (span <= known.length) {
        for (let c = c0; c <= c1; c++) if (columns.has(c)) this.add(c, m);
      } else {
        for (const c of known) if (c >= c0 && c <= c1) this.add(c, m);
      }
    }
    // Excel never overlaps merges; a crafted file might, so overlapping ones are dropped to keep the
    // sweep linear.
    for (let c = 0; c < this.lists.length; c++) {
      const list = this.lists[c];
      if (!list) continue;
      list.sort((a, b) => merges.r0(a) - merges.r0(b));
      const disjoint: number[] = [];
      let end = -1;
      for (const m of list) {
        if (merges.r0(m) <= end) continue;
        disjoint.push(m);
        end = merges.r1(m);
      }
      this.lists[c] = disjoint;
    }
  }

  private add(c: number, m: number): void {
    let list = this.lists[c];
    if (!list) {
      list = [];
      this.lists[c] = list;
      this.cursor[c] = 0;
    }
    list.push(m);
  }

  /**
   * The merge (its index in the grid's list) that covers (r, c) from an earlier row, or -1. Rows must be
   * visited in increasing order.
   */
  coveredFromAbove(r: number, c: number): number {
    const list = this.lists[c];
    if (!list) return -1;
    const merges = this.merges;
    let i = this.cursor[c]!;
    while (i < list.length && merges.r1(list[i]!) < r) i++;
    this.cursor[c] = i;
    if (i >= list.length) return -1;
    const m = list[i]!;
    return merges.r0(m) < r && merges.r1(m) >= r ? m : -1;
  }
}

function unknownColumnNotice(column: Column, sheetRole: 'entries' | 'items'): ReaderNotice {
  const data: Record<string, string> = { header: column.header, column: column.letter };
  const messageId =
    column.unmapped === 'duplicate'
      ? 'duplicate'
      : column.unmapped === 'unnamed'
        ? 'unnamed'
        : sheetRole === 'items'
          ? 'unknownInItems'
          : 'unknown';
  return { ruleId: 'metadata/unknown-column', messageId, data, location: column.headerLoc };
}

/** The state of reading one entries sheet: its columns by role, and buffers reused for every row. */
interface EntriesRead {
  plan: SheetPlan;
  grid: Grid;
  builder: EntryBuilder;
  at: CellLocator;
  sweep: MergeSweep;
  resourceCols: Column[];
  itemCols: Column[];
  /** Columns no field maps (reported once), and those without a header found on the way. */
  extraCols: Column[];
  /** Checked for every cell of every row: an array, not a set. */
  isKnown: boolean[];
  unnamed: Map<number, Column>;
  /** The resource-level texts of the current entry, by resource column. */
  lastKeys: (string | undefined)[];
  values: (RawCell | undefined)[];
  itemValues: (RawCell | undefined)[];
  itemLocs: (Loc | undefined)[];
  /** The entry the rows go to, once the first one started. */
  current: number | undefined;
}

function startEntriesRead(plan: SheetPlan, builder: EntryBuilder): EntriesRead {
  const { grid, dataStart } = plan.header;
  const resourceCols = plan.columns.filter((c) => c.pointer !== undefined && !c.item);
  const itemCols = plan.columns.filter((c) => c.item);
  const extraCols = plan.columns.filter((c) => c.pointer === undefined);
  for (const c of extraCols) if (c.unmapped !== 'known') builder.notice(unknownColumnNotice(c, 'entries'));
  const known = new Set(plan.columns.map((c) => c.index));
  const isKnown: boolean[] = [];
  for (const c of known) isKnown[c] = true;
  return {
    plan,
    grid,
    builder,
    at: new CellLocator(grid, builder),
    sweep: new MergeSweep(grid.merges, dataStart, known),
    resourceCols,
    itemCols,
    extraCols,
    isKnown,
    unnamed: new Map(),
    lastKeys: new Array(resourceCols.length),
    // Reused for every row (a large sheet has hundreds of thousands).
    values: new Array(resourceCols.length),
    itemValues: new Array(itemCols.length),
    itemLocs: new Array(itemCols.length),
    current: undefined,
  };
}

/** Cells in columns without a header are kept too (as 其他列): each such column is reported once. */
function noteUnnamedColumns(s: EntriesRead, r: number, row: readonly (RawCell | undefined)[]): void {
  for (let c = 0; c < row.length; c++) {
    if (s.isKnown[c] === true || isBlank(row[c])) continue;
    if (s.sweep.coveredFromAbove(r, c) >= 0) continue;
    if (!s.unnamed.has(c)) {
      const letter = columnLetter(c);
      const col: Column = {
        index: c,
        letter,
        header: `（${letter}列）`,
        headerLoc: location(s.grid, s.plan.header.sub ?? s.plan.header.top, c),
        item: false,
        unmapped: 'unnamed',
      };
      s.unnamed.set(c, col);
      s.extraCols.push(col);
      s.builder.notice(unknownColumnNotice(col, 'entries'));
    }
  }
}

/** What gatherRow found in a row: flags, one number (a row read allocates nothing for them). */
const ANY_RESOURCE = 1;
const ANY_ITEM = 2;
const ANY_EXTRA = 4;
const CONFLICT = 8;

/**
 * Gathers a row's resource and item cells into the buffers: whether it has any of each (and any extra cell),
 * and whether a resource-level cell contradicts the current entry (the flags above).
 */
function gatherRow(
  s: EntriesRead,
  r: number,
  row: readonly (RawCell | undefined)[],
  conflictAtStart: boolean,
): number {
  const { values, lastKeys, resourceCols, itemCols } = s;
  values.fill(undefined);
  let any = false;
  let conflict = conflictAtStart;
  for (let i = 0; i < resourceCols.length; i++) {
    const c = resourceCols[i]!.index;
    const cell = row[c];
    if (isBlank(cell) || s.sweep.coveredFromAbove(r, c) >= 0) continue;
    values[i] = cell;
    any = true;
    if (!conflict && lastKeys[i] !== undefined && lastKeys[i] !== cellText(cell)) conflict = true;
  }
  let anyItem = false;
  for (let i = 0; i < itemCols.length; i++) {
    const hit = itemCell(s.grid, row, s.sweep, s.at, r, itemCols[i]!.index);
    s.itemValues[i] = hit;
    s.itemLocs[i] = hit === undefined ? undefined : itemCellLoc;
    if (hit !== undefined) anyItem = true;
  }
  let anyExtra = false;
  for (const col of s.extraCols) {
    if (!isBlank(row[col.index])) {
      anyExtra = true;
      break;
    }
  }
  return (
    (any ? ANY_RESOURCE : 0) |
    (anyItem ? ANY_ITEM : 0) |
    (anyExtra ? ANY_EXTRA : 0) |
    (conflict ? CONFLICT : 0)
  );
}

/** Puts the row's resource cells: all of them into a new entry, or the ones the current entry still lacks. */
function putResourceCells(s: EntriesRead, current: number, r: number, newEntry: boolean): void {
  const { builder, at, values, lastKeys, resourceCols } = s;
  if (newEntry) {
    lastKeys.fill(undefined);
    for (let i = 0; i < resourceCols.length; i++) {
      const col = resourceCols[i]!;
      builder.put(current, col.pointer!, values[i], at.cell(r, col.index));
      if (values[i] !== undefined) lastKeys[i] = cellText(values[i]);
    }
    if (s.itemCols.length > 0) builder.locateOnce(current, '/items', at.cell(r, s.itemCols[0]!.index));
    return;
  }
  for (let i = 0; i < resourceCols.length; i++) {
    if (values[i] === undefined || lastKeys[i] !== undefined) continue;
    const col = resourceCols[i]!;
    builder.put(current, col.pointer!, values[i], at.cell(r, col.index));
    lastKeys[i] = cellText(values[i]);
  }
}

/** Puts the row's extra cells, and its data item when it has item cells. */
function putExtrasAndItem(
  s: EntriesRead,
  current: number,
  r: number,
  row: readonly (RawCell | undefined)[],
  anyItem: boolean,
): void {
  const { builder, at } = s;
  for (const col of s.extraCols) {
    const cell = row[col.index];
    if (!isBlank(cell)) builder.putExtra(current, col.header, cell!, at.cell(r, col.index));
  }
  if (!anyItem) return;
  const item = builder.startItem(current, at.row(r));
  for (let i = 0; i < s.itemCols.length; i++) {
    const col = s.itemCols[i]!;
    builder.putItem(current, item, col.pointer!, s.itemValues[i], s.itemLocs[i] ?? at.cell(r, col.index));
  }
  builder.finishItem(current, item);
}

/** Reads one entries sheet into the builder. */
function readEntriesSheet(plan: SheetPlan, builder: EntryBuilder, deadline: Deadline): void {
  const s = startEntriesRead(plan, builder);
  const { rows } = s.grid;
  for (let r = plan.header.dataStart; r < rows.length; r++) entriesRow(s, r, rows[r], deadline);
}

/** Reads data row `r` (0-based) of an entries sheet: a new entry, or more of the current one. */
function entriesRow(
  s: EntriesRead,
  r: number,
  row: readonly (RawCell | undefined)[] | undefined,
  deadline: Deadline,
): void {
  if ((r & 0xfff) === 0) deadline.check();
  if (!row || row.length === 0) return;
  const { builder } = s;
  if (isNoteRow(s.grid, r, row, builder.index)) return;
  noteUnnamedColumns(s, r, row);
  const found = gatherRow(s, r, row, s.current === undefined);
  if (found === 0 || found === CONFLICT) return;
  const any = (found & ANY_RESOURCE) !== 0;
  const anyItem = (found & ANY_ITEM) !== 0;
  const anyExtra = (found & ANY_EXTRA) !== 0;
  const conflict = (found & CONFLICT) !== 0;
  // Without item columns every row is an entry; with them, a row continues the entry above unless
  // one of its resource-level cells contradicts it (blank, merged or repeated cells continue it).
  const startsEntry = s.itemCols.length === 0 ? any || anyExtra : conflict;
  const newEntry = startsEntry || s.current === undefined;
  if (newEntry) s.current = builder.startEntry(s.at.row(r));
  putResourceCells(s, s.current!, r, newEntry);
  putExtrasAndItem(s, s.current!, r, row, anyItem);
}

/** Where the last itemCell() hit was found (set with each hit, so no object per cell). */
let itemCellLoc: Loc = 0;

/** The value of a data-item cell, or of the cell merged down over it; its location in itemCellLoc. */
function itemCell(
  grid: Grid,
  row: readonly (RawCell | undefined)[],
  sweep: MergeSweep,
  at: CellLocator,
  r: number,
  c: number,
): RawCell | undefined {
  const cell = row[c];
  if (!isBlank(cell)) {
    itemCellLoc = at.cell(r, c);
    return cell;
  }
  // A data-item cell merged down over several items applies to each of them (its value sits top-left).
  const m = sweep.coveredFromAbove(r, c);
  if (m >= 0 && grid.merges.c0(m) === c) {
    const first = grid.merges.r0(m);
    const top = grid.rows[first]?.[c];
    if (!isBlank(top)) {
      itemCellLoc = at.cell(first, c);
      return top;
    }
  }
  return undefined;
}

const MERGE_STARTS = new WeakMap<Grid, Map<number, number>>();

/** Merges of a grid (their indices) by their top-left cell (built once per grid). */
function mergeStarts(grid: Grid): Map<number, number> {
  let map = MERGE_STARTS.get(grid);
  if (!map) {
    map = new Map();
    const merges = grid.merges;
    for (let i = 0; i < merges.length; i++) map.set(merges.r0(i) * 20_000 + merges.c0(i), i);
    MERGE_STARTS.set(grid, map);
  }
  return map;
}

function isNoteRow(
  grid: Grid,
  r: number,
  row: readonly (RawCell | undefined)[],
  index: HeaderIndex,
): boolean {
  let only = -1;
  for (let c = 0; c < row.length; c++) {
    if (isBlank(row[c])) continue;
    if (only >= 0) return false;
    only = c;
  }
  if (only < 0) return false;
  const cell = row[only];
  if (typeof cell === 'string' && index.isNoteText(cell)) return true;
  const m = mergeStarts(grid).get(r * 20_000 + only);
  return m !== undefined && grid.merges.c1(m) - grid.merges.c0(m) >= 2;
}

function keyOf(value: RawCell): string {
  return toHalfWidth(cellText(value)).replace(/\s+/g, '');
}

/** Reads an items sheet (one row per data item, keyed by resource code or name) and attaches the items. */
function readItemsSheet(plan: SheetPlan, builder: EntryBuilder, deadline: Deadline): void {
  const { grid, dataStart } = plan.header;
  const keyCol = plan.byPointer.get('/code') ?? plan.byPointer.get('/name')!;
  const keyPointer = keyCol.pointer!;
  const itemCols = plan.columns.filter((c) => c.item);
  for (const c of plan.columns) if (c.pointer === undefined) builder.notice(unknownColumnNotice(c, 'items'));
  const known = new Set(plan.columns.map((c) => c.index));
  const sweep = new MergeSweep(grid.merges, dataStart, known);
  const targets = builder.keyIndex(keyPointer);
  const at = new CellLocator(grid, builder);
  const itemValues: (RawCell | undefined)[] = new Array(itemCols.length);
  const itemLocs: (Loc | undefined)[] = new Array(itemCols.length);
  let key: string | undefined;
  let keyRow: number | undefined;
  const orphans = new Map<string, { loc: SourceLocation; count: number }>();
  for (let r = dataStart; r < grid.rows.length; r++) {
    if ((r & 0xfff) === 0) deadline.check();
    const row = grid.rows[r];
    if (!row || row.length === 0) continue;
    if (isNoteRow(grid, r, row, builder.index)) continue;
    const keyCell = row[keyCol.index];
    if (!isBlank(keyCell) && sweep.coveredFromAbove(r, keyCol.index) < 0) {
      key = keyOf(keyCell!);
      keyRow = r;
    }
    let anyItem = false;
    for (let i = 0; i < itemCols.length; i++) {
      const hit = itemCell(grid, row, sweep, at, r, itemCols[i]!.index);
      itemValues[i] = hit;
      itemLocs[i] = hit === undefined ? undefined : itemCellLoc;
      if (hit !== undefined) anyItem = true;
    }
    if (!anyItem) continue;
    const target = key === undefined ? undefined : targets.get(key);
    if (target === undefined) {
      const label = key ?? '';
      const seen = orphans.get(label);
      if (seen) seen.count++;
      else orphans.set(label, { loc: location(grid, keyRow ?? r, keyCol.index), count: 1 });
      continue;
    }
    const item = builder.startItem(target, at.row(r));
    for (let i = 0; i < itemCols.length; i++) {
      const col = itemCols[i]!;
      builder.putItem(target, item, col.pointer!, itemValues[i], itemLocs[i] ?? at.cell(r, col.index));
    }
    builder.finishItem(target, item);
  }
  for (const [label, { loc, count }] of orphans) {
    builder.notice({
      ruleId: 'metadata/orphan-item',
      messageId: label === '' ? 'noKey' : keyPointer === '/code' ? 'unknownCode' : 'unknownName',
      data: { key: label, count, sheet: grid.name ?? '' },
      location: loc,
    });
  }
}

/** Known headers listed at most in the no-header error. */
const MAX_LISTED_HEADERS = 12;

/**
 * The no-header error. When some row looks like a header (the row of the first sheets with most short texts),
 * it names that row's headers and the nearest known header of each, so the editor sees what was not recognized.
 */
function noHeaderError(source: TableSource, index: HeaderIndex): CatalogInputError {
  let best: string[] = [];
  for (const grid of source.book.sheets.slice(0, 5)) {
    for (const row of grid.rows.slice(0, HEADER_SCAN_ROWS)) {
      const texts = (row ?? []).flatMap((cell) => {
        const text = typeof cell === 'string' ? cell.trim() : '';
        return text !== '' && text.length <= 30 ? [text] : [];
      });
      if (texts.length > best.length) best = texts;
    }
  }
  if (best.length < 2)
    return new CatalogInputError('input/no-header', 'readers.noHeader', { file: source.file });
  const nearest = best.flatMap((h) => {
    const hit = index.nearest(h);
    return hit && !index.known(h) ? [`${h} → ${hit}`] : [];
  });
  const list = (items: string[]) =>
    items.length > MAX_LISTED_HEADERS
      ? `${items.slice(0, MAX_LISTED_HEADERS).join('、')}…（${items.length}）`
      : items.join('、');
  return new CatalogInputError('input/no-header', 'readers.noHeaderFound', {
    file: source.file,
    headers: list(best),
    nearest: nearest.length > 0 ? list(nearest) : '—',
  });
}

/** Notices about the workbook as a whole: sheets skipped for want of a header, an outdated template. */
function workbookNotices(
  skipped: readonly Grid[],
  templateVersion: number | undefined,
  current: number,
): ReaderNotice[] {
  const notices: ReaderNotice[] = skipped.map((grid) => ({
    ruleId: 'metadata/skipped-sheet',
    messageId: 'noHeader',
    data: { sheet: grid.name ?? '' },
    location: grid.name !== undefined ? { sheet: grid.name } : {},
  }));
  if (templateVersion !== undefined && templateVersion < current) {
    notices.push({
      ruleId: 'metadata/template-version',
      messageId: 'outdated',
      data: { version: templateVersion, current },
      location: {},
    });
  }
  return notices;
}

/** How a sheet was read: its role, header rows, first data row and what each column maps to. */
function sheetLayout(p: SheetPlan): SheetLayout {
  return {
    sheet: p.header.grid.name ?? null,
    role: p.role,
    headerRows: p.header.sub === undefined ? [p.header.top + 1] : [p.header.top + 1, p.header.sub + 1],
    firstDataRow: p.header.dataStart + 1,
    columns: p.columns.map((c) => ({
      column: c.letter,
      header: c.header,
      ...(c.group ? { group: c.group } : {}),
      field: c.pointer ?? null,
    })),
  };
}

/** A workbook planned for reading: kind decided, each sheet's role and columns, the builder ready. */
interface BookPlan {
  kind: CatalogKind;
  kindSource: ParsedCatalog['kindSource'];
  kindEvidence: ParsedCatalog['kindEvidence'];
  plans: SheetPlan[];
  entrySheets: SheetPlan[];
  itemSheets: SheetPlan[];
  notices: ReaderNotice[];
  builder: EntryBuilder;
}

/**
 * Detects each sheet's header and role and the catalog kind. Throws `input/no-header` when no sheet has a
 * catalog header, or only data-item sheets have one.
 */
function planBook(source: TableSource, options: ReadOptions, deadline: Deadline): BookPlan {
  const index = headerIndex(options.seeds.headerAliases);
  const notices: ReaderNotice[] = [];
  const headers: SheetHeader[] = [];
  const skipped: Grid[] = [];
  for (const grid of source.book.sheets) {
    if (grid.name !== undefined && source.book.sheets.length > 1 && index.isIgnoredSheet(grid.name)) continue;
    const header = detectHeader(grid, index);
    if (header) headers.push(header);
    else if (grid.rows.some((row) => row?.some((cell) => !isBlank(cell)))) skipped.push(grid);
  }
  if (headers.length === 0) throw noHeaderError(source, index);
  deadline.check();
  const { kind, kindSource, kindEvidence } = decideKind(options.kind, undefined, () =>
    kindOfHeaders(headers),
  );
  const plans = headers.map((h) => planSheet(h, index, kind));
  const entrySheets = plans.filter((p) => p.role === 'entries');
  const itemSheets = plans.filter((p) => p.role === 'items');
  if (entrySheets.length === 0) {
    throw new CatalogInputError('input/no-header', 'readers.onlyItems', {
      file: source.file,
      sheet: itemSheets[0]?.header.grid.name ?? '',
    });
  }
  notices.push(...workbookNotices(skipped, source.templateVersion, options.seeds.template.version));
  const ctx: ValueContext = valueContext(options.seeds, source.date1904 ?? false);
  const builder = new EntryBuilder(index, ctx, options.limits.maxEntries, source.file, notices, true);
  return { kind, kindSource, kindEvidence, plans, entrySheets, itemSheets, notices, builder };
}

/** The catalog of a planned book whose sheets were read into its builder. */
function finishBook(
  source: TableSource,
  book: BookPlan,
  deadline: Deadline,
  handedOff = false,
): ParsedCatalog {
  const { builder, kind, kindSource, kindEvidence } = book;
  // Entries handed off are completed as they go (see EntryBuilder.handOff).
  if (!handedOff) completeOpenEntries(builder.entries, kind);
  builder.finish();
  deadline.check();
  const parsed: ParsedCatalog = {
    file: source.file,
    format: source.format,
    kind,
    kindSource,
    ...(kindEvidence ? { kindEvidence } : {}),
    entries: builder.entries,
    notices: book.notices,
    layout: { sheets: book.plans.map(sheetLayout) },
  };
  const title = book.entrySheets.map((p) => p.header.title).find((t) => t !== undefined);
  if (title !== undefined) parsed.title = title;
  return parsed;
}

/**
 * Reads a workbook (or a CSV as a one-sheet book): detects each sheet's header and role, the catalog
 * kind, and groups rows into entries with every value's cell. Throws `input/no-header` when no sheet
 * has a catalog header.
 */
export function readTables(source: TableSource, options: ReadOptions, deadline: Deadline): ParsedCatalog {
  const book = planBook(source, options, deadline);
  for (const plan of book.entrySheets) readEntriesSheet(plan, book.builder, deadline);
  for (const plan of book.itemSheets) readItemsSheet(plan, book.builder, deadline);
  return finishBook(source, book, deadline);
}

/**
 * A one-sheet table (a CSV) read as its rows arrive, with the same result as readTables on all the rows:
 * the first rows are held until the header is found among them (it is looked for in the first 50), then
 * each row becomes part of an entry and is let go. Only the entries are kept — or, given an EntryStream,
 * not even those: each entry is handed to the stream's pass once complete, and the catalog returned by
 * end() has no entries.
 */
export class TableStream<P extends EntryPass = EntryPass> {
  private readonly head: (RawCell | undefined)[][] = [];
  private book: BookPlan | undefined;
  private read: EntriesRead | undefined;
  private source: TableSource;
  private r = 0;
  /** Where the entries go when they are streamed (opened once the kind is known). */
  pass: P | undefined;

  constructor(
    source: Omit<TableSource, 'book'>,
    private readonly options: ReadOptions,
    private readonly deadline: Deadline,
    private readonly stream?: EntryStream<P>,
  ) {
    this.source = { ...source, book: { sheets: [{ rows: this.head, merges: new MergeList() }] } };
  }

  /** The next row (its cells are kept as they are). */
  row(row: (RawCell | undefined)[]): void {
    if (this.read) {
      entriesRow(this.read, this.r++, row, this.deadline);
      return;
    }
    this.head.push(row);
    // detectHeader looks at the first HEADER_SCAN_ROWS rows and the one after the best of them.
    if (this.head.length > HEADER_SCAN_ROWS) this.start();
  }

  /** The catalog of all rows (without entries when they were streamed). */
  end(): ParsedCatalog {
    if (!this.read) this.start();
    return finishBook(this.source, this.book!, this.deadline, this.stream !== undefined);
  }

  private start(): void {
    const book = planBook(this.source, this.options, this.deadline);
    const plan = book.entrySheets[0]!;
    this.book = book;
    if (this.stream) {
      const pass = this.stream.open(this.source.file, book.kind);
      this.pass = pass;
      const { deadline } = this;
      // The reading's time limit leaves out the time the entries take where they go (the rules).
      book.builder.handOff(book.kind, (entry) => {
        const t = Date.now();
        pass.entry(entry);
        deadline.extend(Date.now() - t);
      });
    }
    const read = startEntriesRead(plan, book.builder);
    const { head } = this;
    for (let r = plan.header.dataStart; r < head.length; r++) entriesRow(read, r, head[r], this.deadline);
    this.r = head.length;
    this.read = read;
  }
}
