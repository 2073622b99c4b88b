// What every format applies the same way: --quiet hides non-errors, --max-warnings marks a failed run.
import type { Report } from '../generated/schema-types.js';
import type { FormatContext, Formatter } from './types.js';

/** The report as a formatter should see it: with --quiet, findings other than errors are dropped (counts stay). */
export function visibleReport(report: Report, context: FormatContext): Report {
  if (!context.quiet) return report;
  return {
    ...report,
    files: report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })),
    summary: { ...report.summary, quiet: true },
  };
}

/** Runs a formatter over the visible report, so every format honours --quiet the same way. */
export function renderReport(formatter: Formatter, report: Report, context: FormatContext): string {
  return formatter(visibleReport(report, context), context);
}

/** Whether the warnings exceed --max-warnings (the run fails with exit code 1). */
export function tooManyWarnings(report: Report, context: FormatContext): boolean {
  return context.maxWarnings !== undefined && report.summary.warnings > context.maxWarnings;
}
