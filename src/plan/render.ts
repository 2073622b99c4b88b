// The fix plan as text lines (stylish, markdown) and as an HTML section.
import type { Plan, PlanStep } from '../generated/schema-types.js';
import { aside, joinClauses, type Lang, labelled, translate } from '../i18n/index.js';

function pctDelta(step: PlanStep): string {
  if (!step.before || !step.after || step.before.rate === null || step.after.rate === null) return '';
  return ((step.after.rate - step.before.rate) * 100).toFixed(1);
}

/** “C2-1 修正这 37 个发现（37 条目录），目录命名规范合格率 +4.1 个百分点，越过 > 90%，+0.5 分”. */
export function stepHeadline(step: PlanStep, lang: Lang): string {
  const delta = pctDelta(step);
  const data = {
    indicator: step.indicator,
    findings: step.findings,
    entries: step.entries,
    label: step.label,
    rateLabel: step.rateLabel ?? step.label,
    delta,
    threshold: step.threshold ?? '',
    gain: step.gain,
  };
  return translate(lang, delta !== '' ? 'plan.step.rate' : 'plan.step.findings', data);
}

/** The plan as lines: one headline per step, then per provider its entries and findings. */
export function planLines(plan: Plan, lang: Lang, detail = true): string[] {
  const out = [translate(lang, 'plan.heading', { profile: plan.profile })];
  if (plan.steps.length === 0) return [...out, `  ${translate(lang, 'plan.none')}`];
  plan.steps.forEach((step, i) => {
    out.push(`  ${i + 1}. ${stepHeadline(step, lang)}`);
    if (!detail) return;
    for (const p of step.providers) {
      out.push(
        `     ${translate(lang, 'plan.provider', { provider: p.provider, entries: p.entries.length })}`,
      );
      for (const e of p.entries) {
        const head = translate(lang, 'diff.entry', { n: e.entry + 1 });
        out.push(`       ${head} ${e.name ?? ''}${e.code ? aside(e.code, lang) : ''}`);
        for (const f of e.findings)
          out.push(`         ${f.cell ? `${f.cell} ` : ''}${f.ruleId}  ${f.message}`);
      }
    }
  });
  return out;
}

/** The plan in Markdown: a heading, one numbered step each, and per provider a nested list (escaped like cells). */
export function planMarkdown(plan: Plan, lang: Lang): string[] {
  const md = (t: string) =>
    t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
  const out = [`## ${md(translate(lang, 'plan.heading', { profile: plan.profile }))}`, ''];
  if (plan.steps.length === 0) return [...out, md(translate(lang, 'plan.none'))];
  plan.steps.forEach((step, i) => {
    out.push(`${i + 1}. ${md(stepHeadline(step, lang))}`);
    for (const p of step.providers) {
      out.push(
        `   - ${md(translate(lang, 'plan.provider', { provider: p.provider, entries: p.entries.length }))}`,
      );
      for (const e of p.entries) {
        const head = `${md(translate(lang, 'diff.entry', { n: e.entry + 1 }))} ${md(e.name ?? '')}${e.code ? aside(md(e.code), lang) : ''}`;
        const findings = e.findings.map((f) => `\`${f.ruleId}\` ${md(f.message)}`);
        out.push(`     - ${labelled(head, joinClauses(findings, lang), lang)}`);
      }
    }
  });
  return out;
}

function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The plan as an HTML section of the report page (each provider's list folds out). */
export function planHtml(plan: Plan, lang: Lang): string {
  const steps = plan.steps.map((step) => {
    const providers = step.providers
      .map(
        (p) =>
          `<details><summary>${esc(translate(lang, 'plan.provider', { provider: p.provider, entries: p.entries.length }))}</summary><ul>${p.entries
            .map(
              (e) =>
                `<li>${esc(translate(lang, 'diff.entry', { n: e.entry + 1 }))} ${esc(e.name ?? '')}${e.code ? esc(aside(e.code, lang)) : ''}<ul>${e.findings
                  .map(
                    (f) =>
                      `<li>${f.cell ? `${esc(f.cell)} ` : ''}<code>${esc(f.ruleId)}</code> ${esc(f.message)}</li>`,
                  )
                  .join('')}</ul></li>`,
            )
            .join('')}</ul></details>`,
      )
      .join('');
    return `<li><strong>${esc(stepHeadline(step, lang))}</strong>${providers}</li>`;
  });
  const body =
    steps.length > 0
      ? `<ol class="plan">${steps.join('')}</ol>`
      : `<p>${esc(translate(lang, 'plan.none'))}</p>`;
  return `<section><h2>${esc(translate(lang, 'plan.heading', { profile: plan.profile }))}</h2>${body}</section>`;
}
