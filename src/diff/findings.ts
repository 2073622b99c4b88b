// Matching findings across two versions by rule, resource and field (never by row): new, fixed, still open.
import type { DiffFinding, Finding } from '../generated/schema-types.js';

/** How one finding is identified across versions: a key without row numbers. */
export type FindingKey = (finding: Finding) => string;

/** `items[3].type` → `items[*].type` (or the item's name when known): item positions move between versions. */
export function stableField(
  field: string | undefined,
  itemName?: (index: number) => string | undefined,
): string {
  if (!field) return '';
  return field.replace(/items\[(\d+)\]/g, (_, n: string) => `items[${itemName?.(Number(n)) ?? '*'}]`);
}

/**
 * The key of a finding when only reports are at hand (a baseline report): rule, resource code (the entry's
 * name when it has no code), field. Catalog-wide findings are keyed by rule, field and message id.
 */
export function reportFindingKey(f: Finding): string {
  const field = stableField(f.location.field);
  if (f.entry === null) return `${f.ruleId}\u0000#catalog\u0000${field}\u0000${f.messageId ?? ''}`;
  const who = f.resourceCode ? `code:${f.resourceCode}` : `name:${f.entryName ?? ''}`;
  return `${f.ruleId}\u0000${who}\u0000${field}`;
}

/** The outcome of matching: for each new finding whether it existed before, and the old ones that are gone. */
export interface FindingMatch {
  /** Per new finding (same order): true when the old version had it too. */
  existing: boolean[];
  /** Old findings with no counterpart (fixed, or gone with their entry). */
  fixed: Finding[];
}

/**
 * Matches findings as multisets by key: three findings of one key before and four after make one new.
 * The earliest findings of a key count as the existing ones.
 */
export function matchFindings(
  before: readonly Finding[],
  after: readonly Finding[],
  keyBefore: FindingKey,
  keyAfter: FindingKey = keyBefore,
): FindingMatch {
  const pool = new Map<string, Finding[]>();
  for (const f of before) {
    const k = keyBefore(f);
    const list = pool.get(k);
    if (list) list.push(f);
    else pool.set(k, [f]);
  }
  const taken = new Map<string, number>();
  const existing = after.map((f) => {
    const k = keyAfter(f);
    const n = taken.get(k) ?? 0;
    const have = pool.get(k)?.length ?? 0;
    if (n < have) {
      taken.set(k, n + 1);
      return true;
    }
    return false;
  });
  const fixed: Finding[] = [];
  for (const [k, list] of pool) for (const f of list.slice(taken.get(k) ?? 0)) fixed.push(f);
  return { existing, fixed };
}

/** A finding as the diff lists it. */
export function diffFinding(f: Finding): DiffFinding {
  const out: DiffFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message };
  if (f.location.field) out.field = f.location.field;
  if (f.location.cell) out.cell = f.location.cell;
  else if (f.location.row !== undefined) out.cell = `${f.location.row}`;
  return out;
}
