// Conformance rates computed from diagnostics (never by rules): naming, metadata, completeness, ….
import type { Category, Rate, RateEntryRef, Severity } from '../generated/schema-types.js';
import type { ParsedCatalog } from '../model/types.js';
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

/** Options of the rate computation. */
export interface RateOptions {
  /** Severities that make an entry non-conforming (default: errors only). */
  countSeverities?: readonly Severity[];
  /** Label language. */
  label?: (id: string) => string;
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

/** Whether an entry's formats include a structured one (database, spreadsheet, table, API). */
export function isStructuredEntry(format: unknown, seeds: Seeds): boolean {
  if (!Array.isArray(format)) return false;
  const vocab = seeds.vocab('resource-format');
  return format.some((f) => {
    if (typeof f !== 'string') return false;
    const hit = vocab.lookup(f);
    return hit ? vocab.isStructured(hit.term) : false;
  });
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

/**
 * An entry-based rate over `population` (default: every entry): an entry conforms unless it is in
 * `failing`. Fills byProvider and the sorted failing list.
 */
export function entryRate(
  catalog: ParsedCatalog,
  label: string,
  failing: ReadonlySet<number>,
  population?: readonly number[],
): Rate {
  const indexes = population ?? catalog.entries.map((_, i) => i);
  const slots = new Map<string, { conforming: number; total: number; rate: number | null }>();
  let conforming = 0;
  const failed: number[] = [];
  for (const i of indexes) {
    const slot = getOrCreate(slots, providerOf(catalog, i), () => ({ conforming: 0, total: 0, rate: null }));
    slot.total++;
    if (failing.has(i)) failed.push(i);
    else {
      slot.conforming++;
      conforming++;
    }
  }
  const byProvider: NonNullable<Rate['byProvider']> = {};
  for (const [provider, slot] of slots)
    byProvider[provider] = { ...slot, rate: ratio(slot.conforming, slot.total) };
  return {
    label,
    conforming,
    total: indexes.length,
    rate: ratio(conforming, indexes.length),
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
  const label = options.label ?? ((id: string) => id);
  const rates: Record<string, Rate> = {};
  const weights: RateWeights = {};
  for (const def of CATEGORY_RATES) {
    const w = new Map<number, number>();
    for (const c of def.categories)
      for (const [i, n] of perCategory.get(c) ?? []) w.set(i, (w.get(i) ?? 0) + n);
    rates[def.id] = {
      ...entryRate(catalog, label(def.labelId), new Set(w.keys())),
      severities,
      source: 'diagnostics',
    };
    weights[def.id] = w;
  }
  const unstructured = new Set<number>();
  catalog.entries.forEach((e, i) => {
    if (!isStructuredEntry(e.data.format, seeds)) unstructured.add(i);
  });
  rates.structured = { ...entryRate(catalog, label('rate.structured'), unstructured), source: 'format' };
  weights.structured = new Map([...unstructured].map((i) => [i, 1]));
  return { rates, weights };
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
