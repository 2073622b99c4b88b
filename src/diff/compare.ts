// Field-by-field comparison of two versions of one entry: top-level fields, share/open attributes, data items.
import type { FieldChange, ItemChanges } from '../generated/schema-types.js';
import type { EntryData } from '../model/types.js';
import { text } from './match.js';

/** A canonical text of a value: object keys sorted, so key order never shows as a change. */
export function canonical(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(typeof value === 'string' ? value.trim() : value);
}

const NESTED = new Set(['share', 'open', 'extra']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function change(field: string, before: unknown, after: unknown): FieldChange {
  const out: FieldChange = { field };
  if (canonical(before) !== '') out.before = before;
  if (canonical(after) !== '') out.after = after;
  return out;
}

function compareFlat(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  prefix: string,
  skip: ReadonlySet<string>,
  out: FieldChange[],
): void {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    if (skip.has(k)) continue;
    const x = a[k];
    const y = b[k];
    if (prefix === '' && NESTED.has(k) && (isObject(x) || isObject(y))) {
      compareFlat(isObject(x) ? x : {}, isObject(y) ? y : {}, `${k}.`, new Set(), out);
      continue;
    }
    if (canonical(x) !== canonical(y)) out.push(change(`${prefix}${k}`, x, y));
  }
}

/** The changed fields of an entry, in field order (items and, when asked, the code left out). */
export function compareFields(a: EntryData, b: EntryData, skipCode: boolean): FieldChange[] {
  const out: FieldChange[] = [];
  const skip = new Set(skipCode ? ['items', 'code'] : ['items']);
  compareFlat(a as Record<string, unknown>, b as Record<string, unknown>, '', skip, out);
  return out;
}

function itemsOf(e: EntryData): Record<string, unknown>[] {
  return Array.isArray(e.items) ? e.items.map((it) => (isObject(it) ? it : {})) : [];
}

/** Data items matched by name: added, removed, and changed field by field. Undefined when nothing changed. */
export function compareItems(a: EntryData, b: EntryData): ItemChanges | undefined {
  const before = itemsOf(a);
  const after = itemsOf(b);
  const byName = new Map<string, number[]>();
  before.forEach((it, i) => {
    const k = text(it.name);
    const q = byName.get(k);
    if (q) q.push(i);
    else byName.set(k, [i]);
  });
  const taken = new Array<boolean>(before.length).fill(false);
  const out: ItemChanges = { added: [], removed: [], changed: [] };
  for (const it of after) {
    const name = text(it.name);
    const i = byName.get(name)?.shift();
    if (i === undefined) {
      out.added.push(name);
      continue;
    }
    taken[i] = true;
    const changes: FieldChange[] = [];
    compareFlat(before[i]!, it, '', new Set(), changes);
    if (changes.length > 0) out.changed.push({ name, changes });
  }
  before.forEach((it, i) => {
    if (!taken[i]) out.removed.push(text(it.name));
  });
  return out.added.length + out.removed.length + out.changed.length > 0 ? out : undefined;
}
