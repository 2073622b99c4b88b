// Builds the JSON report contract (schemas/report.schema.json) from diagnostics, rates and read errors.

import type { CatalogInputError } from './errors.js';
import type { FileReport, Finding, KindReason, Location, Report } from './generated/schema-types.js';
import { interpolate, joinList, type Lang, translate, translateId } from './i18n/index.js';
import { renderData } from './i18n/text.js';
import type { EntryFacts, RateRule } from './indicators/rates.js';
import type { ParsedCatalog } from './model/types.js';
import type { SuppressedDiagnostic } from './rules/suppress.js';
import type { Diagnostic } from './rules/types.js';
import { GOVCAT_VERSION } from './version.js';

/** Turns an internal diagnostic into a report finding, its message and data rendered in `lang`. */
export function toFinding(d: Diagnostic | SuppressedDiagnostic, lang: Lang): Finding {
  const location: Location = {};
  const l = d.location;
  if (l.sheet !== undefined) location.sheet = l.sheet;
  if (l.row !== undefined) location.row = l.row;
  if (l.column !== undefined) location.column = l.column;
  if (l.cell !== undefined) location.cell = l.cell;
  if (l.field !== undefined && l.field !== '') location.field = l.field;
  const data = renderData(d.data, lang);
  const f: Finding = {
    ruleId: d.ruleId,
    severity: d.severity,
    category: d.category,
    message: interpolate(d.template[lang], data),
    messageId: d.messageId,
    data,
    entry: d.entry,
    location,
  };
  if (d.entryName !== undefined) f.entryName = d.entryName;
  if (d.resourceCode !== undefined) f.resourceCode = d.resourceCode;
  if (d.fix) f.fix = d.fix;
  if ('suppression' in d) f.suppression = d.suppression;
  if (d.expiredSuppression) f.expiredSuppression = d.expiredSuppression;
  return f;
}

/** How a file's kind was decided, with the columns that showed it, in the report's language. */
export function kindReason(
  parsed: Pick<ParsedCatalog, 'kind' | 'kindSource' | 'kindEvidence'>,
  lang: Lang,
): KindReason {
  const kindLabel = translate(lang, `report.kind.${parsed.kind}`);
  const evidence = parsed.kindEvidence?.headers ?? [];
  const out: KindReason = { source: parsed.kindSource, evidence, message: '' };
  if (parsed.kindSource === 'detected' && parsed.kindEvidence) {
    out.basis = parsed.kindEvidence.basis;
    out.message = translate(lang, `report.kindReason.${out.basis}`, { evidence: joinList(evidence, lang) });
  } else {
    out.message = translateId(lang, `report.kindReason.${parsed.kindSource}`, {
      kind: parsed.kind,
      kindLabel,
    });
  }
  return out;
}

/** A file report for a file that could not be read. */
export function errorFileReport(
  path: string,
  error: CatalogInputError,
  lang: Lang,
  format: FileReport['format'] = 'unknown',
): FileReport {
  return {
    path,
    format,
    entries: 0,
    error: { code: error.code, message: error.render(lang), data: error.data },
    findings: [],
    rates: {},
  };
}

/** Finding counts of one file by severity, including findings beyond the listing cap. */
export type SeverityCounts = Record<'error' | 'warning' | 'info', number>;

/** The outcome of one file: its report section plus what later stages (compile, score) need. */
export interface FileResult {
  report: FileReport;
  counts: SeverityCounts;
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  /** The catalog as read, when it was kept (a catalog checked as it streams keeps only `facts`). */
  parsed?: ParsedCatalog;
  /** What the rates need of its entries (every readable file has them). */
  facts?: EntryFacts;
  /** The rules that ran on it (the rates tell from them what was measured). */
  rules?: readonly RateRule[];
}

/** The summary over every file. */
export function summarize(
  files: readonly { report: FileReport; counts: SeverityCounts }[],
): Report['summary'] {
  const summary = {
    files: files.length,
    unreadable: 0,
    entries: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    suppressed: 0,
  };
  for (const { report, counts } of files) {
    if (report.error) summary.unreadable++;
    summary.entries += report.entries;
    summary.errors += counts.error;
    summary.warnings += counts.warning;
    summary.infos += counts.info;
    summary.suppressed += report.suppressed?.length ?? 0;
  }
  return summary;
}

/** Wraps file reports into the versioned report. */
export function makeReport(files: FileReport[], summary: Report['summary']): Report {
  return { version: 1, tool: { name: 'govcat', version: GOVCAT_VERSION }, files, summary };
}
