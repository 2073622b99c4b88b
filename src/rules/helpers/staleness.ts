// Whether an entry was updated within its own 更新周期: the cycle, the last update, the date it fell due.
import type { EntryData } from '../../model/types.js';
import type { Seeds } from '../../seeds/index.js';
import { textOf } from './text.js';

/** Cycle lengths the staleness check can judge from a catalog (sub-daily cycles need other evidence). */
export type CycleUnit = 'day' | 'week' | 'month' | 'quarter' | 'half-year' | 'year';

const MONTHS: Partial<Record<CycleUnit, number>> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const DAYS: Partial<Record<CycleUnit, number>> = { day: 1, week: 7 };
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A CCYY-MM-DD date as a UTC day number, or undefined when it is no real date. */
export function dayNumber(text: unknown): number | undefined {
  const t = textOf(text);
  const m = t === undefined ? null : DATE.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / MS_PER_DAY;
}

/** A UTC day number as CCYY-MM-DD. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day one cycle after `day` (calendar months: 2021-01-31 + 1 month is 2021-02-28). */
export function addCycle(day: number, unit: CycleUnit): number {
  const days = DAYS[unit];
  if (days !== undefined) return day + days;
  const date = new Date(day * MS_PER_DAY);
  const months = date.getUTCMonth() + MONTHS[unit]!;
  const y = date.getUTCFullYear() + Math.floor(months / 12);
  const m = months % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(date.getUTCDate(), last)) / MS_PER_DAY;
}

/** An entry's promised cycle as the vocabulary states it, or undefined (不定期, 实时, free text, missing). */
export function cycleOf(seeds: Seeds, data: EntryData): { value: string; unit: CycleUnit } | undefined {
  const text = textOf(data.updateCycle);
  if (text === undefined) return undefined;
  const term = seeds.vocab('update-cycle').lookup(text)?.term;
  const unit = term?.cycle;
  if (!term || unit === undefined || unit === 'hour') return undefined;
  return { value: String(term.value), unit };
}

/**
 * The last time the entry shows it was updated: its 更新日期, or its 发布日期 when that is later (a data set
 * published after its last update was touched then). Undefined without an update date: a catalog that
 * states no update date cannot show staleness by itself.
 */
export function lastUpdateOf(data: EntryData): number | undefined {
  const updated = dayNumber(data.updateDate);
  if (updated === undefined) return undefined;
  const published = dayNumber(data.publishDate);
  return published !== undefined && published > updated ? published : updated;
}

/** How an assessable entry stands against its cycle as of `today`. */
export interface Staleness {
  cycle: string;
  last: number;
  /** The day one cycle after the last update. */
  due: number;
  /** Days allowed after `due`: the smaller of one cycle and `graceDays`. */
  grace: number;
  stale: boolean;
}

/** The staleness of an entry, or undefined when its cycle or last update cannot be judged. */
export function staleness(
  seeds: Seeds,
  data: EntryData,
  today: number,
  graceDays: number,
): Staleness | undefined {
  const cycle = cycleOf(seeds, data);
  const last = lastUpdateOf(data);
  if (!cycle || last === undefined || last > today) return undefined;
  const due = addCycle(last, cycle.unit);
  const grace = Math.min(graceDays, due - last);
  return { cycle: cycle.value, last, due, grace, stale: today > due + grace };
}
