// Pairing the entries of two catalog versions: by resource code, then by name and provider.
import type { EntryData } from '../model/types.js';

/** Trimmed text with inner whitespace collapsed, or '' (numbers as their text). */
export function text(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  // Most values have no runs of whitespace: skip the replace for them.
  return NEEDS_COLLAPSE.test(value) ? value.replace(/\s+/g, ' ').trim() : value.trim();
}

const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v\u00a0\u3000]/;

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

/**
 * Pairs entries. A code present in both versions pairs its entries when they are the same resource: the same
 * name, or the same provider with a new name while neither name-and-provider survives elsewhere (a rename).
 * Otherwise the code was reused for a different resource. Entries left over pair by name and provider
 * (a resource whose code changed or was missing); the rest are added or removed.
 */
export function pairEntries(before: readonly EntryData[], after: readonly EntryData[]): Pairing {
  // Every key computed once: these loops run over every entry of both versions.
  const oldName = before.map((e) => text(e.name));
  const newName = after.map((e) => text(e.name));
  const oldProvider = before.map((e) => text(e.provider));
  const newProvider = after.map((e) => text(e.provider));
  const oldId = oldName.map((n, i) => `${n}\u0000${oldProvider[i]}`);
  const newId = newName.map((n, j) => `${n}\u0000${newProvider[j]}`);
  const oldIds = new Set(oldId);
  const newIds = new Set(newId);
  const byCode = new Map<string, number[]>();
  before.forEach((e, i) => {
    const code = text(e.code);
    if (code === '') return;
    const q = byCode.get(code);
    if (q) q.push(i);
    else byCode.set(code, [i]);
  });
  const oldTaken = new Array<boolean>(before.length).fill(false);
  const partner = new Array<number>(after.length).fill(-1);
  const how: EntryPair['match'][] = new Array(after.length);
  const reused: ReusedCode[] = [];
  after.forEach((e, j) => {
    const code = text(e.code);
    const i = code ? byCode.get(code)?.shift() : undefined;
    if (i === undefined) return;
    const sameName = oldName[i] === newName[j];
    const renamed = oldProvider[i] === newProvider[j] && !newIds.has(oldId[i]!) && !oldIds.has(newId[j]!);
    if (sameName || renamed) {
      oldTaken[i] = true;
      partner[j] = i;
      how[j] = 'code';
    } else reused.push({ code, old: i, new: j });
  });
  const byIdentity = new Map<string, number[]>();
  before.forEach((_, i) => {
    if (oldTaken[i] || oldName[i] === '') return;
    const q = byIdentity.get(oldId[i]!);
    if (q) q.push(i);
    else byIdentity.set(oldId[i]!, [i]);
  });
  after.forEach((_, j) => {
    if (partner[j] !== -1 || newName[j] === '') return;
    const i = byIdentity.get(newId[j]!)?.shift();
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
