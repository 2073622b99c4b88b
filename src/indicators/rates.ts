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

/** Options of the rate computation. */
export interface RateOptions {
  /** Severities that make an entry non-conforming (default: errors only). */
  countSeverities?: readonly Severity[];
  /** Label language. */
  label?: (id: string) => string;
}

function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

function ratio(conforming: number, total: number): number | null {
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

/** Computes the rates of one file. */
export function computeRates(
  catalog: ParsedCatalog,
  diagnostics: readonly Diagnostic[],
  seeds: Seeds,
  options: RateOptions = {},
): Record<string, Rate> {
  const counted = new Set<Severity>(options.countSeverities ?? ['error']);
  const total = catalog.entries.length;
  const failingByCategory = new Map<Category, Set<number>>();
  for (const d of diagnostics) {
    if (d.entry === null || !counted.has(d.severity)) continue;
    getOrCreate(failingByCategory, d.category, () => new Set<number>()).add(d.entry);
  }
  const providerOf = (i: number) => str(catalog.entries[i]?.data.provider) ?? '（未填写）';
  const ref = (i: number): RateEntryRef => {
    const data = catalog.entries[i]!.data;
    const out: RateEntryRef = { entry: i };
    const name = str(data.name);
    const code = str(data.code);
    const provider = str(data.provider);
    if (name) out.name = name;
    if (code) out.resourceCode = code;
    if (provider) out.provider = provider;
    return out;
  };
  const build = (label: string, failing: Set<number>): Rate => {
    const slots = new Map<string, { conforming: number; total: number; rate: number | null }>();
    for (let i = 0; i < total; i++) {
      const slot = getOrCreate(slots, providerOf(i), () => ({ conforming: 0, total: 0, rate: null }));
      slot.total++;
      if (!failing.has(i)) slot.conforming++;
    }
    const byProvider: NonNullable<Rate['byProvider']> = {};
    for (const [provider, slot] of slots)
      byProvider[provider] = { ...slot, rate: ratio(slot.conforming, slot.total) };
    const conforming = total - failing.size;
    return {
      label,
      conforming,
      total,
      rate: ratio(conforming, total),
      failing: [...failing].sort((a, b) => a - b).map(ref),
      byProvider,
    };
  };
  const label = options.label ?? ((id: string) => id);
  const rates: Record<string, Rate> = {};
  for (const def of CATEGORY_RATES) {
    const failing = new Set<number>();
    for (const c of def.categories) for (const i of failingByCategory.get(c) ?? []) failing.add(i);
    rates[def.id] = build(label(def.labelId), failing);
  }
  const unstructured = new Set<number>();
  catalog.entries.forEach((e, i) => {
    if (!isStructuredEntry(e.data.format, seeds)) unstructured.add(i);
  });
  rates.structured = build(label('rate.structured'), unstructured);
  return rates;
}
