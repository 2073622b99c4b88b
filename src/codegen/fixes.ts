// Safe fixes compile applies to every entry: spelling changes that need no judgement (whitespace, width, dates …).
import type { EntryData, Normalization } from '../model/types.js';
import type { Seeds, Vocabulary } from '../seeds/index.js';
import { cloneData, getAt, setAt } from './pointer.js';

/** A fix kind: the reader normalization kinds. */
export type FixKind = Normalization['kind'];

/** Entry fields holding codes (with each of 关联资源代码): full-width characters and inner spaces are removed. */
const CODE_KEYS = new Set(['classification', 'code', 'providerCode']);
/** Free-text item fields: line breaks are content, so only the ends are trimmed. */
const TEXT_ITEM_FIELDS = new Set(['description', 'codeValue']);
const DATE_FIELDS = ['/publishDate', '/updateDate'];
const BOOLEAN_ITEM_FIELDS = ['primaryKey', 'notNull', 'standardCode'];
const INTEGER_ITEM_FIELDS = ['fieldLength', 'fieldScale'];

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** A real calendar date? */
function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[m - 1]!;
}

const DATE_FORMS = [
  // 2021-7-13, 2021/07/13, 2021.7.13, 2021年7月13日, optionally with a time of day but no time zone
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  // 20210713
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A date written another way as CCYY-MM-DD; undefined when it is not a recognizable real date. */
export function normalizeDate(value: string): string | undefined {
  const text = toHalfWidth(value).trim();
  for (const form of DATE_FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!isRealDate(y, mo, d)) return undefined;
    return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return undefined;
}

const TYPE_SYNTAX = /^([^()]+?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/;

/**
 * A data type spelled differently, in canonical form: full-width brackets and commas, spaces and the
 * letter's case or Chinese name (C（18）, c (18), 字符型(18) → C(18)). Words the vocabulary lists only as
 * synonyms (VARCHAR2 …) keep their name; only their brackets are normalized.
 */
export function normalizeDataType(value: string, seeds: Seeds): string {
  const text = toHalfWidth(value).trim();
  const m = TYPE_SYNTAX.exec(text);
  if (!m) return text;
  const hit = seeds.vocab('data-type').lookup(m[1]!);
  const base = hit && hit.kind !== 'synonym' ? String(hit.term.value) : m[1]!.trim();
  if (m[2] === undefined) return base;
  return `${base}(${m[2]}${m[3] !== undefined ? `,${m[3]}` : ''})`;
}

const LIST_SEPARATORS = /[,，、;；|\n]+/;

/** Splits a list written as text (“xls、json”, “['xls', 'json']”, lines) into its values. */
export function splitList(value: string, separators: RegExp = LIST_SEPARATORS): string[] {
  let text = value.trim();
  if (/^\[.*\]$/s.test(text)) text = text.slice(1, -1);
  return text
    .split(separators)
    .map((part) =>
      part
        .trim()
        .replace(/^(['"])(.*)\1$/s, '$2')
        .trim(),
    )
    .filter((part) => part !== '');
}

const INTEGER_TEXT = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;

function escapeSegment(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}

/**
 * How the strings directly inside the object at `pointer` are cleaned: codes lose all spaces and become
 * half-width; free texts (摘要, conditions, extra columns, item notes) are only trimmed; other fields are
 * one line, so inner runs of whitespace collapse to one space.
 */
function styleOf(pointer: string): (key: string) => 'code' | 'text' | 'line' {
  if (pointer === '') return (key) => (CODE_KEYS.has(key) ? 'code' : key === 'summary' ? 'text' : 'line');
  if (pointer === '/relatedCodes') return () => 'code';
  if (pointer === '/extra') return () => 'text';
  if (pointer === '/share' || pointer === '/open') return (key) => (key === 'condition' ? 'text' : 'line');
  if (/^\/items\/\d+$/.test(pointer)) return (key) => (TEXT_ITEM_FIELDS.has(key) ? 'text' : 'line');
  return () => 'line';
}

/** The fixes made to one entry: the new data and what changed. The input data is not modified. */
export interface EntryFixes {
  data: EntryData;
  changes: Normalization[];
}

/**
 * Applies the safe fixes to one entry: trims every text (and collapses inner whitespace in one-line
 * fields), makes codes half-width without spaces, writes dates as CCYY-MM-DD, replaces equivalent
 * vocabulary spellings with their canonical value (无条件共享 → 1, 是 → 1, XLSX → xlsx), writes data
 * types as C(18), turns numeric texts into numbers and list texts into lists. Synonyms (每天 for 每日)
 * are not changed here: rules propose those as fixes, so their severity and suppressions apply.
 */
export function applySafeFixes(entry: EntryData, seeds: Seeds): EntryFixes {
  const data = cloneData(entry);
  const changes: Normalization[] = [];
  const change: Change = (field, kind, to) => {
    const from = getAt(data, field);
    if (from === to) return;
    setAt(data, field, to);
    // Snapshots: a later fix may change the same list in place.
    changes.push({ field, kind, from: cloneData(from), to: cloneData(to) });
  };
  fixListTexts(data, change);
  fixWhitespace(data, changes);
  fixDates(data, change);
  fixVocabularySpellings(data, seeds, change);
  // Numbers written as text.
  const count = getAt(data, '/recordCount');
  if (typeof count === 'string' && INTEGER_TEXT.test(count))
    change('/recordCount', 'number', Number(count.replace(/,/g, '')));
  fixItems(data, seeds, changes);
  return { data, changes };
}

/** Sets a field to a fixed value and records the change (nothing when it is equal already). */
type Change = (field: string, kind: FixKind, to: unknown) => void;

/** 1. Lists written as text (before whitespace, which would merge values written on separate lines). */
function fixListTexts(data: EntryData, change: Change): void {
  for (const field of ['/format', '/tags']) {
    const v = getAt(data, field);
    if (typeof v === 'string' && v.trim() !== '') change(field, 'list', splitList(v));
  }
  const related = getAt(data, '/relatedCodes');
  if (typeof related === 'string' && related.trim() !== '')
    change('/relatedCodes', 'list', splitList(toHalfWidth(related), /[,，、;；|\s]+/));
}

/** 2. Whitespace (and width in codes) on every string, changed in place through its parent. */
function fixWhitespace(data: EntryData, changes: Normalization[]): void {
  const record = (field: string, kind: FixKind, from: unknown, to: unknown) =>
    changes.push({ field, kind, from, to });
  const visitString = (
    parent: Record<string, unknown> | unknown[],
    key: string | number,
    pointer: string,
    style: 'code' | 'text' | 'line',
  ): void => {
    const node = (parent as Record<string | number, unknown>)[key] as string;
    if (style === 'code') {
      const compact = node.replace(/\s+/g, '');
      if (compact !== node) record(pointer, 'whitespace', node, compact);
      const half = toHalfWidth(compact);
      if (half !== compact) record(pointer, 'width', compact, half);
      (parent as Record<string | number, unknown>)[key] = half;
      return;
    }
    const next = style === 'text' ? node.trim() : node.trim().replace(/\s+/g, ' ');
    if (next === node) return;
    record(pointer, 'whitespace', node, next);
    (parent as Record<string | number, unknown>)[key] = next;
  };
  const visit = (node: unknown, pointer: string, style: (key: string) => 'code' | 'text' | 'line'): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child = `${pointer}/${i}`;
        if (typeof node[i] === 'string') visitString(node, i, child, style(String(i)));
        else visit(node[i], child, styleOf(child));
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const child = `${pointer}/${escapeSegment(key)}`;
      if (typeof obj[key] === 'string') visitString(obj, key, child, style(key));
      else visit(obj[key], child, styleOf(child));
    }
  };
  visit(data, '', styleOf(''));
}

/** 3. Dates as CCYY-MM-DD. */
function fixDates(data: EntryData, change: Change): void {
  for (const field of DATE_FIELDS) {
    const v = getAt(data, field);
    if (typeof v !== 'string') continue;
    const date = normalizeDate(v);
    if (date !== undefined && date !== v) change(field, 'date', date);
  }
}

/** 4. Vocabulary spellings → canonical values (value and equivalent forms only, never synonyms). */
function fixVocabularySpellings(data: EntryData, seeds: Seeds, change: Change): void {
  const canonical = (vocab: Vocabulary, field: string) => {
    const v = getAt(data, field);
    if (typeof v !== 'string' && typeof v !== 'number') return;
    const hit = vocab.lookup(v);
    if (!hit || hit.kind === 'synonym') return;
    if (hit.term.value !== v) change(field, 'form', hit.term.value);
  };
  // Each vocabulary names its fields in seeds/; data types are handled with their length below.
  for (const vocab of seeds.vocabularies.values()) {
    for (const field of vocab.fields) {
      if (field.includes('*')) continue;
      const v = getAt(data, field);
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) canonical(vocab, `${field}/${i}`);
      else canonical(vocab, field);
    }
  }
}

/** 6. Data items: type syntax, integers, yes/no flags (on the item objects: catalogs hold many items). */
function fixItems(data: EntryData, seeds: Seeds, changes: Normalization[]): void {
  const items = getAt(data, '/items');
  if (!Array.isArray(items)) return;
  const flags = seeds.vocab('open-flag');
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Record<string, unknown> | null;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const set = (key: string, kind: FixKind, to: unknown) => {
      changes.push({ field: `/items/${i}/${key}`, kind, from: item[key], to });
      item[key] = to;
    };
    const type = item.type;
    if (typeof type === 'string') {
      const fixed = normalizeDataType(type, seeds);
      if (fixed !== type) set('type', 'type-syntax', fixed);
    }
    for (const f of INTEGER_ITEM_FIELDS) {
      const v = item[f];
      if (typeof v === 'string' && INTEGER_TEXT.test(v)) set(f, 'number', Number(v.replace(/,/g, '')));
    }
    for (const f of BOOLEAN_ITEM_FIELDS) {
      const v = item[f];
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      const hit = flags.lookup(v);
      if (hit && hit.kind !== 'synonym') set(f, 'form', hit.term.value === 1);
    }
  }
}
