// The sheet view: a virtualized grid that draws only the cells in sight, so 20,000 rows scroll as smoothly as 20.
// Flagged cells are coloured by severity; the keyboard moves an active cell; Enter or a click shows its findings.
import type { Finding } from '../../generated/schema-types.js';
import type { SheetView } from '../protocol.js';
import { h } from './dom.js';

export const ROW_HEIGHT = 28;
export const COL_WIDTH = 150;
export const HEAD_WIDTH = 64;
const OVERSCAN = 4;
const RANK = { error: 3, warning: 2, info: 1 } as const;

/** Column letters of a 0-based index (A, …, Z, AA, …). */
export function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column index of letters (A → 0). */
export function columnIndex(col: string): number {
  let n = 0;
  for (const ch of col.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A finding placed on the grid: row (0-based), column (0-based, −1 for the whole row). */
export interface Flag {
  row: number;
  col: number;
  finding: Finding;
  /** Index of the finding in its file's list (the findings view's id). */
  index: number;
}

export interface GridEvents {
  /** The active cell changed (by keyboard, click or reveal): its findings. */
  onSelect: (cell: string, flags: Flag[]) => void;
}

/** A grid over one sheet. */
export class SheetGrid {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private sheet: SheetView = { name: '', rows: [], columns: 0, omitted: 0 };
  private flags = new Map<string, Flag[]>();
  private active = { row: 0, col: 0 };
  private frame = 0;

  constructor(
    private readonly events: GridEvents,
    label: string,
  ) {
    this.canvas = h('div', { class: 'grid-canvas' });
    this.element = h(
      'div',
      {
        class: 'grid',
        role: 'grid',
        tabindex: 0,
        'aria-label': label,
        onkeydown: (e: Event) => this.key(e as KeyboardEvent),
        onscroll: () => this.schedule(),
        onclick: (e: Event) => this.click(e),
      },
      this.canvas,
    );
  }

  /** Shows a sheet with its flags. */
  show(sheet: SheetView, flags: Flag[]): void {
    this.sheet = sheet;
    this.flags = new Map();
    for (const f of flags) {
      const key = `${f.row},${f.col}`;
      const list = this.flags.get(key);
      if (list) list.push(f);
      else this.flags.set(key, [f]);
    }
    const columns = Math.max(sheet.columns, 1);
    this.canvas.style.height = `${(sheet.rows.length + 1) * ROW_HEIGHT}px`;
    this.canvas.style.width = `${HEAD_WIDTH + columns * COL_WIDTH}px`;
    this.element.setAttribute('aria-rowcount', String(sheet.rows.length + 1));
    this.element.setAttribute('aria-colcount', String(columns + 1));
    this.active = { row: 0, col: 0 };
    this.element.scrollTop = 0;
    this.element.scrollLeft = 0;
    this.render();
  }

  /** Makes a cell active, scrolls it into view and focuses the grid. */
  reveal(row: number, col: number, focus = true): void {
    this.active = { row: Math.max(0, row), col: Math.max(0, col) };
    const top = (this.active.row + 1) * ROW_HEIGHT;
    const left = HEAD_WIDTH + this.active.col * COL_WIDTH;
    const el = this.element;
    if (top < el.scrollTop + ROW_HEIGHT || top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = Math.max(0, top - Math.floor(el.clientHeight / 2));
    if (left < el.scrollLeft + HEAD_WIDTH || left + COL_WIDTH > el.scrollLeft + el.clientWidth)
      el.scrollLeft = Math.max(0, left - HEAD_WIDTH - COL_WIDTH);
    this.render();
    if (focus) el.focus({ preventScroll: true });
    this.select();
  }

  private cellName(row: number, col: number): string {
    return `${letters(col)}${row + 1}`;
  }

  private select(): void {
    const { row, col } = this.active;
    const flags = [...(this.flags.get(`${row},${col}`) ?? []), ...(this.flags.get(`${row},-1`) ?? [])];
    this.events.onSelect(this.cellName(row, col), flags);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private severity(key: string): string {
    let best = 0;
    let name = '';
    for (const f of this.flags.get(key) ?? []) {
      const rank = RANK[f.finding.severity];
      if (rank > best) {
        best = rank;
        name = f.finding.severity;
      }
    }
    return name;
  }

  /** Draws the header row, the row numbers and the cells in sight (absolutely placed). */
  render(): void {
    const el = this.element;
    const rows = this.sheet.rows.length;
    const columns = Math.max(this.sheet.columns, 1);
    const top = el.scrollTop;
    const left = el.scrollLeft;
    const height = el.clientHeight || 600;
    const width = el.clientWidth || 1000;
    const r0 = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const r1 = Math.min(rows, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const c0 = Math.max(0, Math.floor((left - HEAD_WIDTH) / COL_WIDTH) - 1);
    const c1 = Math.min(columns, Math.ceil((left + width) / COL_WIDTH) + 1);
    const parts: HTMLElement[] = [];
    const place = (node: HTMLElement, x: number, y: number, w: number) => {
      node.style.transform = `translate(${x}px,${y}px)`;
      node.style.width = `${w}px`;
      parts.push(node);
    };
    for (let r = r0; r < r1; r++) {
      const row = this.sheet.rows[r] ?? [];
      for (let c = c0; c < c1; c++) {
        const key = `${r},${c}`;
        const sev = this.severity(key);
        const isActive = this.active.row === r && this.active.col === c;
        const text = row[c] ?? '';
        const cell = h(
          'div',
          {
            class: `cell${sev ? ` sev-${sev}` : ''}${isActive ? ' active' : ''}`,
            role: 'gridcell',
            'aria-rowindex': r + 2,
            'aria-colindex': c + 2,
            'aria-selected': isActive ? 'true' : undefined,
            'data-cell': this.cellName(r, c),
            'data-row': r,
            'data-col': c,
            title: sev ? (this.flags.get(key) ?? []).map((f) => f.finding.message).join('\n') : text,
          },
          text,
        );
        place(cell, HEAD_WIDTH + c * COL_WIDTH, (r + 1) * ROW_HEIGHT, COL_WIDTH);
      }
      const rowSev = this.severity(`${r},-1`);
      const head = h(
        'div',
        {
          class: `cell head row-head${rowSev ? ` sev-${rowSev}` : ''}`,
          role: 'rowheader',
          'data-row': r,
          'data-col': -1,
          title: rowSev
            ? (this.flags.get(`${r},-1`) ?? []).map((f) => f.finding.message).join('\n')
            : undefined,
        },
        String(r + 1),
      );
      place(head, left, (r + 1) * ROW_HEIGHT, HEAD_WIDTH);
    }
    for (let c = c0; c < c1; c++) {
      const head = h('div', { class: 'cell head col-head', role: 'columnheader' }, letters(c));
      place(head, HEAD_WIDTH + c * COL_WIDTH, top, COL_WIDTH);
    }
    place(h('div', { class: 'cell head corner' }), left, top, HEAD_WIDTH);
    this.canvas.replaceChildren(...parts);
  }

  private click(e: Event): void {
    const target = (e.target as HTMLElement).closest<HTMLElement>('.cell[data-row]');
    if (!target) return;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    this.reveal(row, col < 0 ? 0 : col);
  }

  private key(e: KeyboardEvent): void {
    const move: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageUp: [-20, 0],
      PageDown: [20, 0],
    };
    if (e.key === 'Enter') {
      this.select();
      e.preventDefault();
      return;
    }
    const step = move[e.key];
    if (!step) return;
    e.preventDefault();
    const rows = Math.max(this.sheet.rows.length, 1);
    const columns = Math.max(this.sheet.columns, 1);
    const row = Math.min(rows - 1, Math.max(0, this.active.row + step[0]));
    const col = Math.min(columns - 1, Math.max(0, this.active.col + step[1]));
    this.reveal(row, col);
  }
}
