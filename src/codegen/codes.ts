// Resource-code assignment (spec §2): fill only missing codes, continuing after the highest sequence of the prefix.
import type { CodeLock, LockRecord } from '../generated/schema-types.js';
import type { EntryData } from '../model/types.js';
import { getOrCreate } from '../util/maps.js';

/** Separators a resource code may use between classification code and sequence number. */
export type CodeSeparator = CodeLock['separator'];

/** 类 1 digit (1/2/3) + 项 2 + 目 3 + 细目 any digits: the schema's classification-code pattern. */
export const CLASSIFICATION_PATTERN = /^[123][0-9]{2}[0-9]{3}[0-9]*$/;
const CODE_PATTERN = /^([0-9]+)([/._-])([0-9]+)$/;

/** A resource code split into its parts. */
export interface ParsedCode {
  prefix: string;
  separator: string;
  sequence: number;
  /** The sequence as written, e.g. "007". */
  digits: string;
}

/** Splits “301001001/12” into prefix, separator and sequence; undefined when it is not of that form. */
export function parseResourceCode(code: string): ParsedCode | undefined {
  const m = CODE_PATTERN.exec(code);
  if (!m) return undefined;
  const sequence = Number(m[3]);
  if (!Number.isSafeInteger(sequence)) return undefined;
  return { prefix: m[1]!, separator: m[2]!, sequence, digits: m[3]! };
}

/** Options of assignCodes. */
export interface CodegenOptions {
  /** Separator of generated codes (config codeSeparator, default “/”). */
  separator: CodeSeparator;
  /** Digits of the sequence number under a prefix that has no code yet (zero-padded); 1 = no padding. */
  sequenceWidth: number;
  /** The lock file's content, if any. */
  lock?: CodeLock;
  /** Whether a text only stands for “no value” (无, 待定 …): such a code counts as missing. */
  isPlaceholder?: (text: string) => boolean;
}

/** A code given to an entry that had none. */
export interface CodeAssignment {
  entry: number;
  code: string;
  classification: string;
  sequence: number;
  /** lock: the code the lock file holds for this resource; sequence: a new number. */
  source: 'lock' | 'sequence';
}

/** Why an entry got no code, or got a different code than its lock record. */
export type CodegenProblem =
  | { entry: number; kind: 'missing-classification' }
  | { entry: number; kind: 'invalid-classification'; classification: string }
  | { entry: number; kind: 'lock-code-taken'; code: string; other: number };

/** What assignCodes produces. The entries are not modified. */
export interface CodegenResult {
  assignments: CodeAssignment[];
  problems: CodegenProblem[];
  /** The lock updated with every code of the catalog. */
  lock: CodeLock;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

function codeOf(entry: EntryData): string | undefined {
  return typeof entry.code === 'number' ? String(entry.code) : text(entry.code);
}

/** Whether compile would give an entry a code: it has none, or a placeholder (无, 待定 …). */
export function needsCode(entry: EntryData, isPlaceholder?: (text: string) => boolean): boolean {
  const code = codeOf(entry);
  return code === undefined || (isPlaceholder?.(code) ?? false);
}

function lockKey(provider: string, name: string): string {
  return `${provider}\u0000${name}`;
}

function compareCodes(a: string, b: string): number {
  const pa = parseResourceCode(a);
  const pb = parseResourceCode(b);
  if (pa && pb) {
    if (pa.prefix !== pb.prefix) return pa.prefix < pb.prefix ? -1 : 1;
    if (pa.sequence !== pb.sequence) return pa.sequence - pb.sequence;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts lock records by classification prefix, then sequence number (the order written to disk). */
export function sortLockRecords(records: LockRecord[]): LockRecord[] {
  return records.sort(
    (a, b) =>
      compareCodes(a.code, b.code) ||
      (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

interface PrefixState {
  max: number;
  /** Widest zero-padded sequence seen (0 when none is padded). */
  padded: number;
}

/**
 * Assigns codes to entries without one (spec §2, guide 5.3): classification code + separator + the next
 * sequence number of that classification, after the highest number used in the catalog or the lock, in the
 * prefix's zero-padded width. Existing codes are never changed; entries whose classification is missing or
 * invalid get none. Same entries and lock → same codes.
 */
export function assignCodes(entries: readonly EntryData[], options: CodegenOptions): CodegenResult {
  const records: LockRecord[] = (options.lock?.codes ?? []).map((r) => ({ ...r }));
  const run = new CodeRun(entries, records, options);
  const assignments: CodeAssignment[] = [];
  for (const index of run.missing) {
    const assigned = run.assign(index);
    if (assigned) assignments.push(assigned);
  }
  return {
    assignments,
    problems: run.problems,
    lock: updateLock(entries, assignments, records, options.separator),
  };
}

/** Provider + name of an entry, the key its lock records are found by. */
function keyOf(entry: EntryData): string | undefined {
  const name = text(entry.name);
  const provider = text(entry.provider);
  return name && provider ? lockKey(provider, name) : undefined;
}

/** One assignment run: the codes taken, the highest sequence per prefix, the lock's active records by key. */
class CodeRun {
  readonly prefixes = new Map<string, PrefixState>();
  /** Code → the entry that carries it (-1: only in the lock). */
  readonly taken = new Map<string, number>();
  readonly claimed = new Set<string>();
  readonly active = new Map<string, LockRecord[]>();
  readonly missing: number[] = [];
  readonly problems: CodegenProblem[] = [];

  constructor(
    private readonly entries: readonly EntryData[],
    records: readonly LockRecord[],
    private readonly options: CodegenOptions,
  ) {
    entries.forEach((entry, index) => {
      const code = codeOf(entry);
      if (code === undefined || options.isPlaceholder?.(code)) this.missing.push(index);
      else {
        if (!this.taken.has(code)) this.taken.set(code, index);
        this.note(code);
      }
    });
    for (const r of records) {
      if (!this.taken.has(r.code)) this.taken.set(r.code, -1);
      this.note(r.code);
    }
    for (const r of records) {
      if (r.retired) continue;
      const key = lockKey(r.provider, r.name);
      const list = this.active.get(key);
      if (list) list.push(r);
      else this.active.set(key, [r]);
    }
  }

  /** Notes a code's prefix, sequence and zero-padded width. */
  private note(code: string): void {
    const parsed = parseResourceCode(code);
    if (!parsed) return;
    const state = getOrCreate(this.prefixes, parsed.prefix, () => ({ max: 0, padded: 0 }));
    state.max = Math.max(state.max, parsed.sequence);
    if (parsed.digits.length > 1 && parsed.digits.startsWith('0'))
      state.padded = Math.max(state.padded, parsed.digits.length);
  }

  /** The code of an entry without one: its lock record's, or the next sequence; undefined with a problem noted. */
  assign(index: number): CodeAssignment | undefined {
    const entry = this.entries[index]!;
    const classification =
      typeof entry.classification === 'number' ? String(entry.classification) : text(entry.classification);
    if (classification === undefined) {
      this.problems.push({ entry: index, kind: 'missing-classification' });
      return undefined;
    }
    if (!CLASSIFICATION_PATTERN.test(classification)) {
      this.problems.push({ entry: index, kind: 'invalid-classification', classification });
      return undefined;
    }
    return this.fromLock(index, entry, classification) ?? this.nextInSequence(index, classification);
  }

  /** The code the lock keeps for this resource under this classification, when no other entry carries it. */
  private fromLock(index: number, entry: EntryData, classification: string): CodeAssignment | undefined {
    const key = keyOf(entry);
    const candidates = (key ? (this.active.get(key) ?? []) : [])
      .filter((r) => parseResourceCode(r.code)?.prefix === classification && !this.claimed.has(r.code))
      .sort((a, b) => compareCodes(a.code, b.code));
    for (const r of candidates) {
      const holder = this.taken.get(r.code) ?? -1;
      if (holder >= 0) {
        // The code is in the catalog already: on a duplicate of this resource it is simply its own code.
        if (keyOf(this.entries[holder]!) !== key)
          this.problems.push({ entry: index, kind: 'lock-code-taken', code: r.code, other: holder });
        continue;
      }
      this.claimed.add(r.code);
      return {
        entry: index,
        code: r.code,
        classification,
        sequence: parseResourceCode(r.code)!.sequence,
        source: 'lock',
      };
    }
    return undefined;
  }

  /** The next free sequence number of the classification, in the prefix's width. */
  private nextInSequence(index: number, classification: string): CodeAssignment {
    const { separator, sequenceWidth } = this.options;
    const state = getOrCreate(this.prefixes, classification, () => ({ max: 0, padded: 0 }));
    const width = state.max === 0 && state.padded === 0 ? sequenceWidth : state.padded || 1;
    let sequence = state.max + 1;
    let code = `${classification}${separator}${String(sequence).padStart(width, '0')}`;
    while (this.taken.has(code) || this.claimed.has(code)) {
      sequence++;
      code = `${classification}${separator}${String(sequence).padStart(width, '0')}`;
    }
    state.max = sequence;
    if (width > 1) state.padded = Math.max(state.padded, width);
    this.claimed.add(code);
    return { entry: index, code, classification, sequence, source: 'sequence' };
  }
}

/** Records every code of the catalog in the lock; a code belongs to the resource that carries it now. */
function updateLock(
  entries: readonly EntryData[],
  assignments: readonly CodeAssignment[],
  records: LockRecord[],
  separator: CodeSeparator,
): CodeLock {
  const assignedTo = new Map(assignments.map((a) => [a.entry, a.code]));
  const byCode = new Map<string, LockRecord>();
  const kept: LockRecord[] = [];
  for (const r of records) {
    if (byCode.has(r.code)) continue;
    byCode.set(r.code, r);
    kept.push(r);
  }
  const catalogCodes = new Map<string, Set<string>>(); // key + prefix → codes the catalog gives it
  const owned = new Set<string>();
  entries.forEach((entry, index) => {
    const name = text(entry.name);
    const provider = text(entry.provider);
    const generated = assignedTo.get(index);
    const code = generated ?? text(entry.code);
    if (!name || !provider || code === undefined) return;
    const parsed = parseResourceCode(code);
    if (!parsed) return;
    const key = lockKey(provider, name);
    const bucket = `${key}\u0000${parsed.prefix}`;
    const set = catalogCodes.get(bucket);
    if (set) set.add(code);
    else catalogCodes.set(bucket, new Set([code]));
    const existing = byCode.get(code);
    // A code carried twice in the catalog (a code/unique error) stays with its first holder.
    if (owned.has(code)) return;
    owned.add(code);
    if (existing) {
      existing.name = name;
      existing.provider = provider;
      delete existing.retired;
    } else {
      const record: LockRecord = { name, provider, code, source: generated ? 'generated' : 'catalog' };
      byCode.set(code, record);
      kept.push(record);
    }
  });
  for (const r of kept) {
    const prefix = parseResourceCode(r.code)?.prefix;
    const set = catalogCodes.get(`${lockKey(r.provider, r.name)}\u0000${prefix}`);
    if (set && !set.has(r.code)) r.retired = true;
  }
  return { version: 1, separator, codes: sortLockRecords(kept) };
}
