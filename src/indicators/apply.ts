// The indicator stage over validated files: rates per file and over all files, input-driven rates, the score.
// Language-neutral: rate labels are message ids and the score's texts neutral until the report's edge renders them.
import type { Assessment, Rate, ScoringProfile, Severity } from '../generated/schema-types.js';
import type { FileResult } from '../report.js';
import type { Seeds } from '../seeds/index.js';
import { computeInputRates, type IndicatorInputSet, sumRates } from './input-rates.js';
import {
  computeRatesDetailed,
  DEFAULT_COUNT_SEVERITIES,
  type EntryFacts,
  RATE_IDS,
  type RateWeights,
} from './rates.js';
import { type NeutralScore, type ScoredFile, scoreCatalogs } from './score.js';

/** What the indicator stage needs besides the validated files. */
export interface IndicatorOptions {
  seeds: Seeds;
  /** Today as CCYY-MM-DD (default period of the update log). */
  today: string;
  /** Severities that count against the category rates (default: the profile's, else errors only). */
  countSeverities?: readonly Severity[];
  inputs?: IndicatorInputSet;
  profile?: ScoringProfile;
  assessment?: { file: string; data: Assessment };
  /** Ids of the rules that ran. */
  ruleIds?: readonly string[];
}

/** Rates over all files (labels as message ids), and the score when a profile is given (texts neutral). */
export interface IndicatorResult {
  rates: Record<string, Rate>;
  score?: NeutralScore;
  /** The results whose `report.rates` were replaced (labels as message ids, for the caller to render). */
  recomputed: readonly FileResult[];
}

/**
 * Recomputes each readable file's rates with the counted severities, adds the input-driven rates,
 * and returns the rates over all files plus the score. Mutates `results[].report.rates` (with label ids: the
 * caller renders them).
 */
export function applyIndicators(results: readonly FileResult[], options: IndicatorOptions): IndicatorResult {
  const severities = options.countSeverities ?? options.profile?.countSeverities ?? DEFAULT_COUNT_SEVERITIES;
  const readable = results.filter((r): r is FileResult & { facts: EntryFacts } => r.facts !== undefined);
  const weights: RateWeights[] = [];
  for (const r of readable) {
    const detailed = computeRatesDetailed(r.facts, r.diagnostics, {
      countSeverities: severities,
      today: options.today,
      ...(r.rules ? { rules: r.rules } : {}),
    });
    r.report.rates = detailed.rates;
    weights.push(detailed.weights);
  }
  let inputAggregate: Record<string, Rate> = {};
  if (options.inputs && Object.values(options.inputs).some((v) => v !== undefined)) {
    const input = computeInputRates(
      readable.map((r) => {
        // The input-driven rates match list rows against the entries: the caller keeps the catalogs for them.
        if (!r.parsed)
          throw new Error(`indicators: ${r.report.path} was validated without keeping its catalog`);
        return r.parsed;
      }),
      options.inputs,
      options.seeds,
      { today: options.today },
    );
    readable.forEach((r, f) => {
      Object.assign(r.report.rates, input.perFile[f]);
      Object.assign(weights[f]!, input.weights[f]);
    });
    inputAggregate = input.aggregate;
  }
  const rates: Record<string, Rate> = {};
  for (const id of RATE_IDS) {
    if (inputAggregate[id]) {
      rates[id] = inputAggregate[id]!;
      continue;
    }
    const per = readable.map((r) => r.report.rates[id]).filter((x): x is Rate => x !== undefined);
    if (per.length > 0) rates[id] = sumRates(per[0]!.label ?? id, per);
  }
  const out: IndicatorResult = { rates, recomputed: readable };
  if (options.profile) {
    const files: ScoredFile[] = readable.map((r, f) => ({
      kind: r.facts.kind,
      entries: r.facts.count,
      rates: r.report.rates,
      weights: weights[f]!,
      diagnostics: r.diagnostics,
    }));
    out.score = scoreCatalogs({
      profile: options.profile,
      files,
      ruleIds: options.ruleIds ?? [],
      aggregate: rates,
      ...(options.assessment ? { assessment: options.assessment } : {}),
    });
  }
  return out;
}
