// The report of several pool results (main thread and workers): the pipeline's assembly with rates summed.
import type { Report } from '../generated/schema-types.js';
import { type AssembleOptions, assembleReport, type ReportPart } from '../pipeline.js';

export type { ReportPart } from '../pipeline.js';

/**
 * The report of several pool results, as `govcat validate` assembles it: the files, the summary, and the
 * rates over every readable file (each rate summed over the files). A score is kept only for a single file:
 * scoring several files together needs them in one process.
 */
export function poolReport(
  results: readonly ReportPart[],
  options: Pick<AssembleOptions, 'quiet' | 'maxWarnings'> = {},
): Report {
  const score = results.length === 1 ? results[0]!.score : undefined;
  return assembleReport(results, { ...options, rates: 'sum', ...(score ? { score } : {}) });
}
