// The hook format: one line per finding (`file:目录!C7: 错误 message [rule]`), nothing at all when clean.
import type { Report } from '../generated/schema-types.js';
import { translate } from '../i18n/index.js';
import { displayLocation } from './location.js';
import type { FormatContext, Formatter } from './types.js';
import { tooManyWarnings } from './visible.js';

/** One line per finding and per unreadable file; the empty string when there is nothing to say. */
export const compact: Formatter = (report: Report, ctx: FormatContext): string => {
  const lines: string[] = [];
  const sev = (s: 'error' | 'warning' | 'info') => translate(ctx.lang, `report.severity.${s}`);
  for (const file of report.files) {
    if (file.error) {
      lines.push(`${file.path}: ${sev('error')} ${file.error.message} [${file.error.code}]`);
      continue;
    }
    for (const f of file.findings) {
      if (ctx.quiet && f.severity !== 'error') continue;
      const where =
        f.entry === null && !f.location.field && !f.location.row ? '' : `:${displayLocation(f, ctx.lang)}`;
      lines.push(`${file.path}${where}: ${sev(f.severity)} ${f.message} [${f.ruleId}]`);
    }
    if (file.truncated)
      lines.push(`${file.path}: ${translate(ctx.lang, 'report.truncated', { limit: file.findings.length })}`);
  }
  // A run that fails only because of --max-warnings says so, or the exit code would be unexplained.
  if (tooManyWarnings(report, ctx))
    lines.push(
      translate(ctx.lang, 'report.tooManyWarnings', {
        warnings: report.summary.warnings,
        max: ctx.maxWarnings,
      }),
    );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
