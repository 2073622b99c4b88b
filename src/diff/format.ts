// The diff in four formats: stylish (terminal, Chinese first), json (schemas/diff.schema.json), markdown, html.
import pc from 'picocolors';
import { escapeHtml as e } from '../formatters/html.js';
import { cell } from '../formatters/markdown.js';
import { escapeControls, escapeStrings } from '../formatters/terminal.js';
import type {
  CatalogDiff,
  DiffFinding,
  EntryDiff,
  FieldChange,
  RateChange,
} from '../generated/schema-types.js';
import {
  aside,
  joinClauses,
  joinList,
  type Lang,
  labelled,
  type MessageId,
  translate,
} from '../i18n/index.js';
import { renderText } from '../i18n/text.js';
import { fieldLabelText } from '../model/fields.js';

/** Formats govcat diff writes. */
export const DIFF_FORMATS = ['stylish', 'json', 'markdown', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** What a diff formatter knows besides the diff. */
export interface DiffFormatContext {
  lang: Lang;
  color?: boolean;
}

/** The label of a dotted field (share.type → 共享类型), the field itself when the schema has none. */
export function diffFieldLabel(field: string, lang: Lang): string {
  const pointer = `/${field.replace(/\[(\d+|\*|[^\]]*)\]/g, '/*').replace(/\./g, '/')}`;
  const label = renderText(fieldLabelText(pointer), lang);
  return label === pointer ? field : label;
}

/** A value as one line of text. */
export function showValue(value: unknown, lang: Lang): string {
  if (value === undefined || value === null || value === '') return translate(lang, 'diff.empty');
  if (Array.isArray(value))
    return joinList(
      value.map((v) => showValue(v, lang)),
      lang,
    );
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\s+/g, ' ');
}

function entryTitle(d: EntryDiff, lang: Lang): string {
  const side = d.new ?? d.old!;
  const n = (i: number | undefined) => (i === undefined ? '—' : String(i + 1));
  const where =
    d.status === 'changed' || d.status === 'unchanged'
      ? translate(lang, 'diff.entry', { n: `${n(d.old?.entry)} → ${n(d.new?.entry)}` })
      : translate(lang, 'diff.entry', { n: n(side.entry) });
  const name = side.name ?? translate(lang, 'diff.empty');
  return `${where} ${name}${side.code ? aside(side.code, lang) : ''}`;
}

function changeLine(c: FieldChange, lang: Lang): string {
  return labelled(
    diffFieldLabel(c.field, lang),
    `${showValue(c.before, lang)} → ${showValue(c.after, lang)}`,
    lang,
  );
}

/** The lines that describe one entry's change (fields, code, items), without the findings. */
export function changeLines(d: EntryDiff, lang: Lang): string[] {
  const out: string[] = [];
  if (d.match) out.push(translate(lang, `diff.match.${d.match}`));
  if (d.recoded) out.push(translate(lang, 'diff.recoded', d.recoded));
  for (const c of d.changes) out.push(changeLine(c, lang));
  if (d.items?.added.length)
    out.push(translate(lang, 'diff.items.added', { names: joinList(d.items.added, lang) }));
  if (d.items?.removed.length)
    out.push(translate(lang, 'diff.items.removed', { names: joinList(d.items.removed, lang) }));
  for (const it of d.items?.changed ?? [])
    out.push(
      labelled(
        translate(lang, 'diff.items.changed', { name: it.name }),
        joinClauses(
          it.changes.map((c) => changeLine(c, lang)),
          lang,
        ),
        lang,
      ),
    );
  return out;
}

function findingLine(f: DiffFinding, kind: 'new' | 'fixed', lang: Lang): string {
  const where = f.cell ? `${f.cell} ` : '';
  return `${kind === 'new' ? '+' : '-'} ${translate(lang, `diff.findings.${kind}`)} ${where}${f.severity} ${f.ruleId}  ${f.message}`;
}

function pct(rate: RateChange['before']): string {
  if (!rate) return '—';
  const p = rate.rate === null ? '—' : `${(rate.rate * 100).toFixed(1)}%`;
  return `${p} (${rate.conforming}/${rate.total})`;
}

function summaryLines(d: CatalogDiff, lang: Lang): string[] {
  return [
    translate(lang, 'diff.summary.entries', { ...d.summary }),
    joinClauses(
      [
        translate(lang, 'diff.summary.findings', d.summary.findings),
        translate(lang, 'diff.summary.counts', {
          errors: d.old.errors,
          errorsAfter: d.new.errors,
          warnings: d.old.warnings,
          warningsAfter: d.new.warnings,
        }),
      ],
      lang,
    ),
  ];
}

function reuseLine(r: CatalogDiff['codeReused'][number], lang: Lang): string {
  const none = translate(lang, 'diff.empty');
  return translate(lang, 'diff.codeReused', {
    code: r.code,
    old: r.old.name ?? none,
    oldProvider: r.old.provider ?? none,
    new: r.new.name ?? none,
    newProvider: r.new.provider ?? none,
  });
}

function stylish(diff: CatalogDiff, ctx: DiffFormatContext): string {
  const { lang } = ctx;
  const c = pc.createColors(ctx.color === true);
  const d = escapeStrings(diff);
  const out: string[] = [c.bold(translate(lang, 'diff.title', { old: d.old.file, new: d.new.file })), ''];
  const tone = { added: c.green, removed: c.red, changed: c.yellow, unchanged: c.dim };
  for (const entry of d.entries) {
    out.push(
      `${tone[entry.status](translate(lang, `diff.status.${entry.status}`))}  ${entryTitle(entry, lang)}`,
    );
    for (const line of changeLines(entry, lang)) out.push(`    ${line}`);
    for (const f of entry.findings.new) out.push(`    ${c.red(findingLine(f, 'new', lang))}`);
    for (const f of entry.findings.fixed) out.push(`    ${c.green(findingLine(f, 'fixed', lang))}`);
  }
  if (d.entries.length === 0) out.push(translate(lang, 'diff.none'));
  if (d.codeReused.length > 0) out.push('');
  for (const r of d.codeReused) out.push(c.red(reuseLine(r, lang)));
  const cf = d.catalogFindings;
  if (cf.new.length + cf.fixed.length > 0) {
    out.push('', translate(lang, 'diff.catalogFindings'));
    for (const f of cf.new) out.push(`    ${c.red(findingLine(f, 'new', lang))}`);
    for (const f of cf.fixed) out.push(`    ${c.green(findingLine(f, 'fixed', lang))}`);
  }
  if (d.rates.length > 0) {
    out.push('', translate(lang, 'diff.rates'));
    for (const r of d.rates) out.push(`  ${r.label}  ${pct(r.before)} → ${pct(r.after)}`);
  }
  if (d.score) {
    out.push('', translate(lang, 'diff.score', { ...d.score }));
    for (const i of d.score.indicators.filter((x) => x.before !== x.after))
      out.push(`  ${i.id} ${i.title}  ${i.before} → ${i.after}`);
  }
  out.push('', ...summaryLines(d, lang).map((l) => c.bold(l)));
  return `${out.map((l) => escapeControls(l, false)).join('\n')}\n`;
}

function markdown(d: CatalogDiff, ctx: DiffFormatContext): string {
  const { lang } = ctx;
  const t = (id: MessageId, data?: Record<string, unknown>) => translate(lang, id, data);
  const out: string[] = [`## ${cell(t('diff.title', { old: d.old.file, new: d.new.file }))}`, ''];
  out.push(...summaryLines(d, lang).map((l) => `- ${cell(l)}`), '');
  if (d.entries.length > 0) {
    out.push(
      `| ${t('diff.column.status')} | ${t('diff.column.entry')} | ${t('diff.column.details')} |`,
      '|---|---|---|',
    );
    for (const entry of d.entries) {
      const details = [
        ...changeLines(entry, lang),
        ...entry.findings.new.map((f) => findingLine(f, 'new', lang)),
        ...entry.findings.fixed.map((f) => findingLine(f, 'fixed', lang)),
      ];
      out.push(
        `| ${cell(t(`diff.status.${entry.status}`))} | ${cell(entryTitle(entry, lang))} | ${details.map(cell).join('<br>')} |`,
      );
    }
    out.push('');
  }
  for (const r of d.codeReused) out.push(`- ⚠ ${cell(reuseLine(r, lang))}`);
  if (d.codeReused.length > 0) out.push('');
  if (d.rates.length > 0) {
    out.push(
      `| ${t('diff.column.rate')} | ${t('diff.column.before')} | ${t('diff.column.after')} |`,
      '|---|---|---|',
    );
    for (const r of d.rates) out.push(`| ${cell(r.label)} | ${pct(r.before)} | ${pct(r.after)} |`);
    out.push('');
  }
  if (d.score) out.push(`**${cell(t('diff.score', { ...d.score }))}**`, '');
  return `${out.join('\n')}\n`;
}

function html(d: CatalogDiff, ctx: DiffFormatContext): string {
  const { lang } = ctx;
  const t = (id: MessageId, data?: Record<string, unknown>) => translate(lang, id, data);
  const title = t('diff.title', { old: d.old.file, new: d.new.file });
  const rows = d.entries.map((entry) => {
    const details = [
      ...changeLines(entry, lang).map((l) => `<li>${e(l)}</li>`),
      ...entry.findings.new.map((f) => `<li class="new">${e(findingLine(f, 'new', lang))}</li>`),
      ...entry.findings.fixed.map((f) => `<li class="fixed">${e(findingLine(f, 'fixed', lang))}</li>`),
    ].join('');
    return `<tr class="${entry.status}"><td>${e(t(`diff.status.${entry.status}`))}</td><td>${e(entryTitle(entry, lang))}</td><td><ul>${details}</ul></td></tr>`;
  });
  const rates = d.rates.map(
    (r) => `<tr><td>${e(r.label)}</td><td>${e(pct(r.before))}</td><td>${e(pct(r.after))}</td></tr>`,
  );
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;vertical-align:top;text-align:left}
tr.added td:first-child{color:#176b2c}tr.removed td:first-child{color:#a11}tr.changed td:first-child{color:#8a5a00}
li.new{color:#a11}li.fixed{color:#176b2c}ul{margin:0;padding-left:1.2rem}</style></head><body>
<h1>${e(title)}</h1>
<ul>${summaryLines(d, lang)
    .map((l) => `<li>${e(l)}</li>`)
    .join('')}</ul>
<table><thead><tr><th>${e(t('diff.column.status'))}</th><th>${e(t('diff.column.entry'))}</th><th>${e(t('diff.column.details'))}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${d.codeReused.map((r) => `<p class="reused">⚠ ${e(reuseLine(r, lang))}</p>`).join('\n')}
<table><thead><tr><th>${e(t('diff.column.rate'))}</th><th>${e(t('diff.column.before'))}</th><th>${e(t('diff.column.after'))}</th></tr></thead><tbody>
${rates.join('\n')}
</tbody></table>
${d.score ? `<p><strong>${e(t('diff.score', { ...d.score }))}</strong></p>` : ''}
</body></html>
`;
}

/** Renders a diff in one of DIFF_FORMATS. */
export function formatDiff(diff: CatalogDiff, format: DiffFormat, ctx: DiffFormatContext): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(diff, null, 2)}\n`;
    case 'markdown':
      return markdown(diff, ctx);
    case 'html':
      return html(diff, ctx);
    default:
      return stylish(diff, ctx);
  }
}
