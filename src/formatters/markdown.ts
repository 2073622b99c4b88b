// Markdown for job summaries and review notes: rates, per-provider table, findings by rule, the score table.
import type { Rate, Report } from '../generated/schema-types.js';
import { aside, joinClauses, type Lang, labelled, translate } from '../i18n/index.js';
import { planMarkdown } from '../plan/render.js';
import {
  describeNext,
  groupByRule,
  headlineRates,
  itemPointsText,
  percent,
  points,
  rateNotes,
  scoreSummaryLines,
  statusText,
} from './describe.js';
import { escapeControls } from './terminal.js';
import type { Formatter } from './types.js';
import { tooManyWarnings } from './visible.js';

/** Escapes text for a Markdown table cell (pipes, line breaks, raw HTML, other control characters). */
export function cell(text: string | number | null | undefined): string {
  return escapeControls(
    String(text ?? '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/\r?\n/g, ' '),
  );
}

function table(head: string[], rows: (string | number)[][]): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => cell(c)).join(' | ')} |`),
  ];
}

/** One provider's share of a rate. */
export interface ProviderSlot {
  conforming: number;
  total: number;
  rate: number | null;
}

/** Providers and their rate per id, from the headline rates. */
export function providerMatrix(rates: Record<string, Rate>): {
  ids: string[];
  providers: [string, Record<string, ProviderSlot>][];
} {
  const ids = Object.keys(rates).filter(
    (id) => rates[id]?.byProvider && Object.keys(rates[id]!.byProvider!).length > 0,
  );
  const providers = new Map<string, Record<string, ProviderSlot>>();
  for (const id of ids) {
    for (const [p, slot] of Object.entries(rates[id]!.byProvider ?? {})) {
      if (!slot) continue;
      const row = providers.get(p) ?? {};
      row[id] = slot;
      providers.set(p, row);
    }
  }
  return { ids, providers: [...providers.entries()].sort((a, b) => a[0].localeCompare(b[0], 'zh')) };
}

function rateSection(report: Report, lang: Lang): string[] {
  const rates = headlineRates(report);
  const list = Object.values(rates).filter((r): r is Rate => r !== undefined);
  if (list.length === 0) return [];
  const out = [`## ${translate(lang, 'report.rates')}`, ''];
  out.push(
    ...table(
      [translate(lang, 'score.col.rate'), translate(lang, 'format.conformingTotal'), '%'],
      list.map((r) => [r.label ?? '', `${r.conforming} / ${r.total}`, percent(r.rate)]),
    ),
  );
  const notes = Object.values(report.rates ?? {}).flatMap((r) => (r ? rateNotes(r, lang) : []));
  if (notes.length > 0) out.push('', ...notes.map((n) => `> ${cell(n)}`));
  const { ids, providers } = providerMatrix(rates);
  if (providers.length > 1) {
    out.push('', `### ${translate(lang, 'report.byProvider')}`, '');
    out.push(
      ...table(
        [translate(lang, 'report.provider'), ...ids.map((id) => rates[id]!.label ?? id)],
        providers.map(([p, row]) => [
          p,
          ...ids.map((id) => {
            const s = row[id];
            return s ? `${percent(s.rate)} (${s.conforming}/${s.total})` : '—';
          }),
        ]),
      ),
    );
  }
  return out;
}

/** Findings by rule: a table with counts and examples. */
function ruleSection(report: Report, lang: Lang): string[] {
  const out: string[] = [];
  const groups = groupByRule(report, lang);
  out.push(`## ${translate(lang, 'report.byRule')}`, '');
  if (groups.length === 0) out.push(translate(lang, 'report.noFindings'));
  else
    out.push(
      ...table(
        [
          translate(lang, 'report.rule'),
          translate(lang, 'score.col.status'),
          translate(lang, 'report.count'),
          translate(lang, 'report.examples'),
        ],
        groups.map((g) => [
          g.ruleId,
          translate(lang, `report.severity.${g.severity}`),
          g.count,
          joinClauses(
            g.examples.map((e) =>
              labelled(`${report.files.length > 1 ? `${e.file} ` : ''}${e.location}`, e.message, lang),
            ),
            lang,
          ),
        ]),
      ),
    );
  return out;
}

type ReportScore = NonNullable<Report['score']>;

/** One indicator's rows of the score table: the indicator, then each item (none when not applicable). */
function indicatorRows(ind: ReportScore['indicators'][number], lang: Lang): (string | number)[][] {
  const rows: (string | number)[][] = [
    [
      `**${ind.id} ${ind.title}**`,
      statusText(ind.status, lang),
      '',
      points(ind.basePoints),
      ind.status === 'not-applicable'
        ? '—'
        : `${points(ind.earned)} / −${points(ind.deducted)} / +${points(ind.bonus)} = ${points(ind.net)}`,
      ind.note ?? '',
    ],
  ];
  if (ind.status === 'not-applicable') return rows;
  for (const item of ind.items) {
    rows.push([
      item.label,
      statusText(item.status, lang),
      item.rate
        ? `${percent(item.rate.rate)} (${item.rate.conforming}/${item.rate.total})`
        : item.count !== undefined
          ? String(item.count)
          : '',
      '',
      item.status === 'assessed' ? itemPointsText(item, lang) : '',
      item.next
        ? describeNext(item.next, lang)
        : (item.reason ??
          (item.target ? translate(lang, item.target.met ? 'score.targetMet' : 'score.targetMissed') : '')),
    ]);
  }
  return rows;
}

/** The score against a profile: a table of indicators and items, the summary lines and notes. */
function scoreSection(score: ReportScore, lang: Lang): string[] {
  const out: string[] = [
    `## ${translate(lang, 'score.heading', { title: score.profile.title, id: score.profile.id })}`,
    '',
  ];
  out.push(
    ...table(
      [
        translate(lang, 'score.col.indicator'),
        translate(lang, 'score.col.status'),
        translate(lang, 'score.col.rate'),
        translate(lang, 'score.col.base'),
        `${translate(lang, 'score.col.earned')} / ${translate(lang, 'score.col.deducted')} / ${translate(lang, 'score.col.bonus')}`,
        translate(lang, 'score.col.next'),
      ],
      score.indicators.flatMap((ind) => indicatorRows(ind, lang)),
    ),
  );
  out.push('', ...scoreSummaryLines(score, lang).map((l) => `**${cell(l)}**`));
  if (score.notes && score.notes.length > 0) out.push('', ...score.notes.map((n) => `- ${cell(n)}`));
  return out;
}

export const markdown: Formatter = (report: Report, ctx) => {
  const { lang } = ctx;
  const s = report.summary;
  const out: string[] = [`# ${translate(lang, 'report.title')}`, ''];
  out.push(
    `**${translate(lang, 'report.summary', { entries: s.entries, errors: s.errors, warnings: s.warnings, infos: s.infos ?? 0 })}**`,
  );
  if (tooManyWarnings(report, ctx))
    out.push(
      '',
      `> **${translate(lang, 'report.tooManyWarnings', { warnings: s.warnings, max: ctx.maxWarnings })}**`,
    );
  if (ctx.quiet) out.push('', `> ${translate(lang, 'report.quietHidden')}`);
  const unreadable = report.files.filter((f) => f.error);
  if (unreadable.length > 0) {
    out.push('');
    for (const f of unreadable)
      out.push(
        `- ❌ ${labelled(`\`${cell(f.path)}\``, `${cell(f.error!.message)}${aside(f.error!.code, lang)}`, lang)}`,
      );
  }
  const rates = rateSection(report, lang);
  if (rates.length > 0) out.push('', ...rates);
  out.push('', ...ruleSection(report, lang));
  if (report.score) out.push('', ...scoreSection(report.score, lang));
  if (report.plan) out.push('', ...planMarkdown(report.plan, lang));
  return `${out.join('\n')}\n`;
};
