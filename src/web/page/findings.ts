// The findings grouped by file and entry, filtered by severity, category, rule and text; each one jumps to its cell.
import type { Finding, Report } from '../../generated/schema-types.js';
import { byId, fill, h } from './dom.js';
import { t } from './texts.js';

/** Findings drawn at once; more on request (a list of 50,000 would stall the tab). */
const PAGE = 500;

export interface FindingRef {
  file: number;
  index: number;
  finding: Finding;
}

export interface FindingsEvents {
  /** The editor asked for the finding's cell. */
  onReveal: (ref: FindingRef) => void;
}

interface Filters {
  severity: string;
  category: string;
  rule: string;
  text: string;
}

export class FindingsView {
  private report: Report | undefined;
  private all: FindingRef[] = [];
  private limit = PAGE;

  constructor(private readonly events: FindingsEvents) {
    for (const id of ['f-severity', 'f-category', 'f-rule', 'f-text'])
      byId(id).addEventListener('input', () => {
        this.limit = PAGE;
        this.render();
      });
  }

  show(report: Report): void {
    this.report = report;
    this.all = report.files.flatMap((f, file) =>
      f.findings.map((finding, index) => ({ file, index, finding })),
    );
    this.limit = PAGE;
    const categories = [...new Set(this.all.map((r) => r.finding.category ?? ''))].filter(Boolean).sort();
    const rules = [...new Set(this.all.map((r) => r.finding.ruleId))].sort();
    const options = (id: string, values: string[], label: (v: string) => string) => {
      const select = byId<HTMLSelectElement>(id);
      const keep = select.value;
      fill(
        select,
        h('option', { value: '' }, t('all')),
        ...values.map((v) => h('option', { value: v }, label(v))),
      );
      select.value = values.includes(keep) ? keep : '';
    };
    options('f-severity', ['error', 'warning', 'info'], (v) => t(v as 'error'));
    options('f-category', categories, (v) => v);
    options('f-rule', rules, (v) => v);
    this.render();
  }

  private filters(): Filters {
    return {
      severity: byId<HTMLSelectElement>('f-severity').value,
      category: byId<HTMLSelectElement>('f-category').value,
      rule: byId<HTMLSelectElement>('f-rule').value,
      text: byId<HTMLInputElement>('f-text').value.trim().toLowerCase(),
    };
  }

  private matches(ref: FindingRef, f: Filters): boolean {
    const x = ref.finding;
    if (f.severity && x.severity !== f.severity) return false;
    if (f.category && x.category !== f.category) return false;
    if (f.rule && x.ruleId !== f.rule) return false;
    if (f.text) {
      const hay = `${x.message} ${x.ruleId} ${x.entryName ?? ''} ${x.resourceCode ?? ''} ${x.location?.cell ?? ''}`;
      if (!hay.toLowerCase().includes(f.text)) return false;
    }
    return true;
  }

  /** Focuses a finding's row in the list (from a cell of the grid); clears filters that hide it. */
  focus(file: number, index: number): void {
    let el = document.getElementById(`finding-${file}-${index}`);
    if (!el) {
      for (const id of ['f-severity', 'f-category', 'f-rule', 'f-text'])
        byId<HTMLInputElement>(id).value = '';
      this.limit = Math.max(this.limit, this.all.findIndex((r) => r.file === file && r.index === index) + 1);
      this.render();
      el = document.getElementById(`finding-${file}-${index}`);
    }
    el?.scrollIntoView({ block: 'center' });
    el?.querySelector<HTMLElement>('button, [tabindex]')?.focus({ preventScroll: true });
  }

  render(): void {
    const report = this.report;
    const list = byId('findings-list');
    if (!report) return;
    const f = this.filters();
    const matched = this.all.filter((r) => this.matches(r, f));
    const shown = matched.slice(0, this.limit);
    byId('findings-count').textContent = t('shown', { shown: shown.length, total: matched.length });
    if (matched.length === 0) {
      fill(list, h('p', { class: 'empty' }, t('noFindings')));
      return;
    }
    const groups: HTMLElement[] = [];
    let key = '';
    let ul: HTMLUListElement | undefined;
    for (const ref of shown) {
      const x = ref.finding;
      const k = `${ref.file}:${x.entry ?? '-'}`;
      if (k !== key || !ul) {
        key = k;
        ul = h('ul', { class: 'findings' });
        const name = [x.entryName, x.resourceCode ? t('aside', { text: x.resourceCode }) : '']
          .filter(Boolean)
          .join('');
        const title =
          x.entry === null || x.entry === undefined
            ? t('fileLevel')
            : t('entryHeading', { n: x.entry + 1, name });
        const path = report.files.length > 1 ? `${report.files[ref.file]!.path} · ` : '';
        groups.push(h('section', { class: 'entry' }, h('h3', {}, path + title), ul));
      }
      ul.append(this.item(ref));
    }
    const more = matched.length - shown.length;
    fill(
      list,
      ...groups,
      more > 0
        ? h(
            'button',
            {
              type: 'button',
              class: 'more',
              onclick: () => {
                this.limit += PAGE;
                this.render();
              },
            },
            t('showMore', { count: Math.min(PAGE, more) }),
          )
        : null,
    );
  }

  private item(ref: FindingRef): HTMLLIElement {
    const x = ref.finding;
    const loc = x.location;
    const cell = loc?.cell ?? (loc?.row !== undefined ? t('rowRef', { row: loc.row }) : '');
    const where = [loc?.sheet, cell].filter(Boolean).join('!');
    return h(
      'li',
      { id: `finding-${ref.file}-${ref.index}`, class: `finding sev-${x.severity}` },
      h('span', { class: `badge sev-${x.severity}` }, t(x.severity)),
      where && loc?.row !== undefined
        ? h(
            'button',
            {
              type: 'button',
              class: 'cellref',
              title: t('toCell', { cell: where }),
              'aria-label': t('toCell', { cell: where }),
              onclick: () => this.events.onReveal(ref),
            },
            where,
          )
        : h('span', { class: 'cellref none' }, where || loc?.field || '—'),
      h('span', { class: 'message' }, x.message),
      h('code', { class: 'rule' }, x.ruleId),
    );
  }
}
