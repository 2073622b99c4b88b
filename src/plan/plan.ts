// score --plan: the fixes that gain the most points first, each checked by re-scoring without its findings.
import type {
  FindingsItem,
  Plan,
  PlanEntry,
  PlanFinding,
  PlanProvider,
  PlanStep,
  RateItem,
  Score,
  ScoringProfile,
  Severity,
} from '../generated/schema-types.js';
import { type Neutral, TemplateText } from '../i18n/text.js';
import { applyIndicators, type IndicatorOptions } from '../indicators/apply.js';
import {
  CATEGORY_RATES,
  DEFAULT_COUNT_SEVERITIES,
  providerOf,
  STALE_RULE,
  str,
} from '../indicators/rates.js';
import type { NeutralScore } from '../indicators/score.js';
import { globMatch, roundPoints } from '../indicators/score.js';
import type { ParsedCatalog } from '../model/types.js';
import type { FileResult } from '../report.js';
import type { Diagnostic } from '../rules/types.js';

type Readable = FileResult & { parsed: ParsedCatalog };

/** Which findings a score item counts: by category for the category rates, by rule for the others. */
function counts(item: RateItem | FindingsItem): ((d: Diagnostic) => boolean) | undefined {
  if (item.type === 'findings') return (d) => item.ruleIds.some((g) => globMatch(g, d.ruleId));
  const def = CATEGORY_RATES.find((c) => c.id === item.rate);
  if (def) return (d) => def.categories.includes(d.category);
  if (item.rate === 'update' || item.rate === 'timely') return (d) => d.ruleId === STALE_RULE;
  return undefined; // rates from formats or from input lists: not a matter of fixing findings
}

/** Scores results with some diagnostics removed (as if fixed), without touching the originals. */
function rescore(
  results: readonly FileResult[],
  removed: ReadonlySet<Diagnostic>,
  options: IndicatorOptions,
): NeutralScore {
  const copies = results.map((r) => ({
    ...r,
    report: { ...r.report },
    diagnostics: removed.size === 0 ? r.diagnostics : r.diagnostics.filter((d) => !removed.has(d)),
  }));
  return applyIndicators(copies, options).score!;
}

function planFinding(d: Diagnostic): Neutral<PlanFinding> {
  const out: Neutral<PlanFinding> = {
    ruleId: d.ruleId,
    severity: d.severity,
    message: new TemplateText(d.template, d.data),
  };
  if (d.location.field) out.field = d.location.field;
  if (d.location.cell) out.cell = d.location.cell;
  else if (d.location.row !== undefined) out.cell = String(d.location.row);
  if (d.fix)
    out.fix = { field: d.fix.field, to: d.fix.to, ...(d.fix.from !== undefined ? { from: d.fix.from } : {}) };
  return out;
}

interface Candidate {
  file: number;
  entry: number;
  findings: Diagnostic[];
}

/**
 * The plan under a profile: for every assessed item whose points depend on findings, the fewest entries to fix
 * (those with the fewest findings first) to reach its next threshold, the findings to fix grouped by provider,
 * and the gain in total points, measured by scoring again without those findings. Steps with the largest gain
 * come first. `score` is the current score of the same results and options.
 */
export function buildPlan(
  results: readonly FileResult[],
  options: IndicatorOptions & { profile: ScoringProfile },
  score: Score,
): Neutral<Plan> {
  const severities = new Set<Severity>(
    options.countSeverities ?? options.profile.countSeverities ?? DEFAULT_COUNT_SEVERITIES,
  );
  const findingsSeverities = new Set<Severity>(options.profile.countSeverities ?? DEFAULT_COUNT_SEVERITIES);
  const base = score.totals.net;
  const steps: Neutral<PlanStep>[] = [];
  for (const ind of options.profile.indicators) {
    const scored = score.indicators.find((i) => i.id === ind.id);
    for (const item of ind.items) {
      if (item.type === 'manual') continue;
      const s = scored?.items.find((i) => i.id === item.id);
      if (s?.status !== 'assessed' || s.source !== 'catalog' || !s.next) continue;
      const match = counts(item);
      if (!match) continue;
      const counted = item.type === 'findings' ? findingsSeverities : severities;
      const candidates: Candidate[] = [];
      results.forEach((r, file) => {
        if (!r.parsed || !ind.kinds.includes(r.parsed.kind)) return;
        const perEntry = new Map<number, Diagnostic[]>();
        for (const d of r.diagnostics) {
          if (d.entry === null || !counted.has(d.severity) || !match(d)) continue;
          const list = perEntry.get(d.entry);
          if (list) list.push(d);
          else perEntry.set(d.entry, [d]);
        }
        for (const [entry, findings] of perEntry) candidates.push({ file, entry, findings });
      });
      candidates.sort(
        (a, b) => a.findings.length - b.findings.length || a.file - b.file || a.entry - b.entry,
      );
      const chosen = candidates.slice(0, s.next.need);
      if (chosen.length < s.next.need) continue;
      const removed = new Set(chosen.flatMap((c) => c.findings));
      const after = rescore(results, removed, options);
      const gain = roundPoints(after.totals.net - base);
      if (gain <= 0) continue;
      const step: Neutral<PlanStep> = {
        indicator: ind.id,
        item: item.id,
        label: s.label,
        type: item.type,
        entries: chosen.length,
        findings: removed.size,
        gain,
        providers: group(chosen, results as readonly Readable[]),
      };
      if (s.next.threshold) step.threshold = s.next.threshold;
      if (item.type === 'rate' && s.rate) {
        step.rate = item.rate;
        const a = after.indicators.find((i) => i.id === ind.id)?.items.find((i) => i.id === item.id)?.rate;
        step.before = { conforming: s.rate.conforming, total: s.rate.total, rate: s.rate.rate };
        if (a) step.after = { conforming: a.conforming, total: a.total, rate: a.rate };
        step.rateLabel = s.label;
      }
      steps.push(step);
    }
  }
  steps.sort((a, b) => b.gain - a.gain || a.findings - b.findings);
  return { profile: options.profile.id, steps };
}

function group(chosen: readonly Candidate[], results: readonly Readable[]): Neutral<PlanProvider>[] {
  const byProvider = new Map<string, Neutral<PlanEntry>[]>();
  for (const c of chosen) {
    const r = results[c.file]!;
    const data = r.parsed.entries[c.entry]?.data;
    const entry: Neutral<PlanEntry> = {
      file: r.report.path,
      entry: c.entry,
      findings: c.findings.map(planFinding),
    };
    const name = str(data?.name);
    const code = str(data?.code);
    if (name) entry.name = name;
    if (code) entry.code = code;
    const provider = providerOf(r.parsed, c.entry);
    const list = byProvider.get(provider);
    if (list) list.push(entry);
    else byProvider.set(provider, [entry]);
  }
  return [...byProvider.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'zh'))
    .map(([provider, entries]) => ({ provider, entries }));
}
