// diffCatalogs: what changed between two validated versions of a catalog. Pure: runs in a browser as well.
import type {
  CatalogDiff,
  DiffEntryRef,
  DiffSideSummary,
  EntryDiff,
  Finding,
  FindingChanges,
  Rate,
  RateChange,
  Score,
  ScoreChange,
} from '../generated/schema-types.js';
import type { EntryData } from '../model/types.js';
import { compareFields, compareItems } from './compare.js';
import { diffFinding, type FindingKey, matchFindings, stableField } from './findings.js';
import { type EntryPair, pairEntries, text } from './match.js';

/** One version as diffCatalogs needs it: its entries and its validation results. */
export interface DiffSide {
  /** File name shown in the output. */
  file: string;
  /** Entries in file order (the reader's normalized values). */
  entries: readonly EntryData[];
  /** The findings of the version's report (entry indexes refer to `entries`). */
  findings: readonly Finding[];
  /** Finding counts by severity including any beyond a findings cap (default: counted from findings). */
  counts?: { error: number; warning: number; info: number };
  /** The version's rates (report.files[].rates or report.rates). */
  rates?: Readonly<Record<string, Rate | undefined>>;
  /** The version's score under a profile. */
  score?: Score;
}

/** Options of diffCatalogs. */
export interface DiffOptions {
  /** The tool version written into the output (default 0.0.0). */
  toolVersion?: string;
  /** List unchanged entries too (default: only entries that changed or whose findings changed). */
  includeUnchanged?: boolean;
}

function ref(entries: readonly EntryData[], index: number): DiffEntryRef {
  const e = entries[index]!;
  const out: DiffEntryRef = { entry: index };
  const code = text(e.code);
  const name = text(e.name);
  const provider = text(e.provider);
  if (code) out.code = code;
  if (name) out.name = name;
  if (provider) out.provider = provider;
  return out;
}

function sideSummary(side: DiffSide): DiffSideSummary {
  const counts = side.counts ?? { error: 0, warning: 0, info: 0 };
  if (!side.counts) for (const f of side.findings) counts[f.severity]++;
  return {
    file: side.file,
    entries: side.entries.length,
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
  };
}

function byEntry(findings: readonly Finding[]): { perEntry: Map<number, Finding[]>; catalog: Finding[] } {
  const perEntry = new Map<number, Finding[]>();
  const catalog: Finding[] = [];
  for (const f of findings) {
    if (f.entry === null) {
      catalog.push(f);
      continue;
    }
    const list = perEntry.get(f.entry);
    if (list) list.push(f);
    else perEntry.set(f.entry, [f]);
  }
  return { perEntry, catalog };
}

/** The key of a finding within one entry pair: rule and field, items by name. */
function entryKey(entries: readonly EntryData[]): FindingKey {
  return (f) => {
    const items = f.entry === null ? undefined : entries[f.entry]?.items;
    const name = (i: number) =>
      Array.isArray(items) ? text((items[i] as { name?: unknown })?.name) : undefined;
    return `${f.ruleId}\u0000${stableField(f.location.field, name)}`;
  };
}

const catalogKey: FindingKey = (f) =>
  `${f.ruleId}\u0000${stableField(f.location.field)}\u0000${f.messageId ?? ''}`;

function compareFindingLists(
  before: readonly Finding[],
  after: readonly Finding[],
  keyBefore: FindingKey,
  keyAfter: FindingKey,
): FindingChanges {
  const m = matchFindings(before, after, keyBefore, keyAfter);
  return {
    new: after.filter((_, i) => !m.existing[i]).map(diffFinding),
    fixed: m.fixed.map(diffFinding),
    open: m.existing.filter(Boolean).length,
  };
}

function pointOf(rate: Rate | undefined): RateChange['before'] {
  if (!rate || rate.notAssessed !== undefined) return undefined;
  return { conforming: rate.conforming, total: rate.total, rate: rate.rate };
}

function rateChanges(before: DiffSide['rates'], after: DiffSide['rates']): RateChange[] {
  const ids = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  const out: RateChange[] = [];
  for (const id of ids) {
    const b = before?.[id];
    const a = after?.[id];
    const change: RateChange = { id, label: a?.label ?? b?.label ?? id };
    const pb = pointOf(b);
    const pa = pointOf(a);
    if (!pb && !pa) continue;
    if (pb) change.before = pb;
    if (pa) change.after = pa;
    out.push(change);
  }
  return out;
}

function scoreChange(before: Score | undefined, after: Score | undefined): ScoreChange | undefined {
  if (!before || !after) return undefined;
  const old = new Map(before.indicators.map((i) => [i.id, i]));
  return {
    profile: after.profile.id,
    before: before.aggregate?.all ?? before.totals.net,
    after: after.aggregate?.all ?? after.totals.net,
    indicators: after.indicators
      .filter((i) => i.status !== 'not-applicable' || old.get(i.id)?.status !== 'not-applicable')
      .map((i) => ({ id: i.id, title: i.title, before: old.get(i.id)?.net ?? 0, after: i.net })),
  };
}

/**
 * What changed between two versions of a catalog: entries added, removed and changed (field by field, data
 * items, share/open attributes), codes reused for another resource or changed for the same one, findings new,
 * fixed and still open per entry, and every rate and the score before → after.
 *
 * Entries pair by resource code, then by name and provider (the `match` of each entry says which); findings
 * pair by rule and field within an entry pair, never by row number.
 */
export function diffCatalogs(before: DiffSide, after: DiffSide, options: DiffOptions = {}): CatalogDiff {
  const { pairs, reused } = pairEntries(before.entries, after.entries);
  const oldF = byEntry(before.findings);
  const newF = byEntry(after.findings);
  const oldKey = entryKey(before.entries);
  const newKey = entryKey(after.entries);
  const summary: CatalogDiff['summary'] = {
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
    recoded: 0,
    codeReused: reused.length,
    findings: { new: 0, fixed: 0, open: 0, newErrors: 0 },
  };
  const count = (fc: FindingChanges) => {
    summary.findings.new += fc.new.length;
    summary.findings.fixed += fc.fixed.length;
    summary.findings.open += fc.open;
    summary.findings.newErrors += fc.new.filter((f) => f.severity === 'error').length;
  };
  const entries: EntryDiff[] = [];
  for (const p of pairs) {
    const d = entryDiff(p, before, after);
    d.findings = compareFindingLists(
      p.old === undefined ? [] : (oldF.perEntry.get(p.old) ?? []),
      p.new === undefined ? [] : (newF.perEntry.get(p.new) ?? []),
      oldKey,
      newKey,
    );
    count(d.findings);
    summary[d.status]++;
    if (d.recoded) summary.recoded++;
    const findingsMoved = d.findings.new.length + d.findings.fixed.length > 0;
    if (d.status !== 'unchanged' || findingsMoved || options.includeUnchanged) entries.push(d);
  }
  const catalogFindings = compareFindingLists(oldF.catalog, newF.catalog, catalogKey, catalogKey);
  count(catalogFindings);
  const out: CatalogDiff = {
    version: 1,
    tool: { name: 'govcat', version: options.toolVersion ?? '0.0.0' },
    old: sideSummary(before),
    new: sideSummary(after),
    summary,
    entries,
    codeReused: reused.map((r) => ({
      code: r.code,
      old: ref(before.entries, r.old),
      new: ref(after.entries, r.new),
    })),
    catalogFindings,
    rates: rateChanges(before.rates, after.rates),
  };
  const score = scoreChange(before.score, after.score);
  if (score) out.score = score;
  return out;
}

function entryDiff(p: EntryPair, before: DiffSide, after: DiffSide): EntryDiff {
  const empty = { new: [], fixed: [], open: 0 };
  if (p.new === undefined)
    return { status: 'removed', old: ref(before.entries, p.old!), changes: [], findings: empty };
  if (p.old === undefined)
    return { status: 'added', new: ref(after.entries, p.new), changes: [], findings: empty };
  const a = before.entries[p.old]!;
  const b = after.entries[p.new]!;
  const from = text(a.code);
  const to = text(b.code);
  const recoded = from !== '' && to !== '' && from !== to;
  const d: EntryDiff = {
    status: 'unchanged',
    match: p.match!,
    old: ref(before.entries, p.old),
    new: ref(after.entries, p.new),
    changes: compareFields(a, b, recoded),
    findings: empty,
  };
  if (recoded) d.recoded = { from, to };
  const items = compareItems(a, b);
  if (items) d.items = items;
  if (recoded || items || d.changes.length > 0) d.status = 'changed';
  return d;
}
