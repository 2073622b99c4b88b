// The default human format: findings grouped by entry (name and code), one line each, suppressions, then a summary.
import pc from 'picocolors';
import type { FileReport, Finding, Rate, Report, Score } from '../generated/schema-types.js';
import { aside, joinList, type Lang, translate } from '../i18n/index.js';
import { planLines } from '../plan/render.js';
import {
  describeNext,
  itemPointsText,
  percent as pct,
  points,
  rateNotes,
  scoreSummaryLines,
  statusText,
} from './describe.js';
import { displayLocation, displayWidth, padDisplay } from './location.js';
import type { FormatContext, Formatter } from './types.js';
import { tooManyWarnings } from './visible.js';

type Colors = ReturnType<typeof pc.createColors>;

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Formats one rate as “目录命名规范合格率 91.7%（11/12）” (English: “… 91.7% (11/12)”). */
export function formatRate(rate: Rate, lang: Lang = 'zh'): string {
  const count = `${rate.conforming}/${rate.total}`;
  return translate(lang, 'format.rate', { label: rate.label ?? '', percent: percent(rate.rate), count });
}

/** “第 7 条 执业医师注册信息（315015001/2）”, or the file-level heading. */
function entryHeading(f: Finding, lang: Lang): string {
  if (f.entry === null) return translate(lang, 'report.fileLevel');
  const name = f.entryName ?? translate(lang, 'report.unnamed');
  const code = f.resourceCode ? translate(lang, 'format.aside', { text: f.resourceCode }) : '';
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
  if ((findings.length === 0 && suppressed.length === 0) || ctx.findings === false) return lines;
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
      `    ${padDisplay(displayLocation(f, lang), width)}  ${severityText(c, lang, f.severity)}  ${f.message}${expired}  ${c.dim(f.ruleId)}${f.baseline === 'new' ? `  ${c.magenta(translate(lang, 'baseline.new'))}` : ''}`,
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
      // One line per unreadable file: the message names the file and says what is wrong.
      lines.push(`${c.red('✖')} ${file.error.message}  ${c.dim(file.error.code)}`);
      continue;
    }
    // A loop, not a spread: a file may have more lines than a call can take arguments.
    for (const line of fileSection(file, ctx, c)) lines.push(line);
  }
  // When nothing could be read, the error lines are the whole story: no empty summary under them.
  if (report.files.length > 0 && report.files.every((f) => f.error)) return `${lines.join('\n')}\n`;
  if (lines.length > 0 && lines[lines.length - 1] !== '' && report.files.some((f) => f.error)) lines.push('');
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
  if (s.baseline) lines.push(`  ${c.bold(translate(lang, 'baseline.summary', { ...s.baseline }))}`);
  if (tooManyWarnings(report, ctx))
    lines.push(
      `  ${c.red(translate(lang, 'report.tooManyWarnings', { warnings: s.warnings, max: ctx.maxWarnings }))}`,
    );
  if (ctx.quiet && (s.warnings > 0 || (s.infos ?? 0) > 0))
    lines.push(`  ${c.dim(translate(lang, 'report.quietHidden'))}`);
  for (const file of report.files) {
    if (file.error || file.entries === 0) continue;
    const rates = Object.values(file.rates)
      .filter((r): r is Rate => r !== undefined)
      .map((r) => formatRate(r, lang))
      .join('  ');
    if (rates) lines.push(`  ${report.files.length > 1 ? `${file.path}  ` : ''}${rates}`);
  }
  for (const rate of Object.values(report.rates ?? {})) {
    if (rate) for (const note of rateNotes(rate, lang)) lines.push(`  ${c.yellow(note)}`);
  }
  if (report.score) lines.push('', ...scoreLines(report.score, lang, c));
  if (report.plan) lines.push('', ...planLines(report.plan, lang).map((l, i) => (i === 0 ? c.bold(l) : l)));
  return `${lines.join('\n')}\n`;
};

/** The score table as text: one block per indicator, one line per item, the next threshold indented. */
function scoreLines(score: Score, lang: Lang, c: ReturnType<typeof pc.createColors>): string[] {
  const lines: string[] = [
    c.bold(translate(lang, 'score.heading', { title: score.profile.title, id: score.profile.id })),
  ];
  lines.push(
    c.dim(
      translate(lang, 'score.severities', {
        severities: joinList(
          score.severities.map((s) => translate(lang, `report.severity.${s}`)),
          lang,
        ),
      }),
    ),
  );
  for (const ind of score.indicators) {
    lines.push('');
    const head = `${c.bold(`${ind.id} ${ind.title}`)}  ${statusText(ind.status, lang)}${ind.source === 'assessment' ? translate(lang, 'score.assessmentSource') : ''}`;
    if (ind.status === 'not-applicable' || (ind.status === 'not-assessed' && ind.source !== 'assessment')) {
      lines.push(`${head}${ind.note ? `  ${c.dim(ind.note)}` : ''}`);
    } else {
      lines.push(
        `${head}  ${translate(lang, 'score.points', {
          base: points(ind.basePoints),
          earned: points(ind.earned),
          deducted: points(ind.deducted),
          bonus: points(ind.bonus),
          net: points(ind.net),
        })}`,
      );
    }
    if (ind.missing) lines.push(`  ${translate(lang, 'score.missing')}`);
    if (ind.status === 'not-applicable') continue;
    for (const item of ind.items) {
      const rate = item.rate
        ? `${pct(item.rate.rate)}${aside(`${item.rate.conforming}/${item.rate.total}`, lang)}`
        : item.type === 'findings' && item.count !== undefined
          ? `${item.count}`
          : '';
      const target = item.target
        ? `  ${item.target.met ? c.green(translate(lang, 'score.targetMet')) : c.red(translate(lang, 'score.targetMissed'))}`
        : '';
      const pointsText =
        item.status === 'assessed' ? itemPointsText(item, lang) : c.dim(itemPointsText(item, lang));
      lines.push(`  ${padDisplay(item.label, 30)} ${padDisplay(rate, 16)} ${pointsText}${target}`);
      if (item.next) lines.push(`    ${c.cyan(`→ ${describeNext(item.next, lang)}`)}`);
    }
  }
  lines.push('');
  for (const l of scoreSummaryLines(score, lang)) lines.push(c.bold(l));
  if (score.notes && score.notes.length > 0) {
    lines.push('', c.dim(translate(lang, 'format.heading', { label: translate(lang, 'score.notes') })));
    for (const n of score.notes) lines.push(c.dim(`  · ${n}`));
  }
  return lines;
}
