// One self-contained offline HTML page for review meetings: rate bars against 80 %/90 %, providers, rules, score.
import type { Rate, Report, Score } from '../generated/schema-types.js';
import { aside, type Lang, labelled, translate, translateId } from '../i18n/index.js';
import { planHtml } from '../plan/render.js';
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
import { providerMatrix } from './markdown.js';
import type { Formatter } from './types.js';
import { tooManyWarnings } from './visible.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string | number | null | undefined): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

/** Thresholds drawn on the rate chart (the assessment's earn and bonus lines). */
const LINES = [80, 90];

function tone(rate: number | null): string {
  if (rate === null) return 'none';
  if (rate * 100 > 90) return 'good';
  if (rate * 100 >= 80) return 'fair';
  return 'poor';
}

/** Horizontal bars, one per rate, with dashed lines at 80 % and 90 %. */
function rateChart(rates: Rate[], lang: Lang): string {
  const labelW = 400;
  const barW = 440;
  const rowH = 46;
  const top = 34;
  const width = labelW + barW + 170;
  const height = top + rates.length * rowH + 8;
  const x = (p: number) => labelW + (barW * p) / 100;
  const parts: string[] = [];
  parts.push(
    `<svg data-chart="rates" role="img" aria-label="${e(translate(lang, 'report.rates'))}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`,
  );
  rates.forEach((r, i) => {
    const y = top + i * rowH;
    const value = r.rate === null ? 0 : r.rate * 100;
    parts.push(
      `<text class="label" x="${labelW - 14}" y="${y + 29}" text-anchor="end">${e(r.label ?? '')}</text>`,
    );
    parts.push(`<rect class="track" x="${labelW}" y="${y + 8}" width="${barW}" height="28" rx="4"/>`);
    parts.push(
      `<rect class="bar ${tone(r.rate)}" data-rate="${r.rate ?? ''}" x="${labelW}" y="${y + 8}" width="${((barW * value) / 100).toFixed(1)}" height="28" rx="4"/>`,
    );
    parts.push(
      `<text class="value" x="${labelW + barW + 12}" y="${y + 29}">${e(percent(r.rate))}<tspan class="count"> ${r.conforming}/${r.total}</tspan></text>`,
    );
  });
  for (const p of LINES) {
    parts.push(
      `<line class="threshold" data-percent="${p}" x1="${x(p)}" x2="${x(p)}" y1="${top - 6}" y2="${height - 4}"/>`,
    );
    parts.push(`<text class="threshold-label" x="${x(p)}" y="${top - 12}" text-anchor="middle">${p}%</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

function providerTable(rates: Record<string, Rate>, lang: Lang): string {
  const { ids, providers } = providerMatrix(rates);
  if (providers.length < 2) return '';
  const head = ids.map((id) => `<th>${e(rates[id]!.label ?? id)}</th>`).join('');
  const rows = providers
    .map(([p, row]) => {
      const cells = ids
        .map((id) => {
          const s = row[id];
          return s
            ? `<td class="num ${tone(s.rate)}">${e(percent(s.rate))}<span class="count">${s.conforming}/${s.total}</span></td>`
            : '<td class="num none">—</td>';
        })
        .join('');
      return `<tr><th scope="row">${e(p)}</th>${cells}</tr>`;
    })
    .join('');
  return `<section><h2>${e(translate(lang, 'report.byProvider'))}</h2><div class="scroll"><table class="providers"><thead><tr><th>${e(translate(lang, 'report.provider'))}</th>${head}</tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function scoreSection(score: Score, lang: Lang): string {
  const rows: string[] = [];
  for (const ind of score.indicators) {
    const pts =
      ind.status === 'not-applicable' || (ind.status === 'not-assessed' && ind.source !== 'assessment')
        ? '—'
        : `${points(ind.earned)} / −${points(ind.deducted)} / +${points(ind.bonus)} = <strong>${points(ind.net)}</strong>`;
    rows.push(
      `<tr class="indicator ${e(ind.status)}"><th scope="row">${e(ind.id)} ${e(ind.title)}</th><td class="st">${e(statusText(ind.status, lang))}</td><td></td><td class="num">${e(points(ind.basePoints))}</td><td class="num">${pts}</td><td>${e(ind.note ?? '')}</td></tr>`,
    );
    if (ind.status === 'not-applicable') continue;
    for (const item of ind.items) {
      const rate = item.rate
        ? `${percent(item.rate.rate)}<span class="count">${item.rate.conforming}/${item.rate.total}</span>`
        : item.count !== undefined
          ? String(item.count)
          : '';
      const next = item.next
        ? e(describeNext(item.next, lang))
        : item.target
          ? e(translate(lang, item.target.met ? 'score.targetMet' : 'score.targetMissed'))
          : e(item.reason ?? '');
      rows.push(
        `<tr class="item ${e(item.status)}"><td class="item-label">${e(item.label)}</td><td class="st">${e(statusText(item.status, lang))}</td><td class="num">${rate}</td><td></td><td class="num">${item.status === 'assessed' ? e(itemPointsText(item, lang)) : ''}</td><td class="next">${next}</td></tr>`,
      );
    }
  }
  const summary = scoreSummaryLines(score, lang)
    .map((l) => `<p class="total">${e(l)}</p>`)
    .join('');
  const notes =
    score.notes && score.notes.length > 0
      ? `<details><summary>${e(translate(lang, 'score.notes'))}</summary><ul>${score.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></details>`
      : '';
  const col = (id: string) => e(translateId(lang, `score.col.${id}`));
  return `<section><h2>${e(translate(lang, 'score.heading', { title: score.profile.title, id: score.profile.id }))}</h2><div class="scroll"><table class="score"><thead><tr><th>${col('indicator')}</th><th>${col('status')}</th><th>${col('rate')}</th><th>${col('base')}</th><th>${col('earned')} / ${col('deducted')} / ${col('bonus')}</th><th>${col('next')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>${summary}${notes}</section>`;
}

const CSS = `
:root{--ink:#1b2430;--muted:#5b6675;--line:#d5dbe3;--good:#1f7a3f;--fair:#b26a00;--poor:#c0282d;--none:#9aa3ad;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:20px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif}
main{max-width:1280px;margin:0 auto;padding:32px 40px 56px}
h1{font-size:38px;margin:0 0 4px}
h2{font-size:28px;margin:40px 0 14px;border-left:8px solid #2d5fa8;padding-left:14px}
.sub{color:var(--muted);margin:0 0 22px}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:16px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 18px}
.card .n{font-size:44px;font-weight:700;line-height:1.1}
.card.errors .n{color:var(--poor)}.card.warnings .n{color:var(--fair)}
.alert{background:#fdecec;border:2px solid var(--poor);border-radius:8px;padding:10px 16px;margin:16px 0;font-weight:700}
.note{color:var(--fair)}
svg{background:#fff;border:1px solid var(--line);border-radius:10px;display:block}
svg .label{font-size:20px;fill:var(--ink)}svg .value{font-size:21px;font-weight:700;fill:var(--ink)}svg .count{font-size:16px;font-weight:400;fill:var(--muted)}
svg .track{fill:#e9edf2}svg .bar.good{fill:var(--good)}svg .bar.fair{fill:var(--fair)}svg .bar.poor{fill:var(--poor)}svg .bar.none{fill:var(--none)}
svg .threshold{stroke:#222;stroke-width:2;stroke-dasharray:6 5}svg .threshold-label{font-size:17px;fill:#222;font-weight:700}
table{border-collapse:collapse;background:#fff;width:100%;font-size:18px}
th,td{border:1px solid var(--line);padding:7px 10px;text-align:left;vertical-align:top}
thead th{background:#eef1f5}
td.num{text-align:right;white-space:nowrap}
td .count,.count{display:block;font-size:14px;color:var(--muted)}
td.good{background:#e3f3e8}td.fair{background:#fff3dc}td.poor{background:#fde4e4}
.sev-error{color:var(--poor);font-weight:700}.sev-warning{color:var(--fair);font-weight:700}.sev-info{color:#2d5fa8}
tr.indicator th,tr.indicator td{background:#f1f4f8;font-weight:700}
tr.not-assessed td,tr.not-applicable td,tr.informational td{color:var(--muted)}
td.item-label{padding-left:28px}td.next{color:#2d5fa8}
.total{font-size:22px;font-weight:700;margin:12px 0 0}
.scroll{overflow-x:auto}
.st,table.score thead th,table.rules thead th{white-space:nowrap}
table.providers{font-size:16px}table.providers th[scope=row]{min-width:13em;font-weight:400}
ul.examples{margin:0;padding-left:18px}
footer{color:var(--muted);font-size:15px;margin-top:40px}
@media print{body{background:#fff}main{padding:0}}
`;

export const html: Formatter = (report: Report, ctx) => {
  const { lang } = ctx;
  const s = report.summary;
  const title = translate(lang, 'report.title');
  const files = report.files.map((f) => f.path).join('、');
  const card = (cls: string, n: number, label: string) =>
    `<div class="card ${cls}"><div class="n">${n}</div><div>${e(label)}</div></div>`;
  const body: string[] = [];
  body.push(`<h1>${e(title)}</h1><p class="sub">${e(files)}</p>`);
  body.push(
    `<div class="cards">${card('entries', s.entries, translate(lang, 'report.entries'))}${card('errors', s.errors, translate(lang, 'report.severity.error'))}${card('warnings', s.warnings, translate(lang, 'report.severity.warning'))}${card('infos', s.infos ?? 0, translate(lang, 'report.severity.info'))}</div>`,
  );
  if (tooManyWarnings(report, ctx))
    body.push(
      `<p class="alert">${e(translate(lang, 'report.tooManyWarnings', { warnings: s.warnings, max: ctx.maxWarnings }))}</p>`,
    );
  if (ctx.quiet) body.push(`<p class="note">${e(translate(lang, 'report.quietHidden'))}</p>`);
  for (const f of report.files.filter((x) => x.error))
    body.push(
      `<p class="alert">${e(labelled(f.path, `${f.error!.message}${aside(f.error!.code, lang)}`, lang))}</p>`,
    );
  const rates = headlineRates(report);
  const list = Object.values(rates).filter((r): r is Rate => r !== undefined);
  if (list.length > 0) {
    const notes = Object.values(report.rates ?? {})
      .flatMap((r) => (r ? rateNotes(r, lang) : []))
      .map((n) => `<p class="note">${e(n)}</p>`)
      .join('');
    body.push(
      `<section><h2>${e(translate(lang, 'report.rates'))}</h2>${rateChart(list, lang)}${notes}</section>`,
    );
    body.push(providerTable(rates, lang));
  }
  if (report.score) body.push(scoreSection(report.score, lang));
  if (report.plan) body.push(planHtml(report.plan, lang));
  const groups = groupByRule(report, lang);
  const ruleRows = groups
    .map(
      (g) =>
        `<tr><td><code>${e(g.ruleId)}</code></td><td class="st sev-${g.severity}">${e(translate(lang, `report.severity.${g.severity}`))}</td><td class="num">${g.count}</td><td><ul class="examples">${g.examples
          .map(
            (x) =>
              `<li>${report.files.length > 1 ? `${e(x.file)} ` : ''}${labelled(`<strong>${e(x.location)}</strong>${x.entryName ? e(aside(x.entryName, lang)) : ''}`, e(x.message), lang)}</li>`,
          )
          .join('')}</ul></td></tr>`,
    )
    .join('');
  body.push(
    `<section><h2>${e(translate(lang, 'report.byRule'))}</h2>${
      groups.length === 0
        ? `<p>${e(translate(lang, 'report.noFindings'))}</p>`
        : `<div class="scroll"><table class="rules"><thead><tr><th>${e(translate(lang, 'report.rule'))}</th><th>${e(translate(lang, 'report.severityLabel'))}</th><th>${e(translate(lang, 'report.count'))}</th><th>${e(translate(lang, 'report.examples'))}</th></tr></thead><tbody>${ruleRows}</tbody></table></div>`
    }</section>`,
  );
  body.push(
    `<footer>${e(translate(lang, 'report.generated', { version: report.tool?.version ?? '' }))}</footer>`,
  );
  return `<!doctype html>
<html lang="${translate(lang, 'format.htmlLang')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body><main>
${body.join('\n')}
</main></body>
</html>
`;
};
