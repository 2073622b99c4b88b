// Input-driven rates: 可发布目录完成率, 挂载完成率, 接口设计规范合格率, 数据更新率 and D2-4's on-cycle share.
import type { IndicatorInputs, InputRecord, Rate } from '../generated/schema-types.js';
import type { ParsedCatalog } from '../model/types.js';
import type { Seeds } from '../seeds/index.js';
import { foldKey } from '../seeds/index.js';
import { getOrCreate } from '../util/maps.js';
import { loadInputSeeds } from './data.js';
import type { InputRow, InputTable } from './inputs.js';
import {
  entryRate,
  entryRef,
  isStructuredEntry,
  NO_PROVIDER,
  providerOf,
  type RateWeights,
  ratio,
  str,
} from './rates.js';

/** The lists given by the user, and the period the update log covers. */
export interface IndicatorInputSet {
  /** 已发布目录清单 (B2-1 ⑦): entries published on the platforms. */
  published?: InputTable;
  /** 已挂载资源清单 (B2-2): entries whose data resource is mounted. */
  mounted?: InputTable;
  /** 接口检查结果 (C2-1 ④ / D2-1 ④): one row per interface with its result. */
  interfaces?: InputTable;
  /** 更新记录 (C2-4 / D2-4): update dates per entry, or due / on-time counts per entry. */
  updates?: InputTable;
  /** Inclusive period of the update log (CCYY-MM-DD); required when the log has dates. */
  period?: { from: string; to: string };
}

/** Most unmatched or invalid rows listed in a rate (all are counted). */
export const MAX_LISTED_ROWS = 100;

interface Ref {
  file: number;
  entry: number;
}

/** The rates of the inputs, per file (aligned with the catalogs given) and over all files. */
export interface InputRatesResult {
  perFile: Record<string, Rate>[];
  aggregate: Record<string, Rate>;
  weights: RateWeights[];
}

const codeKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const textKey = (s: string) => foldKey(s.normalize('NFKC'));

/** Matches list rows to catalog entries: by 数据资源代码, else by 数据资源名称 (and 提供方 when given). */
class EntryIndex {
  private readonly byCode = new Map<string, Ref[]>();
  private readonly byName = new Map<string, Ref[]>();
  constructor(private readonly catalogs: readonly ParsedCatalog[]) {
    catalogs.forEach((c, f) => {
      c.entries.forEach((e, i) => {
        const code = str(e.data.code);
        if (code) getOrCreate(this.byCode, codeKey(code), () => []).push({ file: f, entry: i });
        const name = str(e.data.name);
        if (name) getOrCreate(this.byName, textKey(name), () => []).push({ file: f, entry: i });
      });
    });
  }

  match(row: InputRow): Ref[] {
    const { code, name, provider } = row.values;
    if (code) {
      const hit = this.byCode.get(codeKey(code));
      if (hit) return hit;
    }
    if (!name) return [];
    const hits = this.byName.get(textKey(name)) ?? [];
    if (!provider) return hits;
    const p = textKey(provider);
    // A platform may list the 项-level department while the catalog names its internal unit.
    return hits.filter((r) => {
      const ep = str(this.catalogs[r.file]!.entries[r.entry]!.data.provider);
      return ep !== undefined && textKey(ep).startsWith(p);
    });
  }
}

function record(row: InputRow, reason?: string): InputRecord {
  const out: InputRecord = { row: row.row };
  const v = row.values;
  if (v.code) out.resourceCode = v.code;
  if (v.name) out.name = v.name;
  if (v.interface) out.interface = v.interface;
  if (v.provider) out.provider = v.provider;
  if (reason ?? v.reason) out.reason = (reason ?? v.reason)!;
  return out;
}

/** Yes / no / unknown for a status or result cell. */
export function yesNo(value: string | undefined, seeds: IndicatorInputs): boolean | undefined {
  if (value === undefined) return undefined;
  const k = textKey(value);
  if (seeds.yes.some((y) => textKey(y) === k)) return true;
  if (seeds.no.some((n) => textKey(n) === k)) return false;
  return undefined;
}

/** Collects rows that match nothing or cannot be used (listed up to MAX_LISTED_ROWS, all counted). */
class RowIssues {
  unmatched: InputRecord[] = [];
  unmatchedCount = 0;
  invalid: InputRecord[] = [];
  invalidCount = 0;
  addUnmatched(row: InputRow): void {
    this.unmatchedCount++;
    if (this.unmatched.length < MAX_LISTED_ROWS) this.unmatched.push(record(row));
  }
  addInvalid(row: InputRow, reason: string): void {
    this.invalidCount++;
    if (this.invalid.length < MAX_LISTED_ROWS) this.invalid.push(record(row, reason));
  }
  apply(rate: Rate): Rate {
    if (this.unmatchedCount > 0) {
      rate.unmatched = this.unmatched;
      rate.unmatchedCount = this.unmatchedCount;
    }
    if (this.invalidCount > 0) {
      rate.invalid = this.invalid;
      rate.invalidCount = this.invalidCount;
    }
    return rate;
  }
}

/**
 * Sums per-file rates into one (no failing list; byProvider merged). Rates not assessed for a file (no rule
 * measures them for its kind) are left out; when none is assessed, the sum is not assessed either.
 */
export function sumRates(label: string, all: readonly Rate[]): Rate {
  const rates = all.filter((r) => r.notAssessed === undefined);
  if (rates.length === 0 && all.length > 0)
    return { label, conforming: 0, total: 0, rate: null, byProvider: {}, notAssessed: all[0]!.notAssessed! };
  let conforming = 0;
  let total = 0;
  const byProvider: NonNullable<Rate['byProvider']> = {};
  for (const r of rates) {
    conforming += r.conforming;
    total += r.total;
    for (const [p, s] of Object.entries(r.byProvider ?? {})) {
      if (!s) continue;
      const slot = byProvider[p] ?? { conforming: 0, total: 0, rate: null };
      byProvider[p] = slot;
      slot.conforming += s.conforming;
      slot.total += s.total;
    }
  }
  for (const slot of Object.values(byProvider)) if (slot) slot.rate = ratio(slot.conforming, slot.total);
  const out: Rate = { label, conforming, total, rate: ratio(conforming, total), byProvider };
  const first = rates[0];
  if (first?.unit) out.unit = first.unit;
  if (first?.source) out.source = first.source;
  if (first?.severities) out.severities = first.severities;
  if (first?.input) out.input = first.input;
  if (first?.period) out.period = first.period;
  return out;
}

/** Entries listed with a positive (or absent) status in a list, per file. */
function listedEntries(
  table: InputTable,
  index: EntryIndex,
  files: number,
  seeds: IndicatorInputs,
  issues: RowIssues,
): Set<number>[] {
  const listed = Array.from({ length: files }, () => new Set<number>());
  for (const row of table.rows) {
    const status = row.values.status;
    const flag = yesNo(status, seeds);
    if (status !== undefined && flag === undefined) {
      issues.addInvalid(row, `status: ${status}`);
      continue;
    }
    if (!row.values.code && !row.values.name) {
      issues.addInvalid(row, 'no code or name');
      continue;
    }
    const hits = index.match(row);
    if (hits.length === 0) {
      issues.addUnmatched(row);
      continue;
    }
    if (flag === false) continue;
    for (const h of hits) listed[h.file]!.add(h.entry);
  }
  return listed;
}

// ---- dates and update windows ----

/** Parses 2021-07-13, 2021/7/13, 2021.7.13, 20210713 or 2021年7月13日 (time ignored) to a UTC day number. */
export function parseDay(text: string): number | undefined {
  const t = text.normalize('NFKC').trim();
  const m =
    t.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/) ??
    t.match(/^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s.*)?$/) ??
    t.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / 86_400_000;
}

/** A UTC day number as CCYY-MM-DD. */
export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

type WindowUnit = 'day' | 'week' | 'month' | 'quarter' | 'half-year' | 'year';

/** Calendar windows of a unit lying entirely inside [from, to] (day numbers, inclusive). */
export function windowsWithin(unit: WindowUnit, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  if (from > to) return out;
  if (unit === 'day') {
    for (let d = from; d <= to; d++) out.push([d, d]);
    return out;
  }
  if (unit === 'week') {
    // ISO weeks, Monday to Sunday; day 0 (1970-01-01) was a Thursday.
    const weekday = (((from + 3) % 7) + 7) % 7;
    let start = weekday === 0 ? from : from + (7 - weekday);
    for (; start + 6 <= to; start += 7) out.push([start, start + 6]);
    return out;
  }
  const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : unit === 'half-year' ? 6 : 12;
  const first = new Date(from * 86_400_000);
  let y = first.getUTCFullYear();
  let m = Math.floor(first.getUTCMonth() / months) * months;
  for (;;) {
    const start = Date.UTC(y, m, 1) / 86_400_000;
    const end = Date.UTC(y, m + months, 1) / 86_400_000 - 1;
    if (end > to) break;
    if (start >= from) out.push([start, end]);
    m += months;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return out;
}

interface UpdateCount {
  due: number;
  onTime: number;
}

function cycleUnit(value: unknown, seeds: Seeds, inputs: IndicatorInputs): WindowUnit | undefined {
  if (typeof value !== 'string') return undefined;
  const hit = seeds.vocab('update-cycle').lookup(value);
  if (!hit) return undefined;
  return inputs.updateCycles[String(hit.term.value)] as WindowUnit | undefined;
}

function updateCounts(
  table: InputTable,
  catalogs: readonly ParsedCatalog[],
  index: EntryIndex,
  seeds: Seeds,
  inputs: IndicatorInputs,
  period: { from: number; to: number } | undefined,
  issues: RowIssues,
): Map<number, UpdateCount>[] {
  const counts = catalogs.map(() => new Map<number, UpdateCount>());
  if (table.columns.has('due')) {
    for (const row of table.rows) {
      const due = Number(row.values.due);
      const onTime = Number(row.values.onTime);
      if (!Number.isInteger(due) || !Number.isInteger(onTime) || due < 0 || onTime < 0 || onTime > due) {
        issues.addInvalid(row, `due ${row.values.due ?? ''} / onTime ${row.values.onTime ?? ''}`);
        continue;
      }
      const hits = index.match(row);
      if (hits.length === 0) {
        issues.addUnmatched(row);
        continue;
      }
      for (const h of hits) {
        const c = getOrCreate(counts[h.file]!, h.entry, () => ({ due: 0, onTime: 0 }));
        c.due += due;
        c.onTime += onTime;
      }
    }
    return counts;
  }
  const dates = catalogs.map(() => new Map<number, number[]>());
  for (const row of table.rows) {
    const day = row.values.date === undefined ? undefined : parseDay(row.values.date);
    if (day === undefined) {
      issues.addInvalid(row, `date: ${row.values.date ?? ''}`);
      continue;
    }
    const hits = index.match(row);
    if (hits.length === 0) {
      issues.addUnmatched(row);
      continue;
    }
    for (const h of hits) getOrCreate(dates[h.file]!, h.entry, () => []).push(day);
  }
  if (!period) return counts;
  catalogs.forEach((c, f) => {
    c.entries.forEach((e, i) => {
      const unit = cycleUnit(e.data.updateCycle, seeds, inputs);
      if (!unit) return;
      const published = typeof e.data.publishDate === 'string' ? parseDay(e.data.publishDate) : undefined;
      const windows = windowsWithin(unit, Math.max(period.from, published ?? period.from), period.to);
      if (windows.length === 0) return;
      const days = (dates[f]!.get(i) ?? []).sort((a, b) => a - b);
      let onTime = 0;
      let k = 0;
      for (const [start, end] of windows) {
        while (k < days.length && days[k]! < start) k++;
        if (k < days.length && days[k]! <= end) onTime++;
      }
      counts[f]!.set(i, { due: windows.length, onTime });
    });
  });
  return counts;
}

/** Options of the input-rate computation. */
export interface InputRateOptions {
  label?: (id: string) => string;
  /** Today (CCYY-MM-DD) as the session resolved it, for the default update period (1 January to today). */
  today: string;
}

/** The default period of an update log: 1 January of today's year to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** What every input-driven rate works on, and where it puts its rates (per file, weights, over all files). */
interface InputRun {
  catalogs: readonly ParsedCatalog[];
  inputs: IndicatorInputSet;
  seeds: Seeds;
  inputSeeds: IndicatorInputs;
  index: EntryIndex;
  label: (id: string) => string;
  perFile: Record<string, Rate>[];
  weights: RateWeights[];
  aggregate: Record<string, Rate>;
}

const allEntries = (c: ParsedCatalog) => c.entries.map((_, i) => i);

/**
 * D2-1 published / D2-2 mounted: entries listed in an input list (mounted counted among the published when that
 * list is given). Returns the entries listed, per file.
 */
function listedRate(
  run: InputRun,
  id: 'published' | 'mounted',
  list: NonNullable<IndicatorInputSet['published']>,
  among: Set<number>[] | undefined,
): Set<number>[] {
  const { catalogs, label } = run;
  const issues = new RowIssues();
  const listed = listedEntries(list, run.index, catalogs.length, run.inputSeeds, issues);
  const rates = catalogs.map((c, f) => {
    const population = among ? [...among[f]!].sort((a, b) => a - b) : allEntries(c);
    const failing = new Set(population.filter((i) => !listed[f]!.has(i)));
    run.weights[f]![id] = new Map([...failing].map((i) => [i, 1]));
    return {
      ...entryRate(c, label(`rate.${id}`), failing, population),
      source: 'input',
      input: list.file,
    } as Rate;
  });
  rates.forEach((r, f) => {
    run.perFile[f]![id] = r;
  });
  run.aggregate[id] = issues.apply(sumRates(label(`rate.${id}`), rates));
  return listed;
}

type ProviderCounts = Map<string, { conforming: number; total: number }>;
type InterfaceSlot = { conforming: number; total: number; failing: InputRecord[]; entries: Set<number> };

const emptySlot = (): InterfaceSlot => ({ conforming: 0, total: 0, failing: [], entries: new Set() });

/** The rate of interface checks in one slot (a file, or all files), by provider. */
function interfaceRate(
  run: InputRun,
  slot: InterfaceSlot,
  prov: ProviderCounts,
  catalog?: ParsedCatalog,
): Rate {
  const byProvider: NonNullable<Rate['byProvider']> = {};
  for (const [p, s] of prov) byProvider[p] = { ...s, rate: ratio(s.conforming, s.total) };
  const rate: Rate = {
    label: run.label('rate.interface'),
    conforming: slot.conforming,
    total: slot.total,
    rate: ratio(slot.conforming, slot.total),
    byProvider,
    unit: 'interface',
    source: 'input',
    input: run.inputs.interfaces!.file,
    failingRecords: slot.failing,
  };
  if (catalog) {
    const entries = [...slot.entries].sort((a, b) => a - b);
    rate.failing = entries.map((i) => ({ ...entryRef(catalog, i) }));
  }
  return rate;
}

/** D2-3 interfaces: the last check of each interface counts, per file (by its entry) and over all. */
function interfaceRates(run: InputRun, list: NonNullable<IndicatorInputSet['interfaces']>): void {
  const { catalogs } = run;
  const issues = new RowIssues();
  // The last row of an interface wins (a re-check replaces the earlier result).
  const latest = new Map<string, InputRow>();
  for (const row of list.rows) {
    const key = row.values.interface ?? (row.values.code ? `code:${row.values.code}` : `row:${row.row}`);
    latest.set(key, row);
  }
  const fileSlots = catalogs.map(emptySlot);
  const providers = catalogs.map((): ProviderCounts => new Map());
  const overall = emptySlot();
  const overallProviders: ProviderCounts = new Map();
  for (const row of latest.values()) {
    const pass = yesNo(row.values.result, run.inputSeeds);
    if (pass === undefined) {
      issues.addInvalid(row, `result: ${row.values.result ?? ''}`);
      continue;
    }
    const hits = row.values.code || row.values.name ? run.index.match(row) : [];
    if ((row.values.code || row.values.name) && hits.length === 0) issues.addUnmatched(row);
    const hit = hits[0];
    const provider = row.values.provider ?? (hit ? providerOf(catalogs[hit.file]!, hit.entry) : NO_PROVIDER);
    const bump = (slot: InterfaceSlot, prov: ProviderCounts) => {
      slot.total++;
      const p = getOrCreate(prov, provider, () => ({ conforming: 0, total: 0 }));
      p.total++;
      if (pass) {
        slot.conforming++;
        p.conforming++;
      } else slot.failing.push(record(row));
    };
    bump(overall, overallProviders);
    if (hit) {
      bump(fileSlots[hit.file]!, providers[hit.file]!);
      if (!pass) fileSlots[hit.file]!.entries.add(hit.entry);
    }
  }
  catalogs.forEach((c, f) => {
    run.perFile[f]!.interface = interfaceRate(run, fileSlots[f]!, providers[f]!, c);
    run.weights[f]!.interface = new Map();
  });
  run.aggregate.interface = issues.apply(interfaceRate(run, overall, overallProviders));
}

/** D2-4 update and timely rates of one catalog from its update counts. */
function updateRatesOf(
  run: InputRun,
  c: ParsedCatalog,
  f: number,
  m: ReturnType<typeof updateCounts>[number],
  p: { from: string; to: string },
  stats: boolean,
): { update: Rate; timely: Rate } {
  const { label } = run;
  const file = run.inputs.updates!.file;
  let conforming = 0;
  let total = 0;
  const byProvider: NonNullable<Rate['byProvider']> = {};
  const failing: number[] = [];
  const missed = new Map<number, number>();
  for (const [i, n] of [...m].sort((a, b) => a[0] - b[0])) {
    conforming += n.onTime;
    total += n.due;
    const key = providerOf(c, i);
    const slot = byProvider[key] ?? { conforming: 0, total: 0, rate: null };
    byProvider[key] = slot;
    slot.conforming += n.onTime;
    slot.total += n.due;
    if (n.onTime < n.due) {
      failing.push(i);
      missed.set(i, n.due - n.onTime);
    }
  }
  for (const slot of Object.values(byProvider)) if (slot) slot.rate = ratio(slot.conforming, slot.total);
  const update: Rate = {
    label: label('rate.update'),
    conforming,
    total,
    rate: ratio(conforming, total),
    failing: failing.map((i) => entryRef(c, i)),
    byProvider,
    unit: 'update',
    source: 'input',
    input: file,
  };
  if (!stats) update.period = { ...p };
  run.weights[f]!.update = missed;
  // D2-4 counts structured data sets with a promised cycle that fell due in the period.
  const population = [...m.entries()]
    .filter(([i, n]) => n.due > 0 && isStructuredEntry(c.entries[i]!.data.format, run.seeds))
    .map(([i]) => i)
    .sort((a, b) => a - b);
  const late = new Set(population.filter((i) => m.get(i)!.onTime < m.get(i)!.due));
  const timely: Rate = {
    ...entryRate(c, label('rate.timely'), late, population),
    source: 'input',
    input: file,
  };
  if (!stats) timely.period = { ...p };
  run.weights[f]!.timely = new Map([...late].map((i) => [i, 1]));
  return { update, timely };
}

/** D2-4 updates on time, and timely structured data sets, in the update log's period. */
function updateRates(run: InputRun, list: NonNullable<IndicatorInputSet['updates']>, today: string): void {
  const { catalogs, label } = run;
  const issues = new RowIssues();
  const stats = list.columns.has('due');
  const p = run.inputs.period ?? defaultPeriod(today);
  const from = parseDay(p.from);
  const to = parseDay(p.to);
  const period = from !== undefined && to !== undefined ? { from, to } : undefined;
  const counts = updateCounts(list, catalogs, run.index, run.seeds, run.inputSeeds, period, issues);
  const updates: Rate[] = [];
  const timelies: Rate[] = [];
  catalogs.forEach((c, f) => {
    const { update, timely } = updateRatesOf(run, c, f, counts[f]!, p, stats);
    updates.push(update);
    run.perFile[f]!.update = update;
    timelies.push(timely);
    run.perFile[f]!.timely = timely;
  });
  run.aggregate.update = issues.apply(sumRates(label('rate.update'), updates));
  run.aggregate.timely = sumRates(label('rate.timely'), timelies);
}

/** Computes the input-driven rates of every catalog and over all of them. */
export function computeInputRates(
  catalogs: readonly ParsedCatalog[],
  inputs: IndicatorInputSet,
  seeds: Seeds,
  options: InputRateOptions,
): InputRatesResult {
  const run: InputRun = {
    catalogs,
    inputs,
    seeds,
    inputSeeds: loadInputSeeds(),
    index: new EntryIndex(catalogs),
    label: options.label ?? ((id: string) => id),
    perFile: catalogs.map(() => ({})),
    weights: catalogs.map(() => ({})),
    aggregate: {},
  };
  const published = inputs.published ? listedRate(run, 'published', inputs.published, undefined) : undefined;
  if (inputs.mounted) listedRate(run, 'mounted', inputs.mounted, published);
  if (inputs.interfaces) interfaceRates(run, inputs.interfaces);
  if (inputs.updates) updateRates(run, inputs.updates, options.today);
  const { perFile, aggregate, weights } = run;
  return { perFile, aggregate, weights };
}
