// The annotated copy of one validated source (validate --annotate and the offline page): a workbook is patched in
// place, a CSV becomes a new workbook of its values. No Node built-ins: the page's worker calls it too.
import type { AppliedFix, FileReport } from '../../generated/schema-types.js';
import type { Lang } from '../../i18n/index.js';
import type { ResolvedLimits } from '../../limits.js';
import type { ParsedCatalog } from '../../model/types.js';
import { baseNameOf, extensionOf } from '../../util/names.js';
import { formatFromName } from '../readers/bytes.js';
import { csvRecords } from '../readers/csv.js';
import { type AnnotateResult, annotateWorkbook } from './annotate.js';

/** The formats an annotated copy can be made of. */
export function canAnnotate(name: string): boolean {
  const format = formatFromName(name);
  return format === 'xlsx' || format === 'xls' || format === 'csv';
}

/** The sheet a CSV's values go to: the file's name without extension, as Excel allows it (31 characters). */
export function csvSheetName(name: string): string {
  const base = baseNameOf(name);
  const ext = extensionOf(base);
  const stem = ext ? base.slice(0, -ext.length) : base;
  return [...stem.replace(/[[\]:*?/\\']/g, '_')].slice(0, 31).join('') || 'CSV';
}

/** The last source row any value of a parsed catalog came from (the annotated copy holds that many rows). */
export function lastSourceRow(parsed: ParsedCatalog | undefined): number {
  let max = 0;
  for (const entry of parsed?.entries ?? [])
    for (const loc of entry.locations.values()) if (loc.row !== undefined && loc.row > max) max = loc.row;
  return max;
}

/** What annotateSource needs: the validated source, its file report and parsed catalog. */
export interface AnnotateSourceInput {
  name: string;
  bytes: Uint8Array;
  file: FileReport;
  parsed?: ParsedCatalog;
  fixes?: readonly AppliedFix[];
  lang: Lang;
  limits: ResolvedLimits;
}

/** Annotates one source (throws PackageError when the workbook cannot be unpacked). */
export function annotateSource(input: AnnotateSourceInput): AnnotateResult {
  const table =
    formatFromName(input.name) === 'csv'
      ? { name: csvSheetName(input.name), rows: csvRecords(input.bytes, input.name, input.limits) }
      : undefined;
  return annotateWorkbook(input.bytes, {
    ...(table ? { table } : {}),
    file: input.file,
    ...(input.parsed ? { parsed: input.parsed } : {}),
    ...(input.fixes ? { fixes: input.fixes } : {}),
    lang: input.lang,
    limits: { maxInflatedBytes: input.limits.maxInflatedBytes, maxEntries: input.limits.maxZipEntries },
  });
}
