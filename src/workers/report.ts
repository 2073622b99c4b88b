// Report assembly shared by the pool (main thread) and its workers: several file results into one report.
import type { FileReport, Rate, Report, Score } from '../generated/schema-types.js';
import { sumRates } from '../indicators/input-rates.js';
import { RATE_IDS } from '../indicators/rates.js';
import { makeReport, type SeverityCounts, summarize } from '../report.js';

/** What poolReport needs of each file: its report section and counts, and a score for a single file. */
export interface ReportPart {
  report: FileReport;
  counts: SeverityCounts;
  score?: Score;
}

/**
 * The report of several pool results, as `govcat validate` assembles it: the files, the summary, and the
 * rates over every readable file (each rate summed over the files). A score is kept only for a single file:
 * scoring several files together needs them in one process.
 */
export function poolReport(results: readonly ReportPart[]): Report {
  const report = makeReport(
    results.map((r) => r.report),
    summarize(results),
  );
  const readable = results.filter((r) => !r.report.error);
  const rates: Record<string, Rate> = {};
  for (const id of RATE_IDS) {
    const per = readable.map((r) => r.report.rates[id]).filter((x): x is Rate => x !== undefined);
    if (per.length > 0) rates[id] = sumRates(per[0]!.label ?? id, per);
  }
  if (Object.keys(rates).length > 0) report.rates = rates;
  if (results.length === 1 && results[0]!.score) report.score = results[0]!.score;
  return report;
}
