// Turns a raw cell (or XML/JSON value) into the schema form of its field, recording every normalization.
import type { Vocabulary } from '../seeds/vocabulary.js';
import type { DateCell, RawCell } from './grid.js';
import {
  type DateReading,
  formatDataType,
  formatDate,
  numberText,
  parseDataType,
  readCount,
  readDateNumber,
  readDateText,
  splitList,
  toHalfWidth,
} from './normalize.js';
import type { Normalization } from './types.js';

/** How a field's value is read. */
export type ValueKind =
  | 'text'
  | 'code'
  | 'codes'
  | 'format'
  | 'tags'
  | 'date'
  | 'share-type'
  | 'open-flag'
  | 'count'
  | 'bool'
  | 'data-type';

const KINDS: Readonly<Record<string, ValueKind>> = {
  '/classification': 'code',
  '/code': 'code',
  '/providerCode': 'code',
  '/relatedCodes': 'codes',
  '/format': 'format',
  '/tags': 'tags',
  '/publishDate': 'date',
  '/updateDate': 'date',
  '/share/type': 'share-type',
  '/open/open': 'open-flag',
  '/recordCount': 'count',
  '/items/*/fieldLength': 'count',
  '/items/*/fieldScale': 'count',
  '/items/*/primaryKey': 'bool',
  '/items/*/notNull': 'bool',
  '/items/*/standardCode': 'bool',
  '/items/*/type': 'data-type',
};

/** The value kind of a field pattern (/items/*\/type); text when not listed. */
export function valueKind(pattern: string): ValueKind {
  return KINDS[pattern] ?? 'text';
}

/** Vocabularies and workbook settings the conversion needs. */
export interface ValueContext {
  shareType: Vocabulary;
  openFlag: Vocabulary;
  dataType: Vocabulary;
  /** Any vocabulary by id (for values routed by vocabulary, seeds/header-aliases.json valueRoutes). */
  vocab: (id: string) => Vocabulary | undefined;
  /** Workbook uses the 1904 date system. */
  date1904: boolean;
  /** Headers of the template's classification pickers (类, 项, 目), read into 数据资源分类 (model/picks.ts). */
  pickers: readonly string[];
}

/** A converted value and what was normalized to get it. */
export interface Converted {
  value: unknown;
  normalizations: Normalization[];
}

const NONE: Normalization[] = [];
const DIGITS = /^\d+$/;

/** Display text of a date cell: its formatted text when known, else CCYY-MM-DD. */
function dateCellText(cell: DateCell): string {
  return cell.text ?? formatDate(cell);
}

/** Plain text of any raw value (numbers without exponents, dates as shown). */
export function rawText(raw: RawCell): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') return numberText(raw);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return dateCellText(raw);
}

function one(field: string, kind: Normalization['kind'], from: unknown, to: unknown): Normalization[] {
  return [{ field, kind, from, to }];
}

function text(field: string, raw: RawCell): Converted {
  const source = rawText(raw);
  const value = source.trim();
  return { value, normalizations: value !== source ? one(field, 'whitespace', source, value) : NONE };
}

/**
 * A number Excel cannot hold exactly as a code: more than 15 significant digits (Excel keeps 15 and pads
 * with zeros, 114501000075600007 → 114501000075600000) or not an integer. Kept as a number so the rules
 * can say the cell is numeric (metadata/numeric-code) instead of judging the damaged digits.
 */
export function isLostNumber(value: number): boolean {
  return !Number.isSafeInteger(value) || Math.abs(value) >= 1e15;
}

function code(field: string, raw: RawCell): Converted {
  if (typeof raw === 'number' && isLostNumber(raw)) return { value: raw, normalizations: NONE };
  const source = rawText(raw);
  const trimmed = source.trim();
  const value = toHalfWidth(trimmed);
  if (value !== trimmed) return { value, normalizations: one(field, 'width', trimmed, value) };
  return { value, normalizations: value !== source ? one(field, 'whitespace', source, value) : NONE };
}

function list(field: string, raw: RawCell, style: 'format' | 'tags' | 'codes'): Converted {
  const source = rawText(raw);
  const half = style === 'codes' ? toHalfWidth(source) : source;
  const reading = splitList(half, style);
  const out: Normalization[] = [];
  if (half !== source) out.push({ field, kind: 'width', from: source.trim(), to: reading.values });
  if (reading.split) out.push({ field, kind: 'list', from: source, to: reading.values });
  return { value: reading.values, normalizations: out };
}

function fromReading(field: string, reading: DateReading, shown: string, fallback: unknown): Converted {
  if (reading.status === 'canonical') return { value: reading.value, normalizations: NONE };
  if (reading.status === 'normalized') {
    return { value: reading.value, normalizations: one(field, 'date', shown, reading.value) };
  }
  return { value: fallback, normalizations: NONE };
}

function date(field: string, raw: RawCell, ctx: ValueContext): Converted {
  // A date cell is a date whatever Excel's display format (7/13/21, 2021年7月13日): nothing to report.
  if (typeof raw === 'object') return { value: formatDate(raw), normalizations: NONE };
  if (typeof raw === 'number') {
    return fromReading(field, readDateNumber(raw, ctx.date1904), numberText(raw), numberText(raw));
  }
  if (typeof raw === 'boolean') return text(field, raw);
  const trimmed = raw.trim();
  return fromReading(field, readDateText(trimmed, ctx.date1904), trimmed, trimmed);
}

function vocabulary(field: string, raw: RawCell, vocab: Vocabulary): Converted {
  if (typeof raw === 'number') return { value: raw, normalizations: NONE };
  const source = rawText(raw).trim();
  const half = toHalfWidth(source);
  const match = vocab.lookup(half);
  // Only the values and their equivalent forms are read; synonyms stay as written for the rules to judge.
  if (match && match.kind !== 'synonym') {
    const value = match.term.value;
    if (DIGITS.test(half)) return { value, normalizations: NONE };
    return { value, normalizations: one(field, 'form', source, value) };
  }
  return { value: source, normalizations: NONE };
}

function count(field: string, raw: RawCell): Converted {
  if (typeof raw === 'number') return { value: raw, normalizations: NONE };
  const source = rawText(raw).trim();
  const n = readCount(source);
  if (n === undefined) return { value: source, normalizations: NONE };
  return { value: n, normalizations: String(n) === source ? NONE : one(field, 'number', source, n) };
}

function bool(field: string, raw: RawCell, openFlag: Vocabulary): Converted {
  if (typeof raw === 'boolean') return { value: raw, normalizations: NONE };
  if (raw === 1 || raw === 0) return { value: raw === 1, normalizations: NONE };
  const source = rawText(raw).trim();
  const match = openFlag.lookup(toHalfWidth(source));
  if (!match) return { value: source, normalizations: NONE };
  const value = match.term.value === 1;
  const plain = /^(?:[01]|true|false)$/i.test(source);
  return { value, normalizations: plain ? NONE : one(field, 'form', source, value) };
}

const TYPE_CACHE = new WeakMap<Vocabulary, Map<string, string>>();

/** The canonical spelling of a data type text (cached: a catalog repeats a few dozen types). */
function canonicalType(source: string, vocab: Vocabulary): string {
  let cache = TYPE_CACHE.get(vocab);
  if (!cache) {
    cache = new Map();
    TYPE_CACHE.set(vocab, cache);
  }
  let value = cache.get(source);
  if (value === undefined) {
    const parts = parseDataType(source);
    const match = vocab.lookup(parts.base);
    if (match && match.kind !== 'synonym') parts.base = String(match.term.value);
    value = formatDataType(parts);
    if (cache.size < 10_000) cache.set(source, value);
  }
  return value;
}

function dataType(field: string, raw: RawCell, vocab: Vocabulary): Converted {
  const source = rawText(raw).trim();
  const value = canonicalType(source, vocab);
  return { value, normalizations: value !== source ? one(field, 'type-syntax', source, value) : NONE };
}

/**
 * Converts a non-blank raw value for the field at `pointer` (concrete, e.g. /items/2/type).
 * `pattern` is the pointer with indexes as `*`. Never throws: what cannot be read stays as text.
 */
export function convertValue(pointer: string, pattern: string, raw: RawCell, ctx: ValueContext): Converted {
  switch (valueKind(pattern)) {
    case 'code':
      return code(pointer, raw);
    case 'codes':
      return list(pointer, raw, 'codes');
    case 'format':
      return list(pointer, raw, 'format');
    case 'tags':
      return list(pointer, raw, 'tags');
    case 'date':
      return date(pointer, raw, ctx);
    case 'share-type':
      return vocabulary(pointer, raw, ctx.shareType);
    case 'open-flag':
      return vocabulary(pointer, raw, ctx.openFlag);
    case 'count':
      return count(pointer, raw);
    case 'bool':
      return bool(pointer, raw, ctx.openFlag);
    case 'data-type':
      return dataType(pointer, raw, ctx.dataType);
    default:
      return text(pointer, raw);
  }
}

/**
 * Completes a data type from separate length and scale columns: `C` + 18 → `C(18)`, `N` + 10 + 2 →
 * `N(10,2)`. Returns undefined when there is nothing to add.
 */
export function combineTypeLength(type: unknown, length: unknown, scale: unknown): string | undefined {
  if (typeof type !== 'string' || type === '' || typeof length !== 'number') return undefined;
  if (!Number.isInteger(length) || length < 0) return undefined;
  const parts = parseDataType(type);
  if (parts.length !== undefined) return undefined;
  parts.length = length;
  if (typeof scale === 'number' && Number.isInteger(scale) && scale >= 0) parts.scale = scale;
  return formatDataType(parts);
}
