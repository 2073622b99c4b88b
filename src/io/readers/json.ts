// Reads JSON and JSONL catalogs safely (size, depth, string length, prototype keys): the canonical schema form
// as is, and portal exports keyed by Chinese column names through the header aliases.
import { CatalogInputError } from '../../errors.js';
import { Deadline, type ResolvedLimits } from '../../limits.js';
import type { RawCell } from '../../model/grid.js';
import { decideKind, type HeaderIndex, headerIndex, type KindEvidence } from '../../model/headers.js';
import { PointerLocations } from '../../model/locations.js';
import {
  addRecords,
  anyKeyMaps,
  detectRecordKind,
  EntryBuilder,
  escapePointer,
  type KeyedRecord,
  type RecordField,
  valueContext,
} from '../../model/records.js';
import type {
  CatalogKind,
  EntryData,
  EntryPass,
  EntryStream,
  LocationMap,
  ParsedCatalog,
  ParsedEntry,
  SourceLocation,
  StreamedCatalog,
} from '../../model/types.js';
import { StringPool } from '../../util/strings.js';
import { decodeTextInput, decodeTextStream, type TextSink } from './encoding.js';
import { countRecords, type JsonBounds, JsonScanner, type JsonSplitHooks, scanJson } from './json-scan.js';
import { checkContent, extOf, sniffContent } from './sniff.js';
import { allBytes, type RangeSource, type ReadOptions, type ReadSource, SNIFF_BYTES } from './types.js';

/** Wrapper objects searched for the record array ({"data": {"list": [...]}}): at most this deep. */
const MAX_WRAPPER_DEPTH = 3;
/** Keys named in the “not a catalog” error. */
const MAX_LISTED_KEYS = 12;

/** Keys no catalog has and prototype-pollution payloads use. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walks the parsed document iteratively (JSON.parse makes `__proto__` an own key, never a prototype):
 * drops each object's prototype, throws `input/unsafe` on `__proto__` / `constructor` / `prototype` keys
 * and `input/limit` on a string or key longer than --max-cell-chars. Only containers go on the stack, and
 * the JSON Pointer of a finding is worked out only when there is one.
 */
function checkParsed(doc: unknown, file: string, limit: number, pool = new StringPool()): void {
  if (typeof doc === 'string' && doc.length > limit) throw stringTooLong(file, '/', doc.length, limit);
  if (doc === null || typeof doc !== 'object') return;
  // String values kept once per short text (see StringPool).
  const stack: object[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'string') {
          if (v.length > limit) throw stringTooLong(file, pointerTo(doc, node, String(i)), v.length, limit);
          node[i] = pool.keep(v);
        } else if (v !== null && typeof v === 'object') stack.push(v);
      }
      continue;
    }
    Object.setPrototypeOf(node, null);
    const record = node as Record<string, unknown>;
    for (const k in record) {
      if (PROTOTYPE_KEYS.has(k)) {
        throw new CatalogInputError('input/unsafe', 'readers.prototypeKey', {
          file,
          key: k,
          pointer: pointerTo(doc, node) || '/',
        });
      }
      if (k.length > limit) throw stringTooLong(file, pointerTo(doc, node) || '/', k.length, limit);
      const v = record[k];
      if (typeof v === 'string') {
        if (v.length > limit) throw stringTooLong(file, pointerTo(doc, node, k), v.length, limit);
        record[k] = pool.keep(v);
      } else if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}

function stringTooLong(file: string, pointer: string, count: number, limit: number): CatalogInputError {
  return new CatalogInputError('input/limit', 'readers.jsonStringTooLong', { file, pointer, count, limit });
}

/** The JSON Pointer of `target` (a container of `doc`), plus `key` when given; depth is bounded by the scan. */
function pointerTo(doc: object, target: object, key?: string): string {
  const find = (node: unknown, at: string): string | undefined => {
    if (node === target) return at;
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const hit = find(node[i], `${at}/${i}`);
        if (hit !== undefined) return hit;
      }
      return undefined;
    }
    for (const k in node as Record<string, unknown>) {
      const hit = find((node as Record<string, unknown>)[k], `${at}/${escapePointer(k)}`);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
  const base = find(doc, '') ?? '';
  return key === undefined ? base : `${base}/${escapePointer(key)}`;
}

function locationsFor(base: string, data: unknown): LocationMap {
  const map = new PointerLocations(base);
  const walk = (node: unknown, pointer: string, depth: number) => {
    map.add(pointer);
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) walk(node[i], `${pointer}/${i}`, depth + 1);
    } else for (const [k, v] of Object.entries(node)) walk(v, `${pointer}/${escapePointer(k)}`, depth + 1);
  };
  walk(data, '', 0);
  map.compact();
  return map;
}

/** The kind of canonical entries: sharing attributes or a classification mean shared, else open; none: no sign. */
function detectKind(entries: unknown[]): (KindEvidence & { kind: CatalogKind }) | undefined {
  const keys = new Set<string>();
  for (const e of entries) {
    if (!e || typeof e !== 'object') continue;
    for (const key of ['share', 'classification']) if (key in e) keys.add(key);
  }
  if (keys.size > 0)
    return { kind: 'shared', basis: keys.has('share') ? 'share' : 'code', headers: [...keys] };
  return entries.length === 0 ? undefined : { kind: 'open', basis: 'no-share', headers: [] };
}

function toEntries(list: unknown[], basePointer: (i: number) => string): ParsedEntry[] {
  return list.map((data, index) => ({
    index,
    data: (data ?? {}) as EntryData,
    locations: locationsFor(basePointer(index), data),
    normalizations: [],
  }));
}

function parseText(
  source: { name: string },
  text: string,
  limits: ResolvedLimits,
  bounds: Omit<JsonBounds, 'limits'> = {},
): { doc: unknown; nodes: number } {
  const nodes = scanJson(text, source.name, { limits, ...bounds });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CatalogInputError('input/malformed', 'input.jsonMalformed', {
      file: source.name,
      reason: (err as Error).message,
    });
  }
  checkParsed(doc, source.name, limits.maxCellChars);
  return { doc, nodes };
}

/**
 * Parses a JSON document as it is decoded (see JsonScanner): limits checked on the way, each entry parsed
 * as soon as its text ends, so the whole text never exists. Malformed text is parsed again whole, for the
 * error JSON.parse reports.
 */
function jsonSink(source: ReadSource | RangeSource, ext: string, limits: ResolvedLimits): TextSink<unknown> {
  const scanner = new JsonScanner(source.name, { limits }, true);
  return {
    write: (text) => scanner.write(text),
    end: () => {
      let doc = scanner.document();
      if (doc === undefined) {
        const { text } = decodeTextInput(allBytes(source.bytes), source.name, ext);
        doc = parseText(source, text, limits).doc;
      } else checkParsed(doc, source.name, limits.maxCellChars);
      return doc;
    },
  };
}

function declaredKind(declared: unknown, file: string): CatalogKind | undefined {
  if (declared === undefined) return undefined;
  if (declared !== 'shared' && declared !== 'open') {
    throw new CatalogInputError('input/malformed', 'input.unknownKind', { file, kind: String(declared) });
  }
  return declared;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** True when records use column names (数据资源名称, 标题 …) rather than the canonical English keys. */
function usesAliases(entries: readonly unknown[], index: HeaderIndex): boolean {
  for (const e of entries.slice(0, 50)) {
    if (!isObject(e)) continue;
    for (const key of Object.keys(e)) {
      if (index.pointers.has(`/${key}`) || key === 'extra' || key === 'items') continue;
      if (index.known(key) || index.groupOf(key)) return true;
    }
  }
  return false;
}

/** Keys of the canonical form besides the field names (kind and title are catalog-level, never in entries). */
const CANONICAL_EXTRA_KEYS = new Set(['extra', 'items', 'share', 'open']);

/**
 * True when records use the canonical English keys (name, provider, share …), or hold no keys at all
 * (an empty or null entry is canonical and empty). False when objects with keys name nothing canonical.
 */
function usesCanonical(entries: readonly unknown[], index: HeaderIndex): boolean {
  let keyed = false;
  for (const e of entries.slice(0, 50)) {
    if (!isObject(e)) continue;
    for (const key of Object.keys(e)) {
      keyed = true;
      if (index.pointers.has(`/${key}`) || CANONICAL_EXTRA_KEYS.has(key)) return true;
    }
  }
  return !keyed;
}

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function fieldValue(v: unknown): RawCell | RawCell[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (isPrimitive(v)) return v;
  if (Array.isArray(v) && v.every(isPrimitive)) return v as RawCell[];
  return JSON.stringify(v);
}

/** Turns one column-keyed JSON object into a keyed record (nested objects are groups, arrays of objects items). */
function toRecord(
  entry: Record<string, unknown>,
  pointer: string,
  index: HeaderIndex,
  loc: (pointer: string) => SourceLocation,
): KeyedRecord {
  const record: KeyedRecord = { loc: loc(pointer), fields: [], items: [] };
  for (const [key, value] of Object.entries(entry)) {
    const p = `${pointer}/${escapePointer(key)}`;
    const itemsGroup = key === 'items' || index.groupOf(key)?.some((g) => g.startsWith('/items'));
    if (itemsGroup && Array.isArray(value) && value.every(isObject)) {
      value.forEach((item, i) => {
        const ip = `${p}/${i}`;
        record.items.push({
          loc: loc(ip),
          fields: Object.entries(item).map(([k, v]) => ({
            key: k,
            value: fieldValue(v),
            loc: loc(`${ip}/${escapePointer(k)}`),
          })),
        });
      });
      continue;
    }
    if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        record.fields.push({
          key: k,
          group: key,
          value: fieldValue(v),
          loc: loc(`${p}/${escapePointer(k)}`),
        });
      }
      continue;
    }
    const field: RecordField = { key, value: fieldValue(value), loc: loc(p) };
    record.fields.push(field);
  }
  return record;
}

function fromRecords(
  source: { name: string },
  format: 'json' | 'jsonl',
  entries: unknown[],
  base: (i: number) => string,
  rows: readonly number[] | undefined,
  declared: CatalogKind | undefined,
  options: ReadOptions,
  index: HeaderIndex,
): ParsedCatalog {
  const records = entries.map((e, i) => {
    const row = rows?.[i];
    const loc = (pointer: string): SourceLocation => (row === undefined ? { pointer } : { row, pointer });
    return isObject(e) ? toRecord(e, base(i), index, loc) : { loc: loc(base(i)), fields: [], items: [] };
  });
  if (!anyKeyMaps(index, records)) throw noFieldMaps(source.name, entries, index);
  const { kind, kindSource, kindEvidence } = decideKind(options.kind, declared, () =>
    detectRecordKind(index, records),
  );
  const notices: ParsedCatalog['notices'] = [];
  const builder = new EntryBuilder(
    index,
    valueContext(options.seeds, false),
    options.limits.maxEntries,
    source.name,
    notices,
  );
  addRecords(builder, records, kind);
  const parsed: ParsedCatalog = {
    file: source.name,
    format,
    kind,
    kindSource,
    entries: builder.entries,
    notices,
  };
  if (kindEvidence) parsed.kindEvidence = kindEvidence;
  return parsed;
}

/** The keys of the first records, in order of appearance. */
function recordKeys(entries: readonly unknown[]): string[] {
  const keys = new Set<string>();
  for (const e of entries.slice(0, 50)) if (isObject(e)) for (const k of Object.keys(e)) keys.add(k);
  return [...keys];
}

/**
 * The file-level error for records none of whose keys names a catalog field: the keys found and the nearest
 * known headers, instead of entries with every field missing.
 */
function noFieldMaps(file: string, entries: readonly unknown[], index: HeaderIndex): CatalogInputError {
  const keys = recordKeys(entries);
  const nearest = keys.flatMap((k) => {
    const hit = index.nearest(k);
    return hit ? [`${k} → ${hit}`] : [];
  });
  return new CatalogInputError('input/no-header', 'readers.noFieldMaps', {
    file,
    headers: listKeys(keys),
    nearest: nearest.length > 0 ? listKeys(nearest) : '—',
  });
}

function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, MAX_LISTED_KEYS).join('、');
  return keys.length > MAX_LISTED_KEYS ? `${shown}…（${keys.length}）` : shown;
}

function canonical(
  source: { name: string },
  format: 'json' | 'jsonl',
  entries: unknown[],
  base: (i: number) => string,
  declared: CatalogKind | undefined,
  options: ReadOptions,
): ParsedCatalog {
  const { kind, kindSource, kindEvidence } = decideKind(options.kind, declared, () => detectKind(entries));
  const parsed: ParsedCatalog = {
    file: source.name,
    format,
    kind,
    kindSource,
    entries: toEntries(entries, base),
    notices: [],
  };
  if (kindEvidence) parsed.kindEvidence = kindEvidence;
  return parsed;
}

/**
 * Finds the record array of a document: the document itself, or an array under the wrapper keys of the seeds
 * (entries, data, list, obj …), looked up level by level ({"data": {"list": [...]}}). Returns the array
 * and its JSON Pointer, or the arrays and keys seen when there is none.
 */
function findRecords(
  doc: Record<string, unknown>,
  wrappers: readonly string[],
): { entries: unknown[]; path: string } | { keys: string[] } {
  let level: { node: Record<string, unknown>; path: string }[] = [{ node: doc, path: '' }];
  for (let depth = 0; depth < MAX_WRAPPER_DEPTH && level.length > 0; depth++) {
    const next: { node: Record<string, unknown>; path: string }[] = [];
    for (const { node, path } of level) {
      for (const key of wrappers) {
        const value = node[key];
        if (Array.isArray(value)) return { entries: value, path: `${path}/${escapePointer(key)}` };
        if (isObject(value)) next.push({ node: value, path: `${path}/${escapePointer(key)}` });
      }
    }
    level = next;
  }
  const keys = Object.entries(doc).map(([k, v]) =>
    Array.isArray(v) ? `${k}[${v.length}]` : isObject(v) ? `${k}{}` : k,
  );
  return { keys };
}

function tooMany(file: string, count: number, limit: number): CatalogInputError {
  return new CatalogInputError('input/limit', 'input.tooManyEntries', { file, count, limit });
}

/**
 * Reads a JSON catalog: `{ kind, title?, entries: [...] }`, a bare array of entries, or a portal export
 * wrapping its records in `data` / `records` / `list` / `rows` / `result`. Records keyed by column names
 * (标题, 来源部门 …) are mapped through the header aliases and normalized like spreadsheet cells; records
 * in the canonical form are validated exactly as written.
 */
export function readJson(source: ReadSource | RangeSource, options: ReadOptions): ParsedCatalog {
  const deadline = new Deadline(source.name, options.limits.timeoutMs);
  const ext = extOf(source.name, '.json');
  checkContent('json', sniffContent(source.bytes.subarray(0, SNIFF_BYTES)), source.name, ext);
  const doc = decodeTextStream(source.bytes, source.name, ext, () => jsonSink(source, ext, options.limits));
  deadline.check();
  return catalogOfDocument(source, doc, options, deadline);
}

/** The catalog of a parsed JSON document (see readJson). */
function catalogOfDocument(
  source: { name: string },
  doc: unknown,
  options: ReadOptions,
  deadline: Deadline,
): ParsedCatalog {
  const index = headerIndex(options.seeds.headerAliases);
  let entries: unknown[] | undefined;
  let declared: unknown;
  let title: string | undefined;
  let base: (i: number) => string = (i) => `/${i}`;
  if (Array.isArray(doc)) entries = doc;
  else if (isObject(doc)) {
    declared = doc.kind;
    if (typeof doc.title === 'string') title = doc.title;
    const found = findRecords(doc, index.jsonWrappers);
    if ('entries' in found) {
      entries = found.entries;
      base = (i) => `${found.path}/${i}`;
    } else {
      throw new CatalogInputError('input/malformed', 'input.notCatalogKeys', {
        file: source.name,
        keys: listKeys(found.keys) || '—',
        wrappers: index.jsonWrappers.join('、'),
      });
    }
  }
  if (!entries) throw new CatalogInputError('input/malformed', 'input.notCatalog', { file: source.name });
  if (entries.length > options.limits.maxEntries) {
    throw tooMany(source.name, entries.length, options.limits.maxEntries);
  }
  const kind = declaredKind(declared, source.name);
  const parsed =
    usesAliases(entries, index) || !usesCanonical(entries, index)
      ? fromRecords(source, 'json', entries, base, undefined, kind, options, index)
      : canonical(source, 'json', entries, base, kind, options);
  if (title !== undefined) parsed.title = title;
  deadline.check();
  return parsed;
}

/** Entries looked at to tell canonical records from column-keyed ones (as usesAliases and usesCanonical do). */
const SAMPLE = 50;

/**
 * Hands the entries of a canonical JSON catalog on as their text ends (see JsonScanner's hooks), when what
 * they are is known by then: the entries array is the top-level array or one under a wrapper key of the
 * top-level object, its first 50 entries are canonical, and the kind is forced or declared before it. Every
 * other document is kept whole and read as readJson reads it; so is one whose entries turn out otherwise
 * (a value the checks refuse, the kind declared again after them): then the file is read again, whole.
 */
class EntryHooks<P extends EntryPass> implements JsonSplitHooks {
  state: 'none' | 'sampling' | 'streaming' | 'kept' | 'lost' = 'none';
  /** The array the entries were handed from, and its pointer. */
  array: unknown[] | undefined;
  private base = '';
  kind: CatalogKind | undefined;
  kindSource: ParsedCatalog['kindSource'] = 'option';
  private readonly sample: unknown[] = [];
  count = 0;
  pass: P | undefined;
  private readonly index: HeaderIndex;
  private readonly pool = new StringPool(16_384);

  constructor(
    private readonly file: string,
    private readonly options: ReadOptions,
    private readonly stream: EntryStream<P>,
    private readonly deadline: Deadline,
  ) {
    this.index = headerIndex(options.seeds.headerAliases);
  }

  open(_array: number, depth: number, skeleton: readonly string[]): boolean {
    if (this.state !== 'none') return false;
    let declared: unknown;
    if (depth === 2) {
      const prefix = skeleton.join('');
      const key = /"((?:[^"\\]|\\.)*)"\s*:\s*$/.exec(prefix);
      let head: unknown;
      try {
        head = JSON.parse(`${prefix}null}`);
      } catch {
        return false;
      }
      const name = key ? (JSON.parse(`"${key[1]}"`) as string) : undefined;
      if (!isObject(head) || name === undefined || !this.index.jsonWrappers.includes(name)) return false;
      this.base = `/${escapePointer(name)}`;
      declared = head.kind;
    } else if (depth !== 1) return false;
    if (declared !== undefined && declared !== 'shared' && declared !== 'open') return false;
    if (this.options.kind !== 'auto') this.kind = this.options.kind;
    else if (declared !== undefined) {
      this.kind = declared as CatalogKind;
      this.kindSource = 'declared';
    } else return false;
    this.state = 'sampling';
    return true;
  }

  element(value: unknown, array: unknown[]): boolean {
    this.array = array;
    if (!this.checked(value)) {
      // A value the checks refuse: the whole document reports it, as readJson does.
      if (this.state === 'sampling') {
        this.keep(array);
        array.push(value);
      } else this.state = 'lost';
      return false;
    }
    if (this.state === 'sampling') {
      this.sample.push(value);
      if (this.sample.length < SAMPLE) return true;
      return this.decide(array);
    }
    this.take(value);
    return true;
  }

  close(array: unknown[]): void {
    this.array = array;
    if (this.state === 'sampling') this.decide(array);
  }

  /** Whether checkParsed lets a value through. */
  private checked(value: unknown): boolean {
    try {
      checkParsed(value, this.file, this.options.limits.maxCellChars, this.pool);
      return true;
    } catch (err) {
      if (!(err instanceof CatalogInputError)) throw err;
      return false;
    }
  }

  private keep(array: unknown[]): void {
    this.state = 'kept';
    array.push(...this.sample);
    this.sample.length = 0;
  }

  /** Streams the entries when the sample is canonical, else keeps them; whether it streams. */
  private decide(array: unknown[]): boolean {
    const { sample, index } = this;
    if (usesAliases(sample, index) || !usesCanonical(sample, index)) {
      this.keep(array);
      return false;
    }
    this.state = 'streaming';
    this.pass = this.stream.open(this.file, this.kind!);
    for (const value of sample) this.take(value);
    sample.length = 0;
    return true;
  }

  private take(value: unknown): void {
    const index = this.count++;
    const t = Date.now();
    this.pass!.entry({
      index,
      data: (value ?? {}) as EntryData,
      locations: locationsFor(`${this.base}/${index}`, value),
      normalizations: [],
    });
    this.deadline.extend(Date.now() - t);
  }
}

/** What one reading of a JSON text in a streaming pass gives: the document, with or without its entries. */
interface JsonRead<P extends EntryPass> {
  doc: unknown;
  hooks: EntryHooks<P>;
}

/**
 * Reads a JSON catalog as readJson does, handing its entries to `stream` as they are parsed when the document
 * allows it (see EntryHooks), else once the whole document is read.
 */
export function streamJson<P extends EntryPass>(
  source: ReadSource | RangeSource,
  options: ReadOptions,
  stream: EntryStream<P>,
): StreamedCatalog<P> {
  const deadline = new Deadline(source.name, options.limits.timeoutMs);
  const ext = extOf(source.name, '.json');
  checkContent('json', sniffContent(source.bytes.subarray(0, SNIFF_BYTES)), source.name, ext);
  const read = decodeTextStream(
    source.bytes,
    source.name,
    ext,
    (): TextSink<JsonRead<P>> => {
      const hooks = new EntryHooks(source.name, options, stream, deadline);
      const scanner = new JsonScanner(source.name, { limits: options.limits }, true, hooks);
      return { write: (text) => scanner.write(text), end: () => ({ doc: scanner.document(), hooks }) };
    },
    STREAM_STEP,
  );
  deadline.check();
  const streamed = read.hooks.state === 'streaming' ? streamedHead(source, read, options) : undefined;
  if (streamed) return streamed;
  // Read as readJson reads: the document kept whole, or read again when its entries went elsewhere first.
  const doc =
    read.doc !== undefined && (read.hooks.state === 'none' || read.hooks.state === 'kept')
      ? checkedDocument(source, read.doc, options)
      : undefined;
  const { entries, ...head } =
    doc === undefined ? readJson(source, options) : catalogOfDocument(source, doc, options, deadline);
  const pass = stream.open(head.file, head.kind);
  for (const entry of entries) pass.entry(entry);
  return { head, pass };
}

/** Bytes decoded per step while streaming (see the CSV reader's). */
const STREAM_STEP = 64 * 1024;

/** A document kept whole, checked as jsonSink checks it (undefined: the text was not well-formed JSON). */
function checkedDocument(source: ReadSource | RangeSource, doc: unknown, options: ReadOptions): unknown {
  checkParsed(doc, source.name, options.limits.maxCellChars);
  return doc;
}

/**
 * The catalog of a document whose entries were handed on, when it is what readJson would read: the same
 * document checks, the same entries array, the same kind. Undefined otherwise (the file is read again).
 */
function streamedHead<P extends EntryPass>(
  source: { name: string },
  read: JsonRead<P>,
  options: ReadOptions,
): StreamedCatalog<P> | undefined {
  const { doc, hooks } = read;
  if (doc === undefined || !hooks.pass || hooks.count > options.limits.maxEntries) return undefined;
  try {
    checkParsed(doc, source.name, options.limits.maxCellChars);
  } catch (err) {
    if (err instanceof CatalogInputError) return undefined;
    throw err;
  }
  let title: string | undefined;
  let declared: unknown;
  if (isObject(doc)) {
    const found = findRecords(doc, headerIndex(options.seeds.headerAliases).jsonWrappers);
    if (!('entries' in found) || found.entries !== hooks.array) return undefined;
    declared = doc.kind;
    if (typeof doc.title === 'string') title = doc.title;
  } else if (doc !== hooks.array) return undefined;
  if (declared !== undefined && declared !== 'shared' && declared !== 'open') return undefined;
  const decided = decideKind(options.kind, declared as CatalogKind | undefined, () => undefined);
  if (decided.kind !== hooks.kind || decided.kindSource !== hooks.kindSource) return undefined;
  const head: StreamedCatalog<P>['head'] = {
    file: source.name,
    format: 'json',
    kind: decided.kind,
    kindSource: decided.kindSource,
    notices: [],
  };
  if (title !== undefined) head.title = title;
  return { head, pass: hooks.pass };
}

/** Reads JSON Lines: one entry object per non-empty line (canonical or column-keyed, like JSON). */
export function readJsonl(source: ReadSource, options: ReadOptions): ParsedCatalog {
  const deadline = new Deadline(source.name, options.limits.timeoutMs);
  const ext = extOf(source.name, '.jsonl');
  checkContent('jsonl', sniffContent(source.bytes), source.name, ext);
  const { text } = decodeTextInput(source.bytes, source.name, ext);
  const records = countRecords(text);
  if (records > options.limits.maxEntries) throw tooMany(source.name, records, options.limits.maxEntries);
  const entries: unknown[] = [];
  const lines: number[] = [];
  // Line by line without splitting the whole text (millions of short lines would be millions of strings).
  let nodes = 0;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const record = text.slice(start, end).trim();
    start = end + 1;
    if ((line & 0xfff) === 0) deadline.check();
    if (record === '') continue;
    if (entries.length >= options.limits.maxEntries) {
      throw tooMany(source.name, entries.length + 1, options.limits.maxEntries);
    }
    try {
      const parsed = parseText(source, record, options.limits, { entries: false, nodesBefore: nodes });
      nodes = parsed.nodes;
      entries.push(parsed.doc);
    } catch (err) {
      if (err instanceof CatalogInputError && err.code === 'input/malformed') {
        throw new CatalogInputError('input/malformed', 'input.jsonMalformed', {
          file: source.name,
          reason: `line ${line + 1}: ${err.data.reason}`,
        });
      }
      throw err;
    }
    lines.push(line + 1);
  }
  const index = headerIndex(options.seeds.headerAliases);
  if (usesAliases(entries, index) || !usesCanonical(entries, index)) {
    return fromRecords(source, 'jsonl', entries, (i) => `/${i}`, lines, undefined, options, index);
  }
  const parsed = canonical(source, 'jsonl', entries, (i) => `/${i}`, undefined, options);
  // JSONL has a natural row: the line number.
  parsed.entries.forEach((e, i) => {
    if (e.locations instanceof PointerLocations) e.locations.setRow(lines[i]!);
    else for (const loc of e.locations.values()) loc.row = lines[i]!;
  });
  return parsed;
}
