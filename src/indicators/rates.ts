// Conformance rates computed from diagnostics (never by rules): naming, metadata, completeness, ….
import type { Category, Rate, RateEntryRef, Severity } from '../generated/schema-types.js';
import type { CatalogKind, ParsedCatalog } from '../model/types.js';
import { cycleOf, dayNumber, lastUpdateOf } from '../rules/helpers/staleness.js';
import type { Diagnostic } from '../rules/types.js';
import type { Seeds } from '../seeds/index.js';
import { getOrCreate } from '../util/maps.js';

/** A rate that counts entries without findings of some categories. */
export interface CategoryRateDefinition {
  id: string;
  /** i18n message id of its name. */
  labelId: string;
  categories: readonly Category[];
}

/** The category rates of spec §5 (C2-1 ①②③, C2-2 ③ and their D counterparts). */
export const CATEGORY_RATES: readonly CategoryRateDefinition[] = [
  { id: 'naming', labelId: 'rate.naming', categories: ['naming'] },
  { id: 'metadata', labelId: 'rate.metadata', categories: ['metadata', 'code', 'field'] },
  { id: 'completeness', labelId: 'rate.completeness', categories: ['completeness'] },
  { id: 'classification', labelId: 'rate.classification', categories: ['classification'] },
];

/** Every rate id govcat computes, in display order (input-driven ones only when their input is given). */
export const RATE_IDS = [
  'naming',
  'metadata',
  'completeness',
  'classification',
  'structured',
  'published',
  'mounted',
  'interface',
  'update',
  'timely',
] as const;
export type RateId = (typeof RATE_IDS)[number];

/** The default severities that make an entry non-conforming. */
export const DEFAULT_COUNT_SEVERITIES: readonly Severity[] = ['error'];

/** What the rates need to know of a rule that ran. */
export interface RateRule {
  id: string;
  category: Category;
  kinds?: readonly CatalogKind[];
}

/** The rule whose findings make an entry late for the update rates (C2-4, D2-4). */
export const STALE_RULE = 'dataset/stale-update';

/** Options of the rate computation. */
export interface RateOptions {
  /** Severities that make an entry non-conforming (default: errors only). */
  countSeverities?: readonly Severity[];
  /**
   * The rules that ran. When given, a category rate no rule measures for the catalog's kind is not assessed
   * (no points for 分级分类合理率 of an open catalog), and the update rates come from dataset/stale-update.
   */
  rules?: readonly RateRule[];
  /** Today as CCYY-MM-DD (update dates after it are not judged). */
  today?: string;
}

/** Label used for entries whose provider is blank. */
export const NO_PROVIDER = '（未填写）';

/** Trimmed non-empty string or undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/** conforming / total, or null when total is 0. */
export function ratio(conforming: number, total: number): number | null {
  return total === 0 ? null : conforming / total;
}

/**
 * Whether an entry is a structured resource as D2-3 counts it (000 D2-3 注①, D1-1 注①: 库表及接口资源): one of
 * its formats is a database, a database table or an API. Spreadsheet, CSV and JSON files are not.
 */
export function isStructuredEntry(format: unknown, seeds: Seeds): boolean {
  if (!Array.isArray(format)) return false;
  const vocab = seeds.vocab('resource-format');
  return format.some((f) => {
    if (typeof f !== 'string') return false;
    const hit = vocab.lookup(f);
    return hit ? vocab.isTableOrApi(hit.term) : false;
  });
}

/** A rate that no rule measures for this catalog: nothing to count, and the reason. */
function notAssessed(label: string, reason: string): Rate {
  return {
    label,
    conforming: 0,
    total: 0,
    rate: null,
    failing: [],
    byProvider: {},
    unit: 'entry',
    notAssessed: reason,
  };
}

/** The provider an entry is counted under in the per-provider breakdown. */
export function providerOf(catalog: ParsedCatalog, index: number): string {
  return str(catalog.entries[index]?.data.provider) ?? NO_PROVIDER;
}

/** A reference to an entry for failing lists. */
export function entryRef(catalog: ParsedCatalog, index: number): RateEntryRef {
  const data = catalog.entries[index]!.data;
  const out: RateEntryRef = { entry: index };
  const name = str(data.name);
  const code = str(data.code);
  const provider = str(data.provider);
  if (name) out.name = name;
  if (code) out.resourceCode = code;
  if (provider) out.provider = provider;
  return out;
}

/** Each entry's provider as a slot number, and the slots' names: worked out once for all the rates of a file. */
export interface ProviderSlots {
  of: Int32Array;
  names: string[];
}

/** The provider slots of a catalog's entries (providerOf of each entry, numbered in order of appearance). */
export function providerSlots(catalog: ParsedCatalog): ProviderSlots {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const of = new Int32Array(catalog.entries.length);
  for (let i = 0; i < of.length; i++) {
    const provider = providerOf(catalog, i);
    let id = ids.get(provider);
    if (id === undefined) {
      id = names.length;
      ids.set(provider, id);
      names.push(provider);
    }
    of[i] = id;
  }
  return { of, names };
}

/**
 * An entry-based rate over `population` (default: every entry): an entry conforms unless it is in
 * `failing`. Fills byProvider (providers in order of first appearance in the population) and the sorted
 * failing list.
 */
export function entryRate(
  catalog: ParsedCatalog,
  label: string,
  failing: { has(index: number): boolean },
  population?: readonly number[],
  providers?: ProviderSlots,
): Rate {
  const slots = providers ?? providerSlots(catalog);
  const total = new Int32Array(slots.names.length);
  const ok = new Int32Array(slots.names.length);
  const order: number[] = [];
  let conforming = 0;
  const failed: number[] = [];
  const count = population ? population.length : catalog.entries.length;
  for (let k = 0; k < count; k++) {
    const i = population ? population[k]! : k;
    const slot = slots.of[i]!;
    const seen = total[slot]!;
    total[slot] = seen + 1;
    if (seen === 0) order.push(slot);
    if (failing.has(i)) failed.push(i);
    else {
      ok[slot] = ok[slot]! + 1;
      conforming++;
    }
  }
  const byProvider: NonNullable<Rate['byProvider']> = {};
  for (const slot of order) {
    const n = total[slot]!;
    byProvider[slots.names[slot]!] = { conforming: ok[slot]!, total: n, rate: ratio(ok[slot]!, n) };
  }
  return {
    label,
    conforming,
    total: count,
    rate: ratio(conforming, count),
    failing: failed.sort((a, b) => a - b).map((i) => entryRef(catalog, i)),
    byProvider,
    unit: 'entry',
  };
}

/**
 * Findings per failing entry of each category rate (what fixing an entry costs), used to say
 * “fix N findings to pass 80%”. Keyed by rate id, then entry index.
 */
export type RateWeights = Record<string, Map<number, number>>;

/** Computes the category and structured rates of one file plus the findings count per failing entry. */
export function computeRatesDetailed(
  catalog: ParsedCatalog,
  diagnostics: readonly Diagnostic[],
  seeds: Seeds,
  options: RateOptions = {},
): { rates: Record<string, Rate>; weights: RateWeights } {
  const severities = [...(options.countSeverities ?? DEFAULT_COUNT_SEVERITIES)];
  const counted = new Set<Severity>(severities);
  const perCategory = new Map<Category, Map<number, number>>();
  for (const d of diagnostics) {
    if (d.entry === null || !counted.has(d.severity)) continue;
    const m = getOrCreate(perCategory, d.category, () => new Map<number, number>());
    m.set(d.entry, (m.get(d.entry) ?? 0) + 1);
  }
  // Labels and reasons are message ids here: the report's edge renders them (localizeRates).
  const label = (id: string) => id;
  const rates: Record<string, Rate> = {};
  const weights: RateWeights = {};
  const applies = (r: RateRule) => !r.kinds || r.kinds.includes(catalog.kind);
  // Each entry's provider once for all the rates below, not once per rate.
  const providers = providerSlots(catalog);
  for (const def of CATEGORY_RATES) {
    if (options.rules && !options.rules.some((r) => applies(r) && def.categories.includes(r.category))) {
      rates[def.id] = notAssessed(
        label(def.labelId),
        label(`rate.notAssessed.${catalog.kind === 'open' ? 'open' : 'shared'}`),
      );
      weights[def.id] = new Map();
      continue;
    }
    const w = new Map<number, number>();
    for (const c of def.categories)
      for (const [i, n] of perCategory.get(c) ?? []) w.set(i, (w.get(i) ?? 0) + n);
    rates[def.id] = {
      ...entryRate(catalog, label(def.labelId), w, undefined, providers),
      severities,
      source: 'diagnostics',
    };
    weights[def.id] = w;
  }
  // Whether each entry is structured, once for the structured rate and the timely one.
  const structuredFlags = new Uint8Array(catalog.entries.length);
  const unstructured = new Set<number>();
  catalog.entries.forEach((e, i) => {
    if (isStructuredEntry(e.data.format, seeds)) structuredFlags[i] = 1;
    else unstructured.add(i);
  });
  rates.structured = {
    ...entryRate(catalog, label('rate.structured'), unstructured, undefined, providers),
    source: 'format',
  };
  weights.structured = new Map([...unstructured].map((i) => [i, 1]));
  if (options.rules?.some((r) => r.id === STALE_RULE && applies(r))) {
    // Only catalogs that state update dates show their timeliness; the others need an update log.
    Object.assign(
      rates,
      updateRates(catalog, diagnostics, seeds, counted, label, options.today, providers, structuredFlags) ??
        {},
    );
    weights.update = new Map([...(rates.update?.failing ?? [])].map((f) => [f.entry, 1]));
    weights.timely = new Map([...(rates.timely?.failing ?? [])].map((f) => [f.entry, 1]));
  }
  return { rates, weights };
}

/**
 * The update rates from the catalog itself, when no update log is given: 数据更新率 (C2-4) over every entry
 * whose cycle and last update can be judged, counted per entry (a catalog holds one update date, not the
 * update history), and D2-4's share over those that are structured data sets (库表、接口); an entry with a
 * dataset/stale-update finding is late.
 */
function updateRates(
  catalog: ParsedCatalog,
  diagnostics: readonly Diagnostic[],
  seeds: Seeds,
  counted: ReadonlySet<Severity>,
  label: (id: string) => string,
  today: string | undefined,
  providers: ProviderSlots,
  structuredFlags: Uint8Array,
): Record<string, Rate> | undefined {
  const late = new Set<number>();
  for (const d of diagnostics)
    if (d.ruleId === STALE_RULE && d.entry !== null && counted.has(d.severity)) late.add(d.entry);
  const todayNumber = today === undefined ? undefined : dayNumber(today);
  const judged: number[] = [];
  const structured: number[] = [];
  catalog.entries.forEach((e, i) => {
    const last = lastUpdateOf(e.data);
    if (!cycleOf(seeds, e.data) || last === undefined) return;
    if (todayNumber !== undefined && last > todayNumber) return;
    judged.push(i);
    if (structuredFlags[i] === 1) structured.push(i);
  });
  if (judged.length === 0) return undefined;
  const source = { source: 'diagnostics' as const, severities: [...counted] };
  return {
    update: { ...entryRate(catalog, label('rate.update'), late, judged, providers), ...source },
    timely: { ...entryRate(catalog, label('rate.timely'), late, structured, providers), ...source },
  };
}

/** Computes the rates of one file. */
export function computeRates(
  catalog: ParsedCatalog,
  diagnostics: readonly Diagnostic[],
  seeds: Seeds,
  options: RateOptions = {},
): Record<string, Rate> {
  return computeRatesDetailed(catalog, diagnostics, seeds, options).rates;
}
