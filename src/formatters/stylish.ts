// The default human format: findings grouped by entry (name and code), one line each, then a summary.
import pc from 'picocolors';
import type { Finding, Rate, Report } from '../generated/schema-types.js';
import { translate } from '../i18n/index.js';
import { displayLocation, displayWidth, padDisplay } from './location.js';
import type { FormatContext, Formatter } from './types.js';

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Formats one rate as “目录命名规范合格率 91.7%（11/12）”. */
export function formatRate(rate: Rate): string {
  return `${rate.label ?? ''} ${percent(rate.rate)}（${rate.conforming}/${rate.total}）`;
}

export const stylish: Formatter = (report: Report, ctx: FormatContext): string => {
  const c = pc.createColors(ctx.color);
  const sev = (s: Finding['severity']) => {
    const text = translate(ctx.lang, `report.severity.${s}`);
    return s === 'error' ? c.red(text) : s === 'warning' ? c.yellow(text) : c.blue(text);
  };
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error) {
      lines.push(`${c.underline(file.path)}`);
      lines.push(
        `  ${c.red(translate(ctx.lang, 'report.fileError'))}  ${file.error.message}  ${c.dim(file.error.code)}`,
      );
      lines.push('');
      continue;
    }
    const findings = ctx.quiet ? file.findings.filter((f) => f.severity === 'error') : file.findings;
    if (findings.length === 0) continue;
    lines.push(c.underline(file.path));
    const width = Math.min(28, Math.max(...findings.map((f) => displayWidth(displayLocation(f, ctx.lang)))));
    let current: number | null | undefined;
    for (const f of findings) {
      if (f.entry !== current) {
        current = f.entry;
        if (f.entry === null) {
          lines.push(`  ${c.bold(translate(ctx.lang, 'report.fileLevel'))}`);
        } else {
          const name = f.entryName ?? translate(ctx.lang, 'report.unnamed');
          const code = f.resourceCode ? `（${f.resourceCode}）` : '';
          lines.push(
            `  ${c.bold(translate(ctx.lang, 'report.entryHeading', { number: f.entry + 1, name, code }))}`,
          );
        }
      }
      lines.push(
        `    ${padDisplay(displayLocation(f, ctx.lang), width)}  ${sev(f.severity)}  ${f.message}  ${c.dim(f.ruleId)}`,
      );
    }
    if (file.truncated)
      lines.push(`  ${c.yellow(translate(ctx.lang, 'report.truncated', { limit: file.findings.length }))}`);
    lines.push('');
  }
  const s = report.summary;
  let summary = translate(ctx.lang, 'report.summary', {
    entries: s.entries,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos ?? 0,
  });
  if (s.suppressed) summary += translate(ctx.lang, 'report.summarySuppressed', { suppressed: s.suppressed });
  if (s.unreadable) summary += translate(ctx.lang, 'report.summaryUnreadable', { count: s.unreadable });
  const bad = s.errors > 0 || (s.unreadable ?? 0) > 0;
  lines.push((bad ? c.red('✖ ') : s.warnings > 0 ? c.yellow('⚠ ') : c.green('✔ ')) + summary);
  for (const file of report.files) {
    if (file.error || file.entries === 0) continue;
    const rates = Object.values(file.rates)
      .filter((r): r is Rate => r !== undefined)
      .map(formatRate)
      .join('  ');
    if (rates) lines.push(`  ${report.files.length > 1 ? `${file.path}  ` : ''}${rates}`);
  }
  return `${lines.join('\n')}\n`;
};
