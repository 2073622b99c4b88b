// Scores rates against a profile (seeds/profiles): points earned, deducted and bonus, next thresholds, X/Y/ALL, grades.
import type {
  Assessment,
  FindingsItem,
  ManualItem,
  NextStep,
  PointTier,
  ProfileIndicator,
  Rate,
  RateItem,
  RateThreshold,
  Score,
  ScoreAggregate,
  ScoreIndicator,
  ScoreItem,
  ScoreThreshold,
  ScoringProfile,
  Severity,
} from '../generated/schema-types.js';
import { type Lang, type MessageId, translateId } from '../i18n/index.js';
import { both, list, msg, msgOf, type Neutral, type Text } from '../i18n/text.js';
import type { CatalogKind } from '../model/types.js';
import type { Diagnostic } from '../rules/types.js';
import { sumRates } from './input-rates.js';
import { DEFAULT_COUNT_SEVERITIES, type RateWeights } from './rates.js';

/** What scoring needs from one validated file. */
export interface ScoredFile {
  kind: CatalogKind;
  entries: number;
  rates: Readonly<Record<string, Rate | undefined>>;
  weights: RateWeights;
  diagnostics: readonly Diagnostic[];
}

/** A score whose texts are not yet in a language (rendered by the report's edge). */
export type NeutralScore = Neutral<Score>;
type NeutralIndicator = Neutral<ScoreIndicator>;
type NeutralItem = Neutral<ScoreItem>;
type NeutralAggregate = Neutral<ScoreAggregate>;

/** Inputs of scoreCatalogs. */
export interface ScoreOptions {
  profile: ScoringProfile;
  files: readonly ScoredFile[];
  /** Ids of the rules that ran (findings items are not assessed when none matches). */
  ruleIds: readonly string[];
  /** Results given by an assessor (--assessment). */
  assessment?: { file: string; data: Assessment };
  /**
   * Rates over every file. Used instead of summing per-file rates when an indicator covers every file,
   * so list rows that match no entry (an interface check without a code) still count.
   */
  aggregate?: Readonly<Record<string, Rate | undefined>>;
}

/** Raised when an assessment file does not fit the profile (rendered as a usage error). */
export class AssessmentError extends Error {
  constructor(
    readonly messageId: MessageId,
    readonly data: Record<string, string | number>,
  ) {
    super(translateId('zh', messageId, data));
    this.name = 'AssessmentError';
  }
  render(lang: Lang): string {
    return translateId(lang, this.messageId, this.data);
  }
}

/** Rounds points to 4 decimals so 0.1 + 0.2 reads 0.3. */
export function roundPoints(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Whether `conforming / total` meets a percent threshold, in exact integer arithmetic. */
export function holds(th: RateThreshold, conforming: number, total: number): boolean {
  const lhs = conforming * 100;
  const rhs = th.percent * total;
  switch (th.op) {
    case '>':
      return lhs > rhs;
    case '>=':
      return lhs >= rhs;
    case '<':
      return lhs < rhs;
    case '<=':
      return lhs <= rhs;
  }
}

/** Whether a score meets a score threshold. */
export function holdsScore(th: ScoreThreshold, value: number): boolean {
  switch (th.op) {
    case '>':
      return value > th.value;
    case '>=':
      return value >= th.value;
    case '<':
      return value < th.value;
    case '<=':
      return value <= th.value;
  }
}

/** The largest tier that holds (tiers are alternatives, not cumulative). */
export function tierPoints(
  tiers: readonly PointTier[] | undefined,
  conforming: number,
  total: number,
): { points: number; text?: string } {
  let best: PointTier | undefined;
  for (const t of tiers ?? [])
    if (holds(t.when, conforming, total) && (!best || t.points > best.points)) best = t;
  return best ? { points: best.points, text: best.when.text } : { points: 0 };
}

function itemPoints(item: RateItem, c: number, t: number): number {
  return (
    tierPoints(item.earn, c, t).points -
    tierPoints(item.deduct, c, t).points +
    tierPoints(item.bonus, c, t).points
  );
}

/** The smallest conforming count at which a threshold flips in the favourable direction. */
function flipAt(th: RateThreshold, total: number): number {
  const x = th.percent * total;
  switch (th.op) {
    case '>':
    case '<=':
      return Math.floor(x / 100) + 1;
    case '>=':
    case '<':
      return Math.ceil(x / 100);
  }
}

/** A short, language-neutral form of the threshold crossed: “> 80%”, “≥ 80%”. */
function crossed(th: RateThreshold): string {
  return `${th.op === '>' || th.op === '<=' ? '>' : '≥'} ${th.percent}%`;
}

/** The thresholds crossed at once, one per percent (the strict “>” form when both appear), ascending. */
function crossedAll(thresholds: readonly RateThreshold[]): string {
  const byPercent = new Map<number, string>();
  for (const th of thresholds) {
    const text = crossed(th);
    if (!byPercent.has(th.percent) || text.startsWith('>')) byPercent.set(th.percent, text);
  }
  return [...byPercent.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, t]) => t)
    .join(' / ');
}

/**
 * What it takes to gain points: the fewest more conforming units that raise the item's points, with the
 * findings to fix (cheapest entries first) when the rate comes from findings.
 */
export function nextStep(
  item: RateItem,
  conforming: number,
  total: number,
  unit: NextStep['unit'],
  failingWeights?: readonly number[],
): NextStep | undefined {
  const now = itemPoints(item, conforming, total);
  const thresholds = [...(item.earn ?? []), ...(item.deduct ?? []), ...(item.bonus ?? [])].map((t) => t.when);
  const candidates = new Map<number, RateThreshold[]>();
  for (const th of thresholds) {
    const n = flipAt(th, total);
    if (n > conforming && n <= total) {
      const list = candidates.get(n) ?? [];
      list.push(th);
      candidates.set(n, list);
    }
  }
  for (const n of [...candidates.keys()].sort((a, b) => a - b)) {
    const gain = roundPoints(itemPoints(item, n, total) - now);
    if (gain <= 0) continue;
    const need = n - conforming;
    const step: NextStep = {
      need,
      unit,
      threshold: crossedAll(candidates.get(n)!),
      gain,
      rate: n / total,
    };
    if (failingWeights && failingWeights.length >= need) {
      const sorted = [...failingWeights].sort((a, b) => a - b);
      step.findings = sorted.slice(0, need).reduce((a, b) => a + b, 0);
    }
    return step;
  }
  return undefined;
}

/** Glob match for rule ids: * matches any run of characters. */
export function globMatch(pattern: string, id: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(id);
}

const INPUT_OPTION: Record<string, string> = {
  published: '--published',
  mounted: '--mounted',
  interface: '--interfaces',
  update: '--updates',
  timely: '--updates',
};

function maxTier(tiers: readonly PointTier[] | undefined): number | null {
  return tiers && tiers.length > 0 ? Math.max(...tiers.map((t) => t.points)) : null;
}

/** A seeds text with its optional English (the Chinese stands in when there is none). */
function pair(zh: string, en: string | undefined): string | Text {
  return en ? both(zh, en) : zh;
}

function itemLabel(item: { label: string; labelEn?: string }): string | Text {
  return pair(item.label, item.labelEn);
}

function scoreRateItem(
  item: RateItem,
  files: readonly ScoredFile[],
  aggregate: Rate | undefined,
): NeutralItem {
  const out: NeutralItem = { id: item.id, label: itemLabel(item), type: 'rate', status: 'not-assessed' };
  const pointed = (item.earn?.length ?? 0) + (item.deduct?.length ?? 0) + (item.bonus?.length ?? 0) > 0;
  if (pointed)
    out.possible = { earn: maxTier(item.earn), deduct: maxTier(item.deduct), bonus: maxTier(item.bonus) };
  const rates = files.map((f) => f.rates[item.rate]).filter((r): r is Rate => r !== undefined);
  if (rates.length === 0) {
    out.reason = msg('score.reason.needsInput', { option: INPUT_OPTION[item.rate] ?? item.rate });
    return out;
  }
  const rate = aggregate ?? sumRates(rates[0]!.label ?? item.rate, rates);
  if (rate.notAssessed !== undefined) {
    out.reason = msgOf(rate.notAssessed);
    return out;
  }
  out.rate = { id: item.rate, conforming: rate.conforming, total: rate.total, rate: rate.rate };
  if (rate.unit) out.rate.unit = rate.unit;
  if (rate.total === 0) {
    out.reason = item.whenEmpty ?? msg('score.reason.empty');
    return out;
  }
  if (item.target)
    out.target = { text: item.target.text, met: holds(item.target, rate.conforming, rate.total) };
  if (!pointed) {
    out.status = 'informational';
    return out;
  }
  out.status = 'assessed';
  out.source = 'catalog';
  const e = tierPoints(item.earn, rate.conforming, rate.total);
  const d = tierPoints(item.deduct, rate.conforming, rate.total);
  const b = tierPoints(item.bonus, rate.conforming, rate.total);
  out.earned = e.points;
  out.deducted = d.points;
  out.bonus = b.points;
  out.matched = [e.text, d.text, b.text].filter((t): t is string => t !== undefined);
  const weights: number[] = [];
  for (const f of files) for (const w of f.weights[item.rate]?.values() ?? []) weights.push(w);
  const next = nextStep(
    item,
    rate.conforming,
    rate.total,
    rate.unit ?? 'entry',
    rate.source === 'diagnostics' ? weights : undefined,
  );
  if (next) out.next = next;
  return out;
}

function scoreFindingsItem(
  item: FindingsItem,
  files: readonly ScoredFile[],
  ruleIds: readonly string[],
  severities: ReadonlySet<Severity>,
): NeutralItem {
  const out: NeutralItem = {
    id: item.id,
    label: itemLabel(item),
    type: 'findings',
    status: 'not-assessed',
    possible: { earn: null, deduct: item.max, bonus: null },
    text: item.text,
  };
  const matches = (id: string) => item.ruleIds.some((g) => globMatch(g, id));
  if (!ruleIds.some(matches)) {
    out.reason = msg('score.reason.noRule', { rules: item.ruleIds.join(', ') });
    return out;
  }
  let count = 0;
  for (const f of files) {
    const entries = new Set<number>();
    for (const d of f.diagnostics)
      if (d.entry !== null && severities.has(d.severity) && matches(d.ruleId)) entries.add(d.entry);
    count += entries.size;
  }
  out.status = 'assessed';
  out.source = 'catalog';
  out.count = count;
  out.earned = 0;
  out.bonus = 0;
  out.deducted = roundPoints(Math.min(item.max, count * item.each));
  // Fewest fixes that lower the deduction: get under the cap first, then one entry less.
  if (count > 0) {
    const capped = Math.floor(roundPoints(item.max / item.each));
    out.next = {
      need: Math.max(0, count - capped) + 1,
      unit: 'finding',
      threshold: `≤ ${count - (Math.max(0, count - capped) + 1)}`,
      gain: roundPoints(Math.min(item.each, out.deducted)),
    };
  }
  return out;
}

function scoreManualItem(item: ManualItem): NeutralItem {
  const points = item.points;
  return {
    id: item.id,
    label: itemLabel(item),
    type: 'manual',
    status: 'not-assessed',
    possible: {
      earn: item.part === 'earn' ? points : null,
      deduct: item.part === 'deduct' ? points : null,
      bonus: item.part === 'bonus' ? points : null,
    },
    text: item.text,
    reason: pair(item.reason, item.reasonEn),
  };
}

function isPointed(item: NeutralItem): boolean {
  if (item.type !== 'rate') return true;
  return item.possible !== undefined;
}

function scoreIndicator(
  ind: ProfileIndicator,
  options: ScoreOptions,
  severities: ReadonlySet<Severity>,
): NeutralIndicator {
  const files = options.files.filter((f) => ind.kinds.includes(f.kind));
  const out: NeutralIndicator = {
    id: ind.id,
    title: pair(ind.title, ind.titleEn),
    basis: ind.basis,
    kinds: [...ind.kinds],
    status: 'not-assessed',
    entries: files.reduce((n, f) => n + f.entries, 0),
    basePoints: ind.basePoints,
    maxDeduction: ind.maxDeduction,
    maxBonus: ind.maxBonus,
    earned: 0,
    deducted: 0,
    bonus: 0,
    net: 0,
    items: [],
  };
  if (ind.group) out.group = ind.group;
  if (ind.part) out.part = ind.part;
  const given = options.assessment?.data.indicators[ind.id];
  if (files.length === 0 && !given) {
    out.status = 'not-applicable';
    out.note = msg('score.reason.noKind', { kinds: list(ind.kinds.map((k) => msg(`score.kind.${k}`))) });
    return out;
  }
  out.items = ind.items.map((item) =>
    item.type === 'rate'
      ? scoreRateItem(
          item,
          files,
          files.length === options.files.length ? options.aggregate?.[item.rate] : undefined,
        )
      : item.type === 'findings'
        ? scoreFindingsItem(item, files, options.ruleIds, severities)
        : scoreManualItem(item),
  );
  if (given) {
    out.status = 'assessed';
    out.source = 'assessment';
    if (given.missing) out.missing = true;
    if (given.points !== undefined) out.basePoints = given.points;
    out.earned = given.earned ?? 0;
    out.deducted = given.deducted ?? 0;
    out.bonus = given.bonus ?? 0;
    if (given.note) out.note = given.note;
  } else {
    const pointed = out.items.filter(isPointed);
    const assessed = pointed.filter((i) => i.status === 'assessed');
    out.status =
      pointed.length === 0 || assessed.length === 0
        ? 'not-assessed'
        : assessed.length === pointed.length
          ? 'assessed'
          : 'partial';
    const sum = (k: 'earned' | 'deducted' | 'bonus') => assessed.reduce((n, i) => n + (i[k] ?? 0), 0);
    out.earned = roundPoints(sum('earned'));
    out.deducted = roundPoints(Math.min(ind.maxDeduction ?? Number.POSITIVE_INFINITY, sum('deducted')));
    out.bonus = roundPoints(Math.min(ind.maxBonus ?? Number.POSITIVE_INFINITY, sum('bonus')));
  }
  out.net = roundPoints(out.earned - out.deducted + out.bonus);
  return out;
}

function checkAssessment(options: ScoreOptions): void {
  const a = options.assessment;
  if (!a) return;
  if (a.data.profile !== undefined && a.data.profile !== options.profile.id)
    throw new AssessmentError('score.assessment.profile', {
      file: a.file,
      profile: a.data.profile,
      expected: options.profile.id,
    });
  const byId = new Map(options.profile.indicators.map((i) => [i.id, i]));
  for (const [id, result] of Object.entries(a.data.indicators)) {
    if (!result) continue;
    const ind = byId.get(id);
    if (!ind)
      throw new AssessmentError('score.assessment.unknown', {
        file: a.file,
        id,
        profile: options.profile.id,
      });
    if (result.missing && !ind.optional)
      throw new AssessmentError('score.assessment.notOptional', { file: a.file, id });
  }
}

/** The 2019 formula: X = (M − deductions) × N, Y only when X qualifies, ALL = X + Y, band and lists. */
export function deductionBonus(
  profile: ScoringProfile,
  indicators: readonly NeutralIndicator[],
): NeutralAggregate {
  const agg = profile.aggregate!;
  const total = agg.deductionTotal ?? 100;
  const out: NeutralAggregate = {
    type: 'deduction-bonus',
    x: null,
    y: null,
    all: null,
    m: null,
    n: null,
    deductions: null,
    missing: [],
    pending: [],
    bonusQualified: null,
    band: null,
    lists: [],
  };
  let missingPoints = 0;
  let deductions = 0;
  for (const ind of indicators.filter((i) => i.part === 'deduction')) {
    if (ind.source !== 'assessment') {
      out.pending!.push(ind.id);
      continue;
    }
    if (ind.missing) {
      if (ind.basePoints === null || ind.basePoints === undefined) out.pending!.push(ind.id);
      else {
        out.missing!.push(ind.id);
        missingPoints += ind.basePoints;
      }
      continue;
    }
    // 单项指标扣分之和不超过本项指标总分值.
    deductions += Math.min(ind.basePoints ?? Number.POSITIVE_INFINITY, ind.deducted);
  }
  if (out.pending!.length > 0) {
    out.reason = msg('score.reason.pending', { ids: list(out.pending!) });
    return out;
  }
  const m = total - missingPoints;
  if (m <= 0) {
    out.reason = msg('score.reason.allMissing');
    return out;
  }
  const n = total / m;
  const x = roundPoints((m - deductions) * n);
  Object.assign(out, { m: roundPoints(m), n: roundPoints(n), deductions: roundPoints(deductions), x });
  const qualified = agg.bonusRequires ? holdsScore(agg.bonusRequires, x) : true;
  out.bonusQualified = qualified;
  if (!qualified) out.y = 0;
  else {
    let y = 0;
    for (const ind of indicators.filter((i) => i.part === 'bonus')) {
      if (ind.source !== 'assessment') out.pending!.push(ind.id);
      else y += Math.min(ind.basePoints ?? Number.POSITIVE_INFINITY, ind.bonus);
    }
    if (out.pending!.length > 0) {
      out.reason = msg('score.reason.pending', { ids: list(out.pending!) });
      return out;
    }
    out.y = roundPoints(Math.min(agg.bonusTotal ?? Number.POSITIVE_INFINITY, y));
  }
  const all = roundPoints(x + out.y!);
  out.all = all;
  const band = (agg.bands ?? []).find((b) => all >= b.min && (b.maxInclusive ? all <= b.max : all < b.max));
  out.band = band ? both(band.label, band.labelEn) : null;
  out.lists = (agg.lists ?? []).filter((l) => holdsScore(l.when, all)).map((l) => both(l.label, l.labelEn));
  return out;
}

/** Scores validated files against a profile; the texts are rendered by the report's edge (localize). */
export function scoreCatalogs(options: ScoreOptions): NeutralScore {
  checkAssessment(options);
  const { profile } = options;
  const severities = profile.countSeverities ?? [...DEFAULT_COUNT_SEVERITIES];
  const indicators = profile.indicators.map((ind) => scoreIndicator(ind, options, new Set(severities)));
  const counted = indicators.filter((i) => i.status === 'assessed' || i.status === 'partial');
  const totals: Score['totals'] = {
    earned: roundPoints(counted.reduce((n, i) => n + i.earned, 0)),
    deducted: roundPoints(counted.reduce((n, i) => n + i.deducted, 0)),
    bonus: roundPoints(counted.reduce((n, i) => n + i.bonus, 0)),
    net: 0,
    basePoints: roundPoints(counted.reduce((n, i) => n + (i.basePoints ?? 0), 0)),
    assessed: indicators.filter((i) => i.status === 'assessed').length,
    partial: indicators.filter((i) => i.status === 'partial').length,
    notAssessed: indicators.filter((i) => i.status === 'not-assessed').length,
    notApplicable: indicators.filter((i) => i.status === 'not-applicable').length,
  };
  totals.net = roundPoints(totals.earned - totals.deducted + totals.bonus);
  const score: NeutralScore = {
    profile: {
      id: profile.id,
      title: pair(profile.title, profile.titleEn),
      basis: profile.basis,
    },
    severities: [...severities],
    indicators,
    totals,
    notes: (profile.notes ?? []).map((n) => both(n.zh, n.en)),
  };
  if (options.assessment) score.assessment = options.assessment.file;
  if (profile.aggregate?.type === 'deduction-bonus') score.aggregate = deductionBonus(profile, indicators);
  else if (profile.aggregate) score.aggregate = { type: 'sum', all: totals.net };
  if (profile.grades && profile.grades.length > 0) {
    if (profile.grades.some((g) => g.when === null)) {
      score.grade = { label: null, reason: msg('score.reason.noGradeLines') };
    } else {
      const value = score.aggregate?.all ?? null;
      if (value === null) score.grade = { label: null, reason: msg('score.reason.noTotal') };
      else {
        const g = profile.grades.find((gr) => gr.when && holdsScore(gr.when, value));
        score.grade = { label: g ? both(g.label, g.labelEn) : null };
      }
    }
  }
  return score;
}
