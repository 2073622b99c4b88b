// Reads the canonical JSON catalog form (and JSONL: one entry per line), safely: size, depth, prototype keys.
import { CatalogInputError } from '../../errors.js';
import type { CatalogKind, EntryData, LocationMap, ParsedCatalog, ParsedEntry } from '../../model/types.js';
import type { ReadOptions, ReadSource } from './types.js';

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Measures nesting depth without recursion (so 100,000 levels cannot overflow the stack). */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Parses JSON into prototype-free objects: `__proto__` and `constructor` become plain own keys. */
export function safeJsonParse(text: string): unknown {
  return JSON.parse(text, function reviver(this: unknown, _key: string, value: unknown) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const clean = Object.create(null) as Record<string, unknown>;
      for (const k of Object.keys(value)) clean[k] = (value as Record<string, unknown>)[k];
      return clean;
    }
    return value;
  });
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function locationsFor(base: string, data: unknown): LocationMap {
  const map: LocationMap = new Map();
  const walk = (node: unknown, pointer: string, depth: number) => {
    map.set(pointer, { pointer: `${base}${pointer}` });
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) walk(node[i], `${pointer}/${i}`, depth + 1);
    } else for (const [k, v] of Object.entries(node)) walk(v, `${pointer}/${k}`, depth + 1);
  };
  walk(data, '', 0);
  return map;
}

function detectKind(entries: unknown[]): CatalogKind {
  for (const e of entries) {
    if (e && typeof e === 'object' && ('share' in e || 'classification' in e)) return 'shared';
  }
  return entries.length === 0 ? 'shared' : 'open';
}

function toEntries(list: unknown[], basePointer: (i: number) => string): ParsedEntry[] {
  return list.map((data, index) => ({
    index,
    data: (data ?? {}) as EntryData,
    locations: locationsFor(basePointer(index), data),
    normalizations: [],
  }));
}

function parseText(source: ReadSource, text: string, options: ReadOptions): unknown {
  if (jsonDepthExceeds(text, options.limits.maxDepth)) {
    throw new CatalogInputError('input/limit', 'input.jsonTooDeep', {
      file: source.name,
      limit: options.limits.maxDepth,
    });
  }
  try {
    return safeJsonParse(text);
  } catch (err) {
    throw new CatalogInputError('input/malformed', 'input.jsonMalformed', {
      file: source.name,
      reason: (err as Error).message,
    });
  }
}

function resolveKind(
  declared: unknown,
  entries: unknown[],
  options: ReadOptions,
  file: string,
): Pick<ParsedCatalog, 'kind' | 'kindSource'> {
  if (options.kind !== 'auto') return { kind: options.kind, kindSource: 'option' };
  if (declared !== undefined) {
    if (declared !== 'shared' && declared !== 'open') {
      throw new CatalogInputError('input/malformed', 'input.unknownKind', { file, kind: String(declared) });
    }
    return { kind: declared, kindSource: 'declared' };
  }
  return { kind: detectKind(entries), kindSource: 'detected' };
}

/** Reads a canonical JSON catalog: `{ kind, title?, entries: [...] }` or a bare array of entries. */
export function readJson(source: ReadSource, options: ReadOptions): ParsedCatalog {
  const text = stripBom(decoder.decode(source.bytes));
  const doc = parseText(source, text, options);
  let entries: unknown[];
  let declared: unknown;
  let title: string | undefined;
  let base: (i: number) => string;
  if (Array.isArray(doc)) {
    entries = doc;
    base = (i) => `/${i}`;
  } else if (doc && typeof doc === 'object' && Array.isArray((doc as { entries?: unknown }).entries)) {
    const d = doc as { entries: unknown[]; kind?: unknown; title?: unknown };
    entries = d.entries;
    declared = d.kind;
    if (typeof d.title === 'string') title = d.title;
    base = (i) => `/entries/${i}`;
  } else {
    throw new CatalogInputError('input/malformed', 'input.notCatalog', { file: source.name });
  }
  if (entries.length > options.limits.maxEntries) {
    throw new CatalogInputError('input/limit', 'input.tooManyEntries', {
      file: source.name,
      count: entries.length,
      limit: options.limits.maxEntries,
    });
  }
  const parsed: ParsedCatalog = {
    file: source.name,
    format: 'json',
    ...resolveKind(declared, entries, options, source.name),
    entries: toEntries(entries, base),
    notices: [],
  };
  if (title !== undefined) parsed.title = title;
  return parsed;
}

/** Reads JSON Lines: one entry object per non-empty line. */
export function readJsonl(source: ReadSource, options: ReadOptions): ParsedCatalog {
  const text = stripBom(decoder.decode(source.bytes));
  const entries: unknown[] = [];
  const lines: number[] = [];
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i]!.trim();
    if (line === '') continue;
    if (entries.length >= options.limits.maxEntries) {
      throw new CatalogInputError('input/limit', 'input.tooManyEntries', {
        file: source.name,
        count: entries.length + 1,
        limit: options.limits.maxEntries,
      });
    }
    try {
      entries.push(parseText(source, line, options));
    } catch (err) {
      if (err instanceof CatalogInputError && err.code === 'input/malformed') {
        throw new CatalogInputError('input/malformed', 'input.jsonMalformed', {
          file: source.name,
          reason: `line ${i + 1}: ${err.data.reason}`,
        });
      }
      throw err;
    }
    lines.push(i + 1);
  }
  const parsed: ParsedCatalog = {
    file: source.name,
    format: 'jsonl',
    ...resolveKind(undefined, entries, options, source.name),
    entries: toEntries(entries, (i) => `/${i}`),
    notices: [],
  };
  // JSONL has a natural row: the line number.
  parsed.entries.forEach((e, i) => {
    for (const loc of e.locations.values()) loc.row = lines[i]!;
  });
  return parsed;
}
