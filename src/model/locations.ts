// A compact LocationMap for spreadsheet entries: cell locations packed into numbers, objects built on demand.
import { columnLetter } from './grid.js';
import type { SourceLocation } from './types.js';

const SHEET_BITS = 1024;
const COLUMN_BITS = 32_768;
const ROW_UNIT = SHEET_BITS * COLUMN_BITS;

/**
 * Sheet names shared by the entries of one file (a location stores only the sheet's index); and the positions of
 * the keys of the entry being built, by key id (see PackedLocations.find).
 */
export class SheetTable {
  private readonly names: (string | undefined)[] = [];
  private readonly index = new Map<string | undefined, number>();
  /** The entry being built, if any: its codes and keys are the first `count` of `codes` and `keys`. */
  building: PackedLocations | undefined;
  /** Reused from entry to entry: growing a list per entry, key by key, was most of what building one allocated. */
  codes = new Float64Array(256);
  readonly keys: string[] = [];
  /** Bumped for each entry built: a position counts when `stamp` at its id is the current one. */
  generation = 0;
  readonly position: number[] = [];
  readonly stamp: number[] = [];

  /** Index of a sheet name (undefined for CSV). */
  indexOf(name: string | undefined): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }

  name(i: number): string | undefined {
    return this.names[i];
  }
}

/** Largest 0-based column and sheet index a packed location can hold. */
export const MAX_PACKED_COLUMN = COLUMN_BITS - 2;
export const MAX_PACKED_SHEET = SHEET_BITS - 1;
const MAX_PACKED_ROW = 2 ** 27 - 1;

/**
 * A cell (or, with `col` -1, a row) of a sheet packed into one number, as PackedLocations stores it: `sheet`
 * from SheetTable.indexOf, `row` 1-based, `col` 0-based. Returns undefined when it does not fit.
 */
export function packCell(sheet: number, row: number, col: number): number | undefined {
  if (sheet > MAX_PACKED_SHEET || row > MAX_PACKED_ROW || row < 0 || col > MAX_PACKED_COLUMN || col < -1)
    return undefined;
  return row * ROW_UNIT + (col + 1) * SHEET_BITS + sheet;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/**
 * A `Map<pointer, SourceLocation>` that stores `{ sheet, row, column, cell }` as one number per key
 * (a spreadsheet catalog has a location for every cell it read, millions in a large workbook).
 * `get` returns a new object each time: mutate through `set`. Locations of another shape are kept as given.
 */
export class PackedLocations implements Map<string, SourceLocation> {
  /** Shared with other entries while compacted (see sharedKeyList). */
  private keyList: string[] = [];
  /** The packed codes, or undefined once compacted: then `row` and `layout` hold them (see layoutOf). */
  private codes: number[] | undefined = [];
  private layout = '';
  private row = 0;
  /** Key → position, while the entry is being built (dropped by compact()). */
  private index: Map<string, number> | undefined;
  private other: Map<string, SourceLocation> | undefined;

  /** The id of the key the last find() looked up while building (-1: none). */
  private foundId = -1;
  /** Keys of the entry while it is being built (held by the sheet table). */
  private count = 0;

  /**
   * The new map is the entry being built: its codes and keys are held by the sheet table, its keys found by id,
   * until compact() (or a removal, or the next entry) gives it its own.
   */
  constructor(private readonly sheets: SheetTable) {
    sheets.building?.release();
    sheets.building = this;
    sheets.generation++;
  }

  /** Stops building: the codes and keys the sheet table holds for this entry are copied into its own lists. */
  private release(): void {
    const table = this.sheets;
    if (table.building !== this) return;
    table.building = undefined;
    const codes: number[] = [];
    for (let i = 0; i < this.count; i++) codes.push(table.codes[i]!);
    this.codes = codes;
    this.keyList = table.keys.slice(0, this.count);
  }

  private pack(loc: SourceLocation): number | undefined {
    if (
      loc.pointer !== undefined ||
      loc.row === undefined ||
      !Number.isInteger(loc.row) ||
      loc.row < 0 ||
      loc.row >= 2 ** 27
    ) {
      return undefined;
    }
    const keys = Object.keys(loc).length;
    const sheet = loc.sheet === undefined ? 0 : 1;
    let col = 0;
    if (loc.column !== undefined || loc.cell !== undefined) {
      if (loc.column === undefined || loc.cell !== `${loc.column}${loc.row}`) return undefined;
      const c = columnIndex(loc.column);
      if (c < 0 || c + 1 >= COLUMN_BITS) return undefined;
      col = c + 1;
      if (keys !== 3 + sheet) return undefined;
    } else if (keys !== 1 + sheet) return undefined;
    const s = this.sheets.indexOf(loc.sheet);
    if (s >= SHEET_BITS) return undefined;
    return loc.row * ROW_UNIT + col * SHEET_BITS + s;
  }

  private unpack(code: number): SourceLocation {
    const s = code % SHEET_BITS;
    const col = Math.floor(code / SHEET_BITS) % COLUMN_BITS;
    const row = Math.floor(code / ROW_UNIT);
    const sheet = this.sheets.name(s);
    const loc: SourceLocation = sheet === undefined ? {} : { sheet };
    loc.row = row;
    if (col > 0) {
      const column = columnLetter(col - 1);
      loc.column = column;
      loc.cell = `${column}${row}`;
    }
    return loc;
  }

  /**
   * Position of a key, or -1. While the entry is being built, through the table's positions by key id (a map per
   * entry, rebuilt as it grew, was most of what building an entry allocated); otherwise a scan of a short list,
   * or a map built on first use.
   */
  private find(key: string): number {
    const table = this.sheets;
    if (table.building === this) {
      const id = keyId(key);
      this.foundId = id;
      if (id >= 0) return table.stamp[id] === table.generation ? table.position[id]! : -1;
      // More distinct keys than are interned: this entry goes on with the lookups below.
      this.release();
    }
    if (this.index) return this.index.get(key) ?? -1;
    if (this.keyList.length <= 32) return this.keyList.indexOf(key);
    this.index = new Map(this.keyList.map((k, i) => [k, i]));
    return this.index.get(key) ?? -1;
  }

  /** The packed code of the i-th key. */
  private codeAt(i: number): number {
    if (this.sheets.building === this) return this.sheets.codes[i]!;
    if (this.codes) return this.codes[i]!;
    const layout = this.layout;
    return (
      (this.row + layout.charCodeAt(2 * i + 1)) * ROW_UNIT +
      layout.charCodeAt(2 * i + 2) * SHEET_BITS +
      layout.charCodeAt(0)
    );
  }

  /** The codes (and keys) as lists this entry can change: decoded from the shared layout after compact(). */
  private ownCodes(): number[] {
    if (!this.codes) {
      const codes: number[] = [];
      for (let i = 0; i < this.keyList.length; i++) codes.push(this.codeAt(i));
      this.codes = codes;
      this.keyList = this.keyList.slice();
      this.layout = '';
    }
    return this.codes;
  }

  /**
   * Once an entry is complete: drops the lookup index (lookups then scan; they are rare), and keeps the codes
   * as a layout and the keys as a list both shared with entries laid out alike.
   */
  compact(): void {
    this.index = undefined;
    const table = this.sheets;
    const building = table.building === this;
    const codes = building ? table.codes : this.codes;
    if (!codes) return;
    const count = building ? this.count : this.keyList.length;
    const packed = layoutOf(codes, count);
    if (!packed) {
      this.release();
      return;
    }
    if (building) table.building = undefined;
    this.row = packed.row;
    this.layout = packed.layout;
    this.codes = undefined;
    this.keyList = sharedKeyList(building ? table.keys : this.keyList, count);
  }

  get size(): number {
    const keys = this.sheets.building === this ? this.count : this.keyList.length;
    return keys + (this.other?.size ?? 0);
  }

  get(key: string): SourceLocation | undefined {
    const i = this.find(key);
    if (i >= 0) return this.unpack(this.codeAt(i));
    return this.other?.get(key);
  }

  has(key: string): boolean {
    return this.find(key) >= 0 || (this.other?.has(key) ?? false);
  }

  /** Sets a location already packed by packCell (spreadsheet readers build no objects for cells). */
  setCode(key: string, code: number): this {
    const i = this.find(key);
    this.other?.delete(key);
    if (i >= 0) this.setAt(i, code);
    else this.append(key, code);
    return this;
  }

  /** Changes the code of the i-th key. */
  private setAt(i: number, code: number): void {
    if (this.sheets.building === this) this.sheets.codes[i] = code;
    else this.ownCodes()[i] = code;
  }

  /** Adds a key not yet present (just looked up by find). */
  private append(key: string, code: number): void {
    const table = this.sheets;
    if (table.building === this) {
      const at = this.count++;
      if (at >= table.codes.length) {
        const grown = new Float64Array(2 * table.codes.length);
        grown.set(table.codes);
        table.codes = grown;
      }
      table.codes[at] = code;
      const id = this.foundId;
      table.keys[at] = KEY_LIST[id]!;
      table.stamp[id] = table.generation;
      table.position[id] = at;
      return;
    }
    const at = this.keyList.length;
    this.ownCodes().push(code);
    this.index?.set(key, at);
    this.keyList.push(internKey(key));
  }

  set(key: string, loc: SourceLocation): this {
    const code = this.pack(loc);
    const i = this.find(key);
    if (code !== undefined) {
      this.other?.delete(key);
      if (i >= 0) this.setAt(i, code);
      else this.append(key, code);
    } else {
      if (i >= 0) this.remove(i);
      this.other ??= new Map();
      this.other.set(key, loc);
    }
    return this;
  }

  private remove(i: number): void {
    // Positions after i move: this entry's keys are no longer found by id.
    this.release();
    this.ownCodes().splice(i, 1);
    this.keyList.splice(i, 1);
    this.index = undefined;
  }

  delete(key: string): boolean {
    const i = this.find(key);
    if (i >= 0) {
      this.remove(i);
      return true;
    }
    return this.other?.delete(key) ?? false;
  }

  clear(): void {
    if (this.sheets.building === this) this.sheets.building = undefined;
    this.count = 0;
    this.keyList = [];
    this.codes = [];
    this.layout = '';
    this.index = undefined;
    this.other = undefined;
  }

  *entries(): MapIterator<[string, SourceLocation]> {
    this.release();
    for (let i = 0; i < this.keyList.length; i++) yield [this.keyList[i]!, this.unpack(this.codeAt(i))];
    if (this.other) yield* this.other.entries();
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<SourceLocation> {
    for (const [, v] of this.entries()) yield v;
  }

  forEach(
    fn: (value: SourceLocation, key: string, map: Map<string, SourceLocation>) => void,
    thisArg?: unknown,
  ): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  [Symbol.iterator](): MapIterator<[string, SourceLocation]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'PackedLocations';
  }
}

/**
 * Pointers that name fields (/name, /items/3/type …), shared by every entry of every file: one string each, and
 * its id (its place in KEY_LIST).
 */
const KEY_IDS = new Map<string, number>();
const KEY_LIST: string[] = [];
const MAX_KEYS = 100_000;

/** The id of a field pointer (interned on first use), or -1 once MAX_KEYS are. */
function keyId(key: string): number {
  let id = KEY_IDS.get(key);
  if (id === undefined) {
    if (KEY_LIST.length >= MAX_KEYS) return -1;
    id = KEY_LIST.length;
    KEY_LIST.push(key);
    KEY_IDS.set(key, id);
  }
  return id;
}

/** The one shared copy of a field pointer (entries repeat the same few dozen). */
export function internKey(key: string): string {
  const id = keyId(key);
  return id < 0 ? key : KEY_LIST[id]!;
}

/** Layouts of finished entries, shared by every entry whose cells sit the same way relative to its first row. */
const LAYOUTS = new Map<string, string>();
const MAX_LAYOUTS = 10_000;
let lastLayout = '';

/**
 * A finished entry's codes as its first row and a string: the sheet, then two chars per key (row offset,
 * column + 1), shared by entries laid out alike — a number per cell was about 0.35 KB of every spreadsheet
 * entry kept. Undefined when the cells span sheets or rows too far apart to encode.
 */
function layoutOf(codes: ArrayLike<number>, count: number): { row: number; layout: string } | undefined {
  if (count === 0) return undefined;
  const sheet = codes[0]! % SHEET_BITS;
  let first = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const code = codes[i]!;
    if (code % SHEET_BITS !== sheet) return undefined;
    first = Math.min(first, Math.floor(code / ROW_UNIT));
  }
  // Consecutive entries are mostly laid out alike: the last layout is checked before a string is built.
  const last = lastLayout;
  if (last.length === 1 + 2 * count && last.charCodeAt(0) === sheet) {
    let same = true;
    for (let i = 0; i < count && same; i++) {
      const code = codes[i]!;
      same =
        last.charCodeAt(2 * i + 1) === Math.floor(code / ROW_UNIT) - first &&
        last.charCodeAt(2 * i + 2) === Math.floor(code / SHEET_BITS) % COLUMN_BITS;
    }
    if (same) return { row: first, layout: last };
  }
  let layout = String.fromCharCode(sheet);
  for (let i = 0; i < count; i++) {
    const code = codes[i]!;
    const offset = Math.floor(code / ROW_UNIT) - first;
    if (offset > 0xffff) return undefined;
    layout += String.fromCharCode(offset, Math.floor(code / SHEET_BITS) % COLUMN_BITS);
  }
  const known = LAYOUTS.get(layout);
  if (known !== undefined) layout = known;
  else if (LAYOUTS.size < MAX_LAYOUTS) LAYOUTS.set(layout, layout);
  lastLayout = layout;
  return { row: first, layout };
}

/** Key lists of finished entries, shared by every entry with the same fields in the same order. */
const KEY_LISTS = new Map<string, string[]>();
const MAX_KEY_LISTS = 10_000;
let lastKeyList: string[] = [];

/**
 * The one shared copy of a finished entry's key list (the first `count` of `list`, never `list` itself): entries
 * of a catalog mostly have the same fields, and a list per entry was about 0.4 KB of every entry kept. The
 * caller must copy before changing a shared list.
 */
function sharedKeyList(list: readonly string[], count = list.length): string[] {
  // Consecutive entries mostly have the same fields, and keys are interned: the last list is checked first.
  const last = lastKeyList;
  if (last.length === count) {
    let i = 0;
    while (i < count && list[i] === last[i]) i++;
    if (i === count) return last;
  }
  // Each key with its length, so no two different lists read the same (['a,b'] and ['a', 'b'], [] and ['']).
  let signature = '';
  for (let i = 0; i < count; i++) signature += `${list[i]!.length}:${list[i]}`;
  let kept = KEY_LISTS.get(signature);
  if (kept === undefined) {
    kept = list.slice(0, count);
    if (KEY_LISTS.size < MAX_KEY_LISTS) KEY_LISTS.set(signature, kept);
  }
  lastKeyList = kept;
  return kept;
}

/**
 * A `Map<pointer, SourceLocation>` for an entry of a JSON source, where the location of a field is its
 * pointer in the document: `{ pointer: base + key }` (with the line as `row` in JSON Lines). It stores the
 * base once and the field pointers as shared strings, and builds location objects on demand — an entry
 * keeps a few hundred bytes instead of an object and a string per value. `get` returns a new object each
 * time: mutate through `set`. Locations of another shape are kept as given.
 */
export class PointerLocations implements Map<string, SourceLocation> {
  /** Shared with other entries once compact() ran (see sharedKeyList): copied before a change. */
  private keyList: string[] = [];
  private keysShared = false;
  private other: Map<string, SourceLocation> | undefined;
  private row: number | undefined;

  constructor(private readonly base: string) {}

  /** Adds a field whose location is its own pointer. */
  add(key: string): this {
    if (this.find(key) < 0) {
      this.other?.delete(key);
      this.ownKeys().push(internKey(key));
    }
    return this;
  }

  /** Shares the key list with entries of the same fields once the entry is complete (see sharedKeyList). */
  compact(): void {
    if (!this.keysShared) {
      this.keyList = sharedKeyList(this.keyList);
      this.keysShared = true;
    }
  }

  /** The key list, made this entry's own before a change. */
  private ownKeys(): string[] {
    if (this.keysShared) {
      this.keyList = this.keyList.slice();
      this.keysShared = false;
    }
    return this.keyList;
  }

  /** Sets the line of every derived location (JSON Lines). */
  setRow(row: number): void {
    this.row = row;
    if (this.other) for (const loc of this.other.values()) loc.row = row;
  }

  private derived(key: string): SourceLocation {
    const pointer = `${this.base}${key}`;
    return this.row === undefined ? { pointer } : { row: this.row, pointer };
  }

  private find(key: string): number {
    return this.keyList.indexOf(key);
  }

  get size(): number {
    return this.keyList.length + (this.other?.size ?? 0);
  }

  get(key: string): SourceLocation | undefined {
    return this.find(key) >= 0 ? this.derived(key) : this.other?.get(key);
  }

  has(key: string): boolean {
    return this.find(key) >= 0 || (this.other?.has(key) ?? false);
  }

  set(key: string, loc: SourceLocation): this {
    const keys = Object.keys(loc).length;
    const plain =
      loc.pointer === `${this.base}${key}` &&
      (this.row === undefined ? keys === 1 : keys === 2 && loc.row === this.row);
    if (plain) return this.add(key);
    const i = this.find(key);
    if (i >= 0) this.ownKeys().splice(i, 1);
    this.other ??= new Map();
    this.other.set(key, loc);
    return this;
  }

  delete(key: string): boolean {
    const i = this.find(key);
    if (i >= 0) {
      this.ownKeys().splice(i, 1);
      return true;
    }
    return this.other?.delete(key) ?? false;
  }

  clear(): void {
    this.keyList = [];
    this.keysShared = false;
    this.other = undefined;
  }

  *entries(): MapIterator<[string, SourceLocation]> {
    for (const key of this.keyList) yield [key, this.derived(key)];
    if (this.other) yield* this.other.entries();
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<SourceLocation> {
    for (const [, v] of this.entries()) yield v;
  }

  forEach(
    fn: (value: SourceLocation, key: string, map: Map<string, SourceLocation>) => void,
    thisArg?: unknown,
  ): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  [Symbol.iterator](): MapIterator<[string, SourceLocation]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'PointerLocations';
  }
}
