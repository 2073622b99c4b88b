// Pairing the entries of two catalog versions: by resource code, then by name and provider.
import type { EntryData } from '../model/types.js';

/** Trimmed text with inner whitespace collapsed, or '' (numbers as their text). */
export function text(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  return value.replace(/\s+/g, ' ').trim();
}

/** One pair of entries (either side may be missing: added or removed). */
export interface EntryPair {
  old?: number;
  new?: number;
  match?: 'code' | 'name-provider';
}

/** A code that names a different resource in the new version. */
export interface ReusedCode {
  code: string;
  old: number;
  new: number;
}

/** The pairing of two versions. */
export interface Pairing {
  /** Pairs in new-version order, then removed entries in old-version order. */
  pairs: EntryPair[];
  reused: ReusedCode[];
}

function identity(e: EntryData): string {
  return `${text(e.name)}\u0000${text(e.provider)}`;
}

function queues(entries: readonly EntryData[], key: (e: EntryData) => string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const k = key(e);
    if (k === '' || k === '\u0000') return;
    const q = map.get(k);
    if (q) q.push(i);
    else map.set(k, [i]);
  });
  return map;
}

/**
 * Pairs entries. A code present in both versions pairs its entries when they are the same resource: the same
 * name, or the same provider with a new name while neither name-and-provider survives elsewhere (a rename).
 * Otherwise the code was reused for a different resource. Entries left over pair by name and provider
 * (a resource whose code changed or was missing); the rest are added or removed.
 */
export function pairEntries(before: readonly EntryData[], after: readonly EntryData[]): Pairing {
  const oldIds = new Set(before.map(identity));
  const newIds = new Set(after.map(identity));
  const byCode = queues(before, (e) => text(e.code));
  const oldTaken = new Array<boolean>(before.length).fill(false);
  const partner = new Array<number>(after.length).fill(-1);
  const how: EntryPair['match'][] = new Array(after.length);
  const reused: ReusedCode[] = [];
  after.forEach((e, j) => {
    const code = text(e.code);
    const i = code ? byCode.get(code)?.shift() : undefined;
    if (i === undefined) return;
    const o = before[i]!;
    const sameName = text(o.name) === text(e.name);
    const renamed =
      text(o.provider) === text(e.provider) && !newIds.has(identity(o)) && !oldIds.has(identity(e));
    if (sameName || renamed) {
      oldTaken[i] = true;
      partner[j] = i;
      how[j] = 'code';
    } else reused.push({ code, old: i, new: j });
  });
  const byIdentity = new Map<string, number[]>();
  before.forEach((o, i) => {
    if (oldTaken[i] || text(o.name) === '') return;
    const k = identity(o);
    const q = byIdentity.get(k);
    if (q) q.push(i);
    else byIdentity.set(k, [i]);
  });
  after.forEach((e, j) => {
    if (partner[j] !== -1 || text(e.name) === '') return;
    const i = byIdentity.get(identity(e))?.shift();
    if (i === undefined) return;
    oldTaken[i] = true;
    partner[j] = i;
    how[j] = 'name-provider';
  });
  const pairs: EntryPair[] = after.map((_, j) =>
    partner[j] === -1 ? { new: j } : { old: partner[j]!, new: j, match: how[j]! },
  );
  before.forEach((_, i) => {
    if (!oldTaken[i]) pairs.push({ old: i });
  });
  return { pairs, reused };
}
