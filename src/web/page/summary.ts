// The summary: counts, the five rates as bars against the profile's thresholds, and the score with what the next
// threshold takes.
import type { Rate, Report } from '../../generated/schema-types.js';
import type { RunExtras } from '../protocol.js';
import { fill, h } from './dom.js';
import { t } from './texts.js';

function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function points(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(Math.round(n * 10_000) / 10_000);
}

function rateBar(rate: Rate, thresholds: number[]): HTMLElement {
  const value = rate.rate ?? 0;
  const top = thresholds.length > 0 ? Math.max(...thresholds) : 90;
  const low = thresholds.length > 0 ? Math.min(...thresholds) : 80;
  const level = value * 100 >= top ? 'good' : value * 100 >= low ? 'fair' : 'poor';
  return h(
    'div',
    { class: 'bar', role: 'img', 'aria-label': `${rate.label ?? ''} ${percent(rate.rate)}` },
    h('div', { class: `fill ${level}`, style: `width:${(value * 100).toFixed(2)}%` }),
    ...thresholds.map((p) =>
      h('div', { class: 'tick', style: `left:${p}%`, title: `${p}%`, 'data-percent': p }),
    ),
  );
}

function counts(report: Report): HTMLElement {
  const s = report.summary;
  const item = (n: number, label: string, cls: string) =>
    h('div', { class: `count ${cls}` }, h('strong', {}, String(n)), h('span', {}, label));
  return h(
    'div',
    { class: 'counts' },
    (s.files ?? 0) > 1 ? item(s.files ?? 0, t('files'), 'files') : null,
    item(s.entries ?? 0, t('entries'), 'entries'),
    item(s.errors, t('errors'), 'sev-error'),
    item(s.warnings, t('warnings'), 'sev-warning'),
    item(s.infos ?? 0, t('infos'), 'sev-info'),
  );
}

function rates(report: Report, extras: RunExtras): HTMLElement | null {
  const entries = Object.entries(report.rates ?? {}).filter((e): e is [string, Rate] => e[1] !== undefined);
  if (entries.length === 0) return null;
  return h(
    'section',
    { class: 'rates' },
    h('h2', {}, t('rates')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, t('rate')), h('th', {}, t('value')), h('th', {}, t('thresholds'))),
      ),
      h(
        'tbody',
        {},
        ...entries.map(([id, rate]) => {
          const th = extras.thresholds[id] ?? [];
          return h(
            'tr',
            { 'data-rate': id },
            h('th', { scope: 'row' }, rate.label ?? id),
            h(
              'td',
              { class: 'value' },
              `${percent(rate.rate)}${t('aside', { text: `${rate.conforming}/${rate.total}` })}`,
            ),
            h(
              'td',
              { class: 'chart' },
              rateBar(rate, th),
              h('small', {}, th.map((p) => `${p}%`).join(' · ')),
            ),
          );
        }),
      ),
    ),
  );
}

function score(report: Report, extras: RunExtras): HTMLElement | null {
  const s = report.score;
  if (!s) return null;
  const next: HTMLElement[] = [];
  for (const indicator of s.indicators)
    for (const item of indicator.items) {
      const text = extras.next[`${indicator.id}/${item.id}`];
      if (text)
        next.push(
          h('li', {}, h('strong', {}, t('labelHead', { label: `${indicator.id} ${item.label}` })), text),
        );
    }
  return h(
    'section',
    { class: 'score' },
    h('h2', {}, t('score', { title: s.profile.title })),
    h('h3', {}, t('nextSteps')),
    next.length > 0 ? h('ul', { class: 'next' }, ...next) : h('p', {}, t('noNext')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, t('indicator')), h('th', {}, t('status')), h('th', {}, t('net'))),
      ),
      h(
        'tbody',
        {},
        ...s.indicators.map((i) =>
          h(
            'tr',
            { class: `status-${i.status}` },
            h('th', { scope: 'row' }, `${i.id} ${i.title}`),
            h('td', {}, extras.status[i.status] ?? i.status),
            h('td', { class: 'value' }, points(i.net)),
          ),
        ),
      ),
    ),
    ...extras.scoreLines.map((line) => h('p', { class: 'total' }, line)),
  );
}

function unreadable(report: Report): HTMLElement | null {
  const bad = report.files.filter((f) => f.error);
  if (bad.length === 0) return null;
  return h(
    'section',
    { class: 'unreadable', role: 'alert' },
    h('h2', {}, t('unreadable')),
    h('ul', {}, ...bad.map((f) => h('li', {}, h('strong', {}, f.path), ' ', f.error?.message ?? ''))),
  );
}

export function renderSummary(el: HTMLElement, report: Report, extras: RunExtras): void {
  fill(el, counts(report), unreadable(report), rates(report, extras), score(report, extras));
}
