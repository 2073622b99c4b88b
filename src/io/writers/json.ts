// The canonical JSON (and JSON Lines) writer: keys in schema order, two-space indentation, final newline.
import type { EntryData } from '../../model/types.js';
import { getSchema, SCHEMA_IDS, type SchemaObject } from '../../schema/ajv.js';
import type { WritableCatalog } from './columns.js';

type Json = Record<string, unknown>;

let order: { entry: string[]; item: string[]; share: string[]; open: string[] } | undefined;

function keysOf(id: string): string[] {
  return Object.keys((getSchema(id).properties as SchemaObject | undefined) ?? {});
}

/** Key order of each object, read from the schemas (the order of Appendix 1). */
function keyOrder() {
  order ??= {
    entry: keysOf(SCHEMA_IDS.entry),
    item: keysOf(SCHEMA_IDS.dataItem),
    share: keysOf(`${SCHEMA_IDS.entry.replace('entry.schema.json', 'share-attributes.schema.json')}`),
    open: keysOf(`${SCHEMA_IDS.entry.replace('entry.schema.json', 'open-attributes.schema.json')}`),
  };
  return order;
}

function ordered(
  value: unknown,
  keys: readonly string[],
  child?: (key: string, v: unknown) => unknown,
): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const src = value as Json;
  const out: Json = {};
  const take = (k: string) => {
    if (!Object.hasOwn(src, k) || src[k] === undefined) return;
    // defineProperty keeps keys such as __proto__ as plain data (no prototype change).
    Object.defineProperty(out, k, {
      value: child ? child(k, src[k]) : src[k],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };
  for (const k of keys) take(k);
  for (const k of Object.keys(src)) if (!keys.includes(k)) take(k);
  return out;
}

/** An entry with its keys (and those of its items, share and open attributes) in schema order. */
export function canonicalEntry(entry: EntryData): Json {
  const o = keyOrder();
  return ordered(entry, o.entry, (key, v) => {
    if (key === 'items' && Array.isArray(v)) return v.map((item) => ordered(item, o.item));
    if (key === 'share') return ordered(v, o.share);
    if (key === 'open') return ordered(v, o.open);
    return v;
  }) as Json;
}

/** The canonical catalog object (schemas/catalog.schema.json). */
export function canonicalCatalog(catalog: WritableCatalog): Json {
  const out: Json = { version: 1, kind: catalog.kind };
  if (catalog.title !== undefined) out.title = catalog.title;
  out.entries = catalog.entries.map(canonicalEntry);
  return out;
}

const encoder = new TextEncoder();

/** Writes the canonical JSON form. */
export function writeJson(catalog: WritableCatalog): Uint8Array {
  return encoder.encode(`${JSON.stringify(canonicalCatalog(catalog), null, 2)}\n`);
}

/** Writes JSON Lines: one canonical entry per line. */
export function writeJsonl(catalog: WritableCatalog): Uint8Array {
  return encoder.encode(catalog.entries.map((e) => `${JSON.stringify(canonicalEntry(e))}\n`).join(''));
}
