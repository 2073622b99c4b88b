// Conformance rates computed from diagnostics (never by rules): naming, metadata, completeness, ….
import type { Category, Rate, RateEntryRef, Severity } from '../generated/schema-types.js';
import type { CatalogKind, EntryData, ParsedCatalog } from '../model/types.js';
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
export function entryRef(catalog: ParsedCatalog | EntryFacts, index: number): RateEntryRef {
  if (catalog instanceof EntryFacts) return catalog.ref(index);
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
export function providerSlots(catalog: ParsedCatalog | EntryFacts): ProviderSlots {
  if (catalog instanceof EntryFacts) return catalog.providerSlots();
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

// Flags EntryFacts keeps per entry.
const STRUCTURED = 1;
const HAS_CYCLE = 2;
const HAS_LAST_UPDATE = 4;
const HAS_PROVIDER = 8;

function grown<T extends Int32Array | Uint8Array>(array: T, need: number, make: (n: number) => T): T {
  if (need <= array.length) return array;
  const next = make(Math.max(need, array.length * 2));
  next.set(array);
  return next;
}

/**
 * What the rates and the file report need of a file's entries, gathered one entry at a time (as a catalog
 * streams through the engine, or from a parsed catalog): each entry's provider slot, name and code for the
 * failing lists, whether it is structured, its update cycle and last update; the data items counted. A few
 * bytes per entry instead of the entry.
 */
export class EntryFacts {
  count = 0;
  items = 0;
  private readonly slotIds = new Map<string, number>();
  private readonly slotNames: string[] = [];
  private slots = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private lastUpdates = new Int32Array(1024);
  private readonly names: (string | undefined)[] = [];
  private readonly codes: (string | undefined)[] = [];

  constructor(
    readonly kind: CatalogKind,
    private readonly seeds: Seeds,
  ) {}

  /** The facts of a parsed catalog's entries. */
  static of(catalog: ParsedCatalog, seeds: Seeds): EntryFacts {
    const facts = new EntryFacts(catalog.kind, seeds);
    for (const e of catalog.entries) facts.add(e.data);
    return facts;
  }

  /** Adds the next entry's facts (entries in file order). */
  add(data: EntryData): void {
    const i = this.count++;
    if (i >= this.slots.length) {
      this.slots = grown(this.slots, i + 1, (n) => new Int32Array(n));
      this.flags = grown(this.flags, i + 1, (n) => new Uint8Array(n));
      this.lastUpdates = grown(this.lastUpdates, i + 1, (n) => new Int32Array(n));
    }
    if (Array.isArray(data.items)) this.items += data.items.length;
    const provider = str(data.provider);
    const key = provider ?? NO_PROVIDER;
    let slot = this.slotIds.get(key);
    if (slot === undefined) {
      slot = this.slotNames.length;
      this.slotIds.set(key, slot);
      this.slotNames.push(key);
    }
    this.slots[i] = slot;
    let flags = provider === undefined ? 0 : HAS_PROVIDER;
    if (isStructuredEntry(data.format, this.seeds)) flags |= STRUCTURED;
    if (cycleOf(this.seeds, data)) flags |= HAS_CYCLE;
    const last = lastUpdateOf(data);
    if (last !== undefined) {
      flags |= HAS_LAST_UPDATE;
      this.lastUpdates[i] = last;
    }
    this.flags[i] = flags;
    this.names.push(str(data.name));
    this.codes.push(str(data.code));
  }

  providerSlots(): ProviderSlots {
    return { of: this.slots.subarray(0, this.count), names: this.slotNames };
  }

  structured(index: number): boolean {
    return (this.flags[index]! & STRUCTURED) !== 0;
  }

  /** Whether the update rates judge the entry: it states its cycle and a last update not after `today`. */
  judged(index: number, today: number | undefined): boolean {
    const flags = this.flags[index]!;
    if ((flags & HAS_CYCLE) === 0 || (flags & HAS_LAST_UPDATE) === 0) return false;
    return today === undefined || this.lastUpdates[index]! <= today;
  }

  ref(index: number): RateEntryRef {
    const out: RateEntryRef = { entry: index };
    const name = this.names[index];
    const code = this.codes[index];
    if (name) out.name = name;
    if (code) out.resourceCode = code;
    if ((this.flags[index]! & HAS_PROVIDER) !== 0) out.provider = this.slotNames[this.slots[index]!]!;
    return out;
  }
}

/**
 * An entry-based rate over `population` (default: every entry): an entry conforms unless it is in
 * `failing`. Fills byProvider (providers in order of first appearance in the population) and the sorted
 * failing list.
 */
export function entryRate(
  catalog: ParsedCatalog | EntryFacts,
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
  const count = population
    ? population.length
    : catalog instanceof EntryFacts
      ? catalog.count
      : catalog.entries.length;
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
  catalog: EntryFacts,
  diagnostics: readonly Diagnostic[],
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
  const unstructured = new Set<number>();
  for (let i = 0; i < catalog.count; i++) if (!catalog.structured(i)) unstructured.add(i);
  rates.structured = {
    ...entryRate(catalog, label('rate.structured'), unstructured, undefined, providers),
    source: 'format',
  };
  weights.structured = new Map([...unstructured].map((i) => [i, 1]));
  if (options.rules?.some((r) => r.id === STALE_RULE && applies(r))) {
    // Only catalogs that state update dates show their timeliness; the others need an update log.
    Object.assign(rates, updateRates(catalog, diagnostics, counted, label, options.today, providers) ?? {});
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
  catalog: EntryFacts,
  diagnostics: readonly Diagnostic[],
  counted: ReadonlySet<Severity>,
  label: (id: string) => string,
  today: string | undefined,
  providers: ProviderSlots,
): Record<string, Rate> | undefined {
  const late = new Set<number>();
  for (const d of diagnostics)
    if (d.ruleId === STALE_RULE && d.entry !== null && counted.has(d.severity)) late.add(d.entry);
  const todayNumber = today === undefined ? undefined : dayNumber(today);
  const judged: number[] = [];
  const structured: number[] = [];
  for (let i = 0; i < catalog.count; i++) {
    if (!catalog.judged(i, todayNumber)) continue;
    judged.push(i);
    if (catalog.structured(i)) structured.push(i);
  }
  if (judged.length === 0) return undefined;
  const source = { source: 'diagnostics' as const, severities: [...counted] };
  return {
    update: { ...entryRate(catalog, label('rate.update'), late, judged, providers), ...source },
    timely: { ...entryRate(catalog, label('rate.timely'), late, structured, providers), ...source },
  };
}

/** Computes the rates of one file. */
export function computeRates(
  catalog: ParsedCatalog | EntryFacts,
  diagnostics: readonly Diagnostic[],
  seeds: Seeds,
  options: RateOptions = {},
): Record<string, Rate> {
  const facts = catalog instanceof EntryFacts ? catalog : EntryFacts.of(catalog, seeds);
  return computeRatesDetailed(facts, diagnostics, options).rates;
}
