// Builds ParsedEntries value by value (from cells or from XML/JSON records), keeping every value's location.
import { CatalogInputError } from '../errors.js';
import type { Seeds } from '../seeds/index.js';
import { isBlank, type RawCell } from './grid.js';
import {
  detectKindFromFields,
  type HeaderIndex,
  type HeaderOverrides,
  type KindEvidence,
  normalizeHeader,
} from './headers.js';
import { PackedLocations, SheetTable } from './locations.js';
import { toHalfWidth } from './normalize.js';
import { classificationFromPicks } from './picks.js';
import type {
  CatalogKind,
  LocationMap,
  Normalization,
  ParsedEntry,
  ReaderNotice,
  SourceLocation,
} from './types.js';
import { combineTypeLength, convertValue, rawText, type ValueContext, valueKind } from './values.js';

/** Escapes one JSON Pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The vocabularies value conversion needs, from the seeds. */
export function valueContext(seeds: Seeds, date1904: boolean): ValueContext {
  return {
    shareType: seeds.vocab('share-type'),
    openFlag: seeds.vocab('open-flag'),
    dataType: seeds.vocab('data-type'),
    vocab: (id) => seeds.vocabularies.get(id),
    date1904,
    pickers: seeds.template.classification?.headers ?? [],
  };
}

type Obj = Record<string, unknown>;

const PARENTS = new Map<string, string>();

/** The parent pointer (/items/3/type → /items/3); remembered, since the same few pointers repeat per entry. */
function parentOf(pointer: string): string {
  let parent = PARENTS.get(pointer);
  if (parent === undefined) {
    const i = pointer.lastIndexOf('/');
    parent = i <= 0 ? '' : pointer.slice(0, i);
    if (PARENTS.size < 100_000) PARENTS.set(pointer, parent);
  }
  return parent;
}

/** A value's location: a SourceLocation, or a spreadsheet cell packed by packCell (no object per cell). */
export type Loc = SourceLocation | number;

function setLoc(map: LocationMap, key: string, loc: Loc): void {
  if (typeof loc === 'number') (map as PackedLocations).setCode(key, loc);
  else map.set(key, loc);
}

const ITEM_POINTERS: Map<string, string>[] = [];
const ITEM_FIELDS = new Map<string, string>();

const ITEM_ROOTS: string[] = [];

/** `/items/<i>`, shared across entries. */
function itemRoot(item: number): string {
  if (item >= 2000) return `/items/${item}`;
  let root = ITEM_ROOTS[item];
  if (root === undefined) {
    root = `/items/${item}`;
    ITEM_ROOTS[item] = root;
  }
  return root;
}

/** The field of an item pattern (/items/*\/type → type). */
function itemField(pattern: string): string {
  let field = ITEM_FIELDS.get(pattern);
  if (field === undefined) {
    field = pattern.slice(9);
    if (ITEM_FIELDS.size < 1000) ITEM_FIELDS.set(pattern, field);
  }
  return field;
}

/** `/items/<i>/<field>`, shared across entries (the same few strings repeat for every entry). */
function itemPointer(item: number, field: string): string {
  if (item >= 2000) return `/items/${item}/${field}`;
  let byField = ITEM_POINTERS[item];
  if (!byField) {
    byField = new Map();
    ITEM_POINTERS[item] = byField;
  }
  let pointer = byField.get(field);
  if (pointer === undefined) {
    pointer = `/items/${item}/${field}`;
    byField.set(field, pointer);
  }
  return pointer;
}

/** A length cell holding precision and scale: `18,4`, `18，4`. */
const PRECISION_SCALE = /^\s*(\d{1,9})\s*[,，]\s*(\d{1,9})\s*$/;

/**
 * Replaces an entry's lists (items, format, related codes, normalizations) by exact copies: a list grown by
 * push keeps room for 17 values from the first one, about 0.3 KB of every entry kept. Order and values stay.
 */
function trimArrays(entry: ParsedEntry): void {
  const data = entry.data as Obj;
  let copies: Map<unknown, unknown[]> | undefined;
  for (const key in data) {
    const value = data[key];
    if (!Array.isArray(value)) continue;
    const copy = value.slice();
    data[key] = copy;
    copies ??= new Map();
    copies.set(value, copy);
  }
  // A normalization's `to` is often the list itself (a split list): it keeps pointing at the same list.
  if (copies) for (const n of entry.normalizations) if (copies.has(n.to)) n.to = copies.get(n.to);
  entry.normalizations = entry.normalizations.length === 0 ? NO_NORMALIZATIONS : entry.normalizations.slice();
}

/** The normalizations of every entry that has none (frozen: nothing adds any once reading is done). */
const NO_NORMALIZATIONS = Object.freeze([]) as unknown as Normalization[];

/** Accumulates entries; every put() records the value's location even when the cell is blank. */
export class EntryBuilder {
  readonly entries: ParsedEntry[] = [];

  /** Spreadsheet entries pack their cell locations; records (XML, JSON) keep plain maps. */
  private readonly sheets: SheetTable | undefined;
  /** Index of entries[0]: entries handed on (see handOff) are no longer held. */
  private base = 0;
  private handing: { kind: CatalogKind; to: (entry: ParsedEntry) => void } | undefined;

  constructor(
    readonly index: HeaderIndex,
    readonly ctx: ValueContext,
    private readonly maxEntries: number,
    private readonly file: string,
    private readonly notices: ReaderNotice[],
    packed = false,
  ) {
    if (packed) this.sheets = new SheetTable();
  }

  /** Index of a sheet for packCell (spreadsheet builders only; undefined for record builders). */
  sheetIndex(name: string | undefined): number | undefined {
    return this.sheets?.indexOf(name);
  }

  /** The entry of an index (one still held). */
  private at(index: number): ParsedEntry {
    return this.entries[index - this.base]!;
  }

  /**
   * Hands each entry on to `to` once it is complete — when the next one starts, and the last at finish() —
   * finished as finish() finishes entries (open entries completed for `kind`, pickers read, locations
   * compacted), and no longer holds it: `entries` then keeps only the entry being read. For one-sheet
   * tables, whose rows never go back to an earlier entry.
   */
  handOff(kind: CatalogKind, to: (entry: ParsedEntry) => void): void {
    this.handing = { kind, to };
  }

  private handOn(): void {
    const { handing } = this;
    const entry = this.entries[0];
    if (!handing || !entry) return;
    completeOpenEntries([entry], handing.kind);
    if (this.ctx.pickers.length > 0) this.readPicks(entry);
    if (entry.locations instanceof PackedLocations) entry.locations.compact();
    this.entries.length = 0;
    this.base = entry.index + 1;
    handing.to(entry);
  }

  /** Reads the template's classification pickers, then compacts every entry's locations once reading is done. */
  finish(): void {
    if (this.handing) {
      this.handOn();
      return;
    }
    if (this.ctx.pickers.length > 0) for (const e of this.entries) this.readPicks(e);
    for (const e of this.entries) {
      if (e.locations instanceof PackedLocations) e.locations.compact();
      trimArrays(e);
    }
  }

  /**
   * The picker columns of the govcat init template (选择分类·类/项/目) help to choose, they are not metadata:
   * they leave `extra`, and when 数据资源分类 is empty and all three levels were picked with codes, the codes
   * make the classification (located at the 类 picker's cell). A filled 数据资源分类 wins over the picks.
   */
  private readPicks(entry: ParsedEntry): void {
    const data = entry.data as Obj;
    const extra = data.extra as Record<string, string> | undefined;
    if (!extra) return;
    const pointers = this.ctx.pickers.map((h) => `/extra/${escapePointer(h)}`);
    const picks = this.ctx.pickers.map((h) => extra[h]);
    if (picks.every((p) => p === undefined)) return;
    for (const h of this.ctx.pickers) delete extra[h];
    if (Object.keys(extra).length === 0) delete data.extra;
    const code = data.classification === undefined ? classificationFromPicks(picks) : undefined;
    const at = entry.locations.get(pointers[0]!);
    for (const p of pointers) entry.locations.delete(p);
    if (code === undefined) return;
    data.classification = code;
    if (at) entry.locations.set('/classification', at);
  }

  /** Adds a reader notice (reported by the rule it names). */
  notice(notice: ReaderNotice): void {
    this.notices.push(notice);
  }

  /** Starts an entry located at `loc` (its first row); returns its index. */
  startEntry(loc: Loc): number {
    this.handOn();
    const index = this.base + this.entries.length;
    if (index >= this.maxEntries) {
      throw new CatalogInputError('input/limit', 'input.tooManyEntries', {
        file: this.file,
        count: `${this.maxEntries}+`,
        limit: this.maxEntries,
      });
    }
    const previous = this.entries[index - 1 - this.base]?.locations;
    if (previous instanceof PackedLocations) previous.compact();
    const locations: LocationMap = this.sheets ? new PackedLocations(this.sheets) : new Map();
    setLoc(locations, '', loc);
    this.entries.push({ index, data: {}, locations, normalizations: [] });
    return index;
  }

  /** Sets a location unless one is already recorded (group pointers point at their first cell). */
  locateOnce(entry: number, pointer: string, loc: Loc): void {
    const map = this.at(entry).locations;
    if (!map.has(pointer)) setLoc(map, pointer, loc);
  }

  private locate(entry: ParsedEntry, pointer: string, loc: Loc): void {
    setLoc(entry.locations, pointer, loc);
    for (let p = parentOf(pointer); p !== ''; p = parentOf(p)) {
      if (entry.locations.has(p)) break;
      setLoc(entry.locations, p, loc);
    }
  }

  /**
   * The field a value belongs in: its column's, or where the seeds route a value outside that field's
   * vocabulary (开放条件 “开放网站” in an open catalog is a condition, not an open mode).
   */
  fieldFor(pointer: string, raw: RawCell): string {
    const spec = this.index.routesOf(pointer);
    if (!spec) return pointer;
    const text = toHalfWidth(rawText(raw).trim());
    const inVocab = (id: string | undefined) =>
      id !== undefined && this.ctx.vocab(id)?.lookup(text) !== undefined;
    if (inVocab(spec.vocabulary)) return pointer;
    for (const route of spec.routes)
      if (route.vocabulary === undefined || inVocab(route.vocabulary)) return route.pointer;
    return pointer;
  }

  /** Puts the value of a resource-level field (pointer without indexes, e.g. /share/type). */
  put(entry: number, column: string, raw: RawCell | undefined, loc: Loc): void {
    const target = this.at(entry);
    const blank = raw === undefined || isBlank(raw);
    const pointer = blank ? column : this.fieldFor(column, raw);
    this.locate(target, pointer, loc);
    if (blank) return;
    const converted = convertValue(pointer, pointer, raw, this.ctx);
    setPath(target.data as Obj, pointer, converted.value);
    for (const n of converted.normalizations) target.normalizations.push(n);
  }

  /** Puts an already-split list (a JSON array or repeated XML elements) into a list field. */
  putList(entry: number, pointer: string, values: readonly RawCell[], loc: SourceLocation): void {
    const target = this.at(entry);
    this.locate(target, pointer, loc);
    const out: string[] = [];
    let width = false;
    const codes = valueKind(pointer) === 'codes';
    for (const v of values) {
      if (isBlank(v)) continue;
      const text = rawText(v).trim();
      const half = codes ? toHalfWidth(text) : text;
      if (half !== text) width = true;
      out.push(half);
    }
    setPath(target.data as Obj, pointer, out);
    if (width) target.normalizations.push({ field: pointer, kind: 'width', from: values, to: out });
  }

  /** Keeps a column that maps to no field in `extra` (distinct values of continuation rows are joined). */
  putExtra(entry: number, header: string, raw: RawCell, loc: Loc): void {
    const target = this.at(entry);
    const data = target.data as Obj;
    let extra = data.extra as Record<string, string> | undefined;
    if (!extra) {
      extra = Object.create(null) as Record<string, string>;
      data.extra = extra;
    }
    const text = rawText(raw).trim();
    const previous = extra[header];
    if (previous === undefined) {
      extra[header] = text;
      this.locate(target, `/extra/${escapePointer(header)}`, loc);
    } else if (!previous.split('\n').includes(text)) extra[header] = `${previous}\n${text}`;
  }

  /** Starts a data item of an entry located at `loc`; returns its index. */
  startItem(entry: number, loc: Loc): number {
    const target = this.at(entry);
    const data = target.data as Obj;
    let items = data.items as Obj[] | undefined;
    if (!items) {
      items = [];
      data.items = items;
    }
    const i = items.length;
    items.push({});
    this.locate(target, itemRoot(i), loc);
    return i;
  }

  /** Puts one field of a data item (`pattern` like /items/*\/type). */
  putItem(entry: number, item: number, pattern: string, raw: RawCell | undefined, loc: Loc): void {
    const target = this.at(entry);
    const field = itemField(pattern);
    const pointer = itemPointer(item, field);
    setLoc(target.locations, pointer, loc);
    if (raw === undefined || isBlank(raw)) return;
    const converted = convertValue(pointer, pattern, raw, this.ctx);
    ((target.data as Obj).items as Obj[])[item]![field] = converted.value;
    for (const n of converted.normalizations) target.normalizations.push(n);
  }

  /**
   * Completes a data item: a type with its length in a separate column becomes `C(18)`; a length written
   * as precision and scale in one cell (`18,4`) is both, so N with `18,4` becomes `N(18,4)`.
   */
  finishItem(entry: number, item: number): void {
    const target = this.at(entry);
    const obj = ((target.data as Obj).items as Obj[])[item]!;
    const pair =
      typeof obj.fieldLength === 'string' ? PRECISION_SCALE.exec(toHalfWidth(obj.fieldLength)) : null;
    if (pair && obj.fieldScale === undefined) {
      const from = obj.fieldLength;
      obj.fieldLength = Number(pair[1]);
      obj.fieldScale = Number(pair[2]);
      target.normalizations.push({
        field: `/items/${item}/fieldLength`,
        kind: 'number',
        from,
        to: [obj.fieldLength, obj.fieldScale],
      });
    }
    const combined = combineTypeLength(obj.type, obj.fieldLength, obj.fieldScale);
    if (combined === undefined) return;
    const field = `/items/${item}/type`;
    const earlier = target.normalizations.find((n) => n.field === field && n.kind === 'type-syntax');
    if (earlier) earlier.to = combined;
    else target.normalizations.push({ field, kind: 'type-syntax', from: obj.type, to: combined });
    obj.type = combined;
  }

  /** Entries by a key field (resource code or name, width-folded, no spaces); the first entry wins. */
  keyIndex(pointer: '/code' | '/name' | string): Map<string, number> {
    const map = new Map<string, number>();
    const key = pointer.slice(1);
    for (const e of this.entries) {
      const v = (e.data as Obj)[key];
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      const k = toHalfWidth(String(v)).replace(/\s+/g, '');
      if (!map.has(k)) map.set(k, e.index);
    }
    return map;
  }
}

/**
 * Open catalogs list what a portal publishes, so every entry is open to the public: an entry that states
 * its 开放类型 but not 是否向社会开放 gets 1 there (located at the 开放类型 cell).
 */
export function completeOpenEntries(entries: readonly ParsedEntry[], kind: CatalogKind): void {
  if (kind !== 'open') return;
  for (const e of entries) {
    const open = (e.data as Obj).open as Obj | undefined;
    if (!open || open.open !== undefined) continue;
    open.open = 1;
    const loc = e.locations.get('/open/mode') ?? e.locations.get('/open');
    if (loc && !e.locations.has('/open/open')) e.locations.set('/open/open', loc);
  }
}

const SEGMENTS = new Map<string, string[]>();

function setPath(data: Obj, pointer: string, value: unknown): void {
  // Resource-level pointers are few and fixed; their segments are split once.
  let segments = SEGMENTS.get(pointer);
  if (!segments) {
    segments = pointer.slice(1).split('/');
    if (SEGMENTS.size < 1000) SEGMENTS.set(pointer, segments);
  }
  let node = data;
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i]!;
    let next = node[seg] as Obj | undefined;
    if (!next || typeof next !== 'object') {
      next = {};
      node[seg] = next;
    }
    node = next;
  }
  node[segments[segments.length - 1]!] = value;
}

/** One value of a keyed record (an XML element or a JSON property), with its group and location. */
export interface RecordField {
  key: string;
  /** Enclosing group element or object key (共享属性, share). */
  group?: string;
  value: RawCell | readonly RawCell[] | undefined;
  loc: SourceLocation;
}

/** One catalog entry as a keyed record: its fields and its data items. */
export interface KeyedRecord {
  loc: SourceLocation;
  fields: RecordField[];
  items: { loc: SourceLocation; fields: RecordField[] }[];
}

const ITEMS_PREFIX = '/items/*/';

/** Resolves a record key: canonical English path first (share/type), then the header aliases. */
function resolveKey(
  index: HeaderIndex,
  key: string,
  group: string | undefined,
  kind: CatalogKind | undefined,
  overrides?: HeaderOverrides,
): string | undefined {
  const english = group === undefined ? `/${key}` : `/${group}/${key}`;
  if (index.pointers.has(english) && !english.startsWith('/items/')) return english;
  const pointer = index.resolve(key, group, kind, overrides);
  return pointer?.startsWith('/items/') ? undefined : pointer;
}

function resolveItemKey(index: HeaderIndex, key: string, kind: CatalogKind | undefined): string | undefined {
  const english = `${ITEMS_PREFIX}${key}`;
  if (index.pointers.has(english)) return english;
  const pointer = index.resolve(key, '数据项信息', kind);
  return pointer?.startsWith(ITEMS_PREFIX) ? pointer : undefined;
}

/** The top-level keys of records (ungrouped), for header overrides (seeds: together). */
function recordKeys(records: readonly KeyedRecord[]): Set<string> {
  const keys = new Set<string>();
  for (const r of records) for (const f of r.fields) if (f.group === undefined) keys.add(f.key);
  return keys;
}

/** Detects the kind of keyed records from the fields their keys name (and the keys that showed it). */
export function detectRecordKind(
  index: HeaderIndex,
  records: readonly KeyedRecord[],
): (KindEvidence & { kind: CatalogKind }) | undefined {
  const fields = new Map<string, string>();
  const portalColumns = new Set<string>();
  let shareGroup: string | undefined;
  const overrides = index.overridesFor(recordKeys(records));
  for (const r of records) {
    for (const f of r.fields) {
      const p = resolveKey(index, f.key, f.group, undefined, overrides);
      if (p && !fields.has(p)) fields.set(p, f.group === undefined ? f.key : `${f.group}/${f.key}`);
      if (!p && f.group === undefined && index.knownColumn(f.key)?.kindEvidence === 'open')
        portalColumns.add(f.key);
      if (f.group && (f.group === 'share' || index.groupOf(f.group)?.some((g) => g.startsWith('/share'))))
        shareGroup ??= f.group;
    }
  }
  const signs = { fields, portalColumns: [...portalColumns] };
  return detectKindFromFields(shareGroup === undefined ? signs : { ...signs, shareGroup });
}

/** Whether any key of the records names a field or a known column (false: nothing in the file maps). */
export function anyKeyMaps(index: HeaderIndex, records: readonly KeyedRecord[]): boolean {
  for (const r of records) {
    for (const f of r.fields) {
      if (resolveKey(index, f.key, f.group, undefined) !== undefined) return true;
      if (f.group === undefined && index.candidates(f.key).length > 0) return true;
    }
    if (r.items.length > 0) return true;
  }
  return false;
}

/**
 * Adds keyed records as entries. Keys that name no field are kept in `extra` and reported once each
 * (metadata/unknown-column); item keys that name no item field are reported and dropped.
 */
export function addRecords(builder: EntryBuilder, records: readonly KeyedRecord[], kind: CatalogKind): void {
  addAll(builder, records, kind);
  completeOpenEntries(builder.entries, kind);
}

function hasValue(value: RecordField['value']): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.some((v) => !isBlank(v));
  return !isBlank(value as RawCell);
}

function addAll(builder: EntryBuilder, records: readonly KeyedRecord[], kind: CatalogKind): void {
  const reported = new Set<string>();
  const unknown = (
    key: string,
    loc: SourceLocation,
    messageId: string,
    data: Record<string, string> = {},
  ) => {
    if (reported.has(`${messageId}:${key}`)) return;
    reported.add(`${messageId}:${key}`);
    builder.notice({
      ruleId: 'metadata/unknown-column',
      messageId,
      data: { header: key, column: '', ...data },
      location: loc,
    });
  };
  const keepExtra = (entry: number, header: string, f: RecordField) => {
    if (f.value === undefined) return;
    const text = Array.isArray(f.value) ? f.value.map((v) => rawText(v)).join('、') : f.value;
    if (!isBlank(text as RawCell)) builder.putExtra(entry, header, text as RawCell, f.loc);
  };
  const overrides = builder.index.overridesFor(recordKeys(records));
  for (const record of records) {
    const entry = builder.startEntry(record.loc);
    // The key that filled each field: a second key naming the same field is kept aside, not overwriting it.
    const filledBy = new Map<string, string>();
    for (const f of record.fields) {
      const header = f.group === undefined ? f.key : `${f.group}/${f.key}`;
      const pointer = resolveKey(builder.index, f.key, f.group, kind, overrides);
      if (pointer === undefined) {
        if (f.group !== undefined || !builder.index.knownColumn(f.key)) unknown(header, f.loc, 'unknownKey');
        keepExtra(entry, header, f);
        continue;
      }
      if (hasValue(f.value)) {
        const target = Array.isArray(f.value) ? pointer : builder.fieldFor(pointer, f.value as RawCell);
        const first = filledBy.get(target);
        if (first !== undefined && normalizeHeader(first) !== normalizeHeader(header)) {
          unknown(header, f.loc, 'duplicateKey', { first });
          keepExtra(entry, header, f);
          continue;
        }
        filledBy.set(target, header);
      }
      if (Array.isArray(f.value)) {
        const kindOfValue = valueKind(pointer);
        if (kindOfValue === 'format' || kindOfValue === 'tags' || kindOfValue === 'codes') {
          builder.putList(entry, pointer, f.value, f.loc);
        } else builder.put(entry, pointer, f.value.map((v) => rawText(v)).join('、'), f.loc);
      } else builder.put(entry, pointer, f.value as RawCell | undefined, f.loc);
    }
    for (const item of record.items) {
      const i = builder.startItem(entry, item.loc);
      for (const f of item.fields) {
        const pattern = resolveItemKey(builder.index, f.key, kind);
        if (pattern === undefined) {
          unknown(f.key, f.loc, 'unknownItemKey');
          continue;
        }
        const value = Array.isArray(f.value) ? f.value.map((v) => rawText(v)).join('、') : f.value;
        builder.putItem(entry, i, pattern, value as RawCell | undefined, f.loc);
      }
      builder.finishItem(entry, i);
    }
  }
}
