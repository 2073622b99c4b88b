// validate --baseline: marks each finding new or existing against an earlier report, without row numbers.
import type { BaselineSummary, FileReport, Finding, Report } from '../generated/schema-types.js';
import { matchFindings, reportFindingKey } from './findings.js';

/** The findings of the baseline: from an earlier report (per file) or from validating a previous version. */
export interface Baseline {
  /** The baseline's file name, shown in the summary. */
  file: string;
  files: readonly { path: string; findings: readonly Finding[] }[];
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The baseline file that goes with a report file: the only one, the same path, or the same base name. */
function counterpart(baseline: Baseline, file: FileReport): readonly Finding[] {
  if (baseline.files.length === 1) return baseline.files[0]!.findings;
  const same =
    baseline.files.find((b) => b.path === file.path) ??
    baseline.files.find((b) => baseName(b.path) === baseName(file.path));
  return same?.findings ?? [];
}

function emptySummary(file: string): BaselineSummary {
  return { file, new: 0, newErrors: 0, newWarnings: 0, existing: 0, fixed: 0 };
}

/**
 * Marks every listed finding `baseline: new | existing` (matched by rule, resource code — the name when there
 * is none — and field; never by row) and adds per-file and overall counts. Mutates the report.
 */
export function applyBaseline(report: Report, baseline: Baseline): void {
  const total = emptySummary(baseline.file);
  for (const file of report.files) {
    if (file.error) continue;
    const m = matchFindings(counterpart(baseline, file), file.findings, reportFindingKey);
    const s = emptySummary(baseline.file);
    file.findings.forEach((f, i) => {
      f.baseline = m.existing[i] ? 'existing' : 'new';
      if (m.existing[i]) s.existing++;
      else {
        s.new++;
        if (f.severity === 'error') s.newErrors++;
        if (f.severity === 'warning') s.newWarnings++;
      }
    });
    s.fixed = m.fixed.length;
    file.baseline = s;
    for (const k of ['new', 'newErrors', 'newWarnings', 'existing', 'fixed'] as const) total[k] += s[k];
  }
  report.summary.baseline = total;
}
