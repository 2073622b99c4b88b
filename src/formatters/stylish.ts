// The default human format: findings grouped by entry (name and code), one line each, suppressions, then a summary.
import pc from 'picocolors';
import type { FileReport, Finding, Rate, Report } from '../generated/schema-types.js';
import { type Lang, translate } from '../i18n/index.js';
import { displayLocation, displayWidth, padDisplay } from './location.js';
import type { FormatContext, Formatter } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Formats one rate as “目录命名规范合格率 91.7%（11/12）” (English: “… 91.7% (11/12)”). */
export function formatRate(rate: Rate, lang: Lang = 'zh'): string {
  const count = `${rate.conforming}/${rate.total}`;
  return `${rate.label ?? ''} ${percent(rate.rate)}${lang === 'zh' ? `（${count}）` : ` (${count})`}`;
}

/** “第 7 条 执业医师注册信息（315015001/2）”, or the file-level heading. */
function entryHeading(f: Finding, lang: Lang): string {
  if (f.entry === null) return translate(lang, 'report.fileLevel');
  const name = f.entryName ?? translate(lang, 'report.unnamed');
  const code = f.resourceCode ? (lang === 'zh' ? `（${f.resourceCode}）` : ` (${f.resourceCode})`) : '';
  return translate(lang, 'report.entryHeading', { number: f.entry + 1, name, code });
}

function severityText(c: Colors, lang: Lang, s: Finding['severity']): string {
  const text = translate(lang, `report.severity.${s}`);
  return s === 'error' ? c.red(text) : s === 'warning' ? c.yellow(text) : c.blue(text);
}

function fileSection(file: FileReport, ctx: FormatContext, c: Colors): string[] {
  const lines: string[] = [];
  const { lang } = ctx;
  const findings = ctx.quiet ? file.findings.filter((f) => f.severity === 'error') : file.findings;
  const suppressed = ctx.quiet ? [] : (file.suppressed ?? []);
  if (findings.length === 0 && suppressed.length === 0) return lines;
  lines.push(c.underline(file.path));
  const width = Math.min(28, Math.max(0, ...findings.map((f) => displayWidth(displayLocation(f, lang)))));
  let current: number | null | undefined;
  for (const f of findings) {
    if (f.entry !== current) {
      current = f.entry;
      lines.push(`  ${c.bold(entryHeading(f, lang))}`);
    }
    const expired = f.expiredSuppression
      ? c.dim(translate(lang, 'stylish.expired', { ...f.expiredSuppression }))
      : '';
    lines.push(
      `    ${padDisplay(displayLocation(f, lang), width)}  ${severityText(c, lang, f.severity)}  ${f.message}${expired}  ${c.dim(f.ruleId)}`,
    );
  }
  if (file.truncated)
    lines.push(`  ${c.yellow(translate(lang, 'report.truncated', { limit: file.findings.length }))}`);
  if (suppressed.length > 0) {
    lines.push(`  ${c.dim(translate(lang, 'stylish.suppressedHeading', { count: suppressed.length }))}`);
    for (const f of suppressed) {
      const until = f.suppression?.expires
        ? translate(lang, 'stylish.until', { expires: f.suppression.expires })
        : '';
      const reason = translate(lang, 'stylish.suppressedReason', { reason: f.suppression?.reason ?? '' });
      lines.push(
        c.dim(`    ${entryHeading(f, lang)}  ${displayLocation(f, lang)}  ${f.ruleId}  ${reason}${until}`),
      );
    }
  }
  lines.push('');
  return lines;
}

export const stylish: Formatter = (report: Report, ctx: FormatContext): string => {
  const c = pc.createColors(ctx.color);
  const { lang } = ctx;
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error) {
      lines.push(`${c.underline(file.path)}`);
      lines.push(
        `  ${c.red(translate(lang, 'report.fileError'))}  ${file.error.message}  ${c.dim(file.error.code)}`,
      );
      lines.push('');
      continue;
    }
    lines.push(...fileSection(file, ctx, c));
  }
  const s = report.summary;
  let summary = translate(lang, 'report.summary', {
    entries: s.entries,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos ?? 0,
  });
  if (s.suppressed) summary += translate(lang, 'report.summarySuppressed', { suppressed: s.suppressed });
  const listed = report.files.flatMap((f) => f.findings);
  const expired = listed.filter((f) => f.expiredSuppression).length;
  if (expired) summary += translate(lang, 'stylish.summaryExpired', { count: expired });
  if (s.unreadable) summary += translate(lang, 'report.summaryUnreadable', { count: s.unreadable });
  const fixable = listed.filter((f) => f.fix).length;
  if (fixable && !ctx.quiet) summary += translate(lang, 'stylish.summaryFixable', { count: fixable });
  const bad = s.errors > 0 || (s.unreadable ?? 0) > 0;
  lines.push((bad ? c.red('✖ ') : s.warnings > 0 ? c.yellow('⚠ ') : c.green('✔ ')) + summary);
  for (const file of report.files) {
    if (file.error || file.entries === 0) continue;
    const rates = Object.values(file.rates)
      .filter((r): r is Rate => r !== undefined)
      .map((r) => formatRate(r, lang))
      .join('  ');
    if (rates) lines.push(`  ${report.files.length > 1 ? `${file.path}  ` : ''}${rates}`);
  }
  return `${lines.join('\n')}\n`;
};
