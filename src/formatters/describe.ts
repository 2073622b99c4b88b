// Shared wording for the human formats: percentages, points, next thresholds, rule groups, list-row notes.
import type { Finding, NextStep, Rate, Report, Score, ScoreItem } from '../generated/schema-types.js';
import { aside, joinList, type Lang, labelled, translate, translateId } from '../i18n/index.js';
import { displayLocation } from './location.js';

/** 91.7% or — when there is no rate. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Points without float noise: 0.5, 1, 2.25. */
export function points(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return String(Math.round(n * 10_000) / 10_000);
}

/** “目录命名规范合格率 91.7%（11/12）”. */
export function rateText(rate: Rate, lang: Lang): string {
  return translate(lang, 'format.rate', {
    label: rate.label ?? '',
    percent: percent(rate.rate),
    count: `${rate.conforming}/${rate.total}`,
  });
}

/** What it takes to reach the next threshold, in words. */
export function describeNext(next: NextStep, lang: Lang): string {
  const gain =
    next.unit === 'finding' ? points(next.gain) : `${next.gain > 0 ? '+' : ''}${points(next.gain)}`;
  const data = { need: next.need, findings: next.findings ?? 0, threshold: next.threshold, gain };
  if (next.unit === 'entry' && next.findings !== undefined && next.findings > 0)
    return translate(lang, 'score.next.findings', data);
  return translate(lang, `score.next.${next.unit}`, data);
}

/** The label of a status (assessed, not-assessed …). */
export function statusText(status: string, lang: Lang): string {
  return translateId(lang, `score.status.${status}`);
}

/** The points of an item as “得 0.5  扣 0  加 0”, or its reason when not assessed. */
export function itemPointsText(item: ScoreItem, lang: Lang): string {
  if (item.status !== 'assessed')
    return item.reason
      ? labelled(statusText(item.status, lang), item.reason, lang)
      : statusText(item.status, lang);
  return translate(lang, 'score.itemPoints', {
    earned: points(item.earned),
    deducted: points(item.deducted),
    bonus: points(item.bonus),
  });
}

/** The overall line of a score: X/Y/ALL with band and lists, or the sum totals, plus the grade. */
export function scoreSummaryLines(score: Score, lang: Lang): string[] {
  const lines: string[] = [];
  const t = score.totals;
  lines.push(
    translate(lang, 'score.totals', {
      assessed: t.assessed ?? 0,
      partial: t.partial ?? 0,
      notAssessed: t.notAssessed ?? 0,
      notApplicable: t.notApplicable ?? 0,
      earned: points(t.earned),
      deducted: points(t.deducted),
      bonus: points(t.bonus),
      net: points(t.net),
    }),
  );
  const a = score.aggregate;
  if (a?.type === 'deduction-bonus') {
    if (a.x === null || a.x === undefined)
      lines.push(labelled(`X、Y、ALL ${translate(lang, 'score.notAssessed')}`, a.reason ?? '', lang));
    else {
      const band = a.band ? translate(lang, 'score.band', { band: a.band }) : '';
      lines.push(
        translate(lang, 'score.xy', {
          x: points(a.x),
          m: points(a.m),
          n: points(a.n),
          deductions: points(a.deductions),
          y: a.y === null || a.y === undefined ? translate(lang, 'score.notAssessed') : points(a.y),
          all: a.all === null || a.all === undefined ? translate(lang, 'score.notAssessed') : points(a.all),
          band,
        }),
      );
      if (a.bonusQualified === false) lines.push(translate(lang, 'score.noBonus'));
      if (a.reason) lines.push(a.reason);
      if (a.lists && a.lists.length > 0)
        lines.push(translate(lang, 'score.lists', { lists: joinList(a.lists, lang) }));
    }
  }
  if (score.grade) {
    lines.push(
      translate(lang, 'score.grade', {
        grade:
          score.grade.label ??
          `${translate(lang, 'score.notAssessed')}${aside(score.grade.reason ?? '', lang)}`,
      }),
    );
  }
  return lines;
}

/** Notes about list rows that matched no entry or could not be used. */
export function rateNotes(rate: Rate, lang: Lang): string[] {
  const out: string[] = [];
  const rows = (list: { row: number }[] | undefined, count: number) =>
    `${joinList(
      (list ?? []).slice(0, 10).map((r) => String(r.row)),
      lang,
    )}${count > 10 ? ' …' : ''}`;
  if (rate.unmatchedCount)
    out.push(
      translate(lang, 'report.unmatched', {
        label: rate.label ?? '',
        count: rate.unmatchedCount,
        rows: rows(rate.unmatched, rate.unmatchedCount),
      }),
    );
  if (rate.invalidCount)
    out.push(
      translate(lang, 'report.invalid', {
        label: rate.label ?? '',
        count: rate.invalidCount,
        rows: rows(rate.invalid, rate.invalidCount),
      }),
    );
  return out;
}

/** Findings grouped by rule id: count and the first examples, most frequent first. */
export interface RuleGroup {
  ruleId: string;
  severity: Finding['severity'];
  category: Finding['category'];
  count: number;
  examples: { file: string; location: string; message: string; entryName?: string }[];
}

/** Groups the listed findings of every file by rule. */
export function groupByRule(report: Report, lang: Lang, examples = 3): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const file of report.files) {
    for (const f of file.findings) {
      let g = groups.get(f.ruleId);
      if (!g) {
        g = { ruleId: f.ruleId, severity: f.severity, category: f.category, count: 0, examples: [] };
        groups.set(f.ruleId, g);
      }
      g.count++;
      if (g.examples.length < examples) {
        const ex: RuleGroup['examples'][number] = {
          file: file.path,
          location: displayLocation(f, lang),
          message: f.message,
        };
        if (f.entryName) ex.entryName = f.entryName;
        g.examples.push(ex);
      }
    }
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...groups.values()].sort(
    (a, b) => rank[a.severity] - rank[b.severity] || b.count - a.count || a.ruleId.localeCompare(b.ruleId),
  );
}

/** The rates to show for a report: over all files when there are several, else the single file's. */
export function headlineRates(report: Report): Record<string, Rate> {
  const readable = report.files.filter((f) => !f.error);
  if (readable.length === 1) return readable[0]!.rates as Record<string, Rate>;
  return (report.rates ?? {}) as Record<string, Rate>;
}
