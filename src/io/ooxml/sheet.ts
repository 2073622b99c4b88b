// Worksheet parts: restyling given cells in place (string-level, the rest of the part kept as written),
// inserting an element at its schema position, and writing a new sheet from rows.
import { attributes, escapeXml } from './package.js';

/** `E9` → { row: 9, col: 4 } (0-based column). */
export function decodeCell(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

/** 0-based column → letters. */
export function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Gives the cells `refs` a new style index computed from their current one (`s`, 0 when absent); cells that
 * do not exist are created empty, rows too, in order. Only the touched rows are rewritten. Cells written
 * without an `r` reference (allowed, rare) cannot be located and are left alone.
 */
export function restyleCells(
  xml: string,
  refs: Iterable<string>,
  style: (current: number) => number,
): string {
  const p = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  const byRow = new Map<number, Map<number, string>>();
  for (const ref of refs) {
    const at = decodeCell(ref);
    if (!at) continue;
    const cols = byRow.get(at.row) ?? new Map<number, string>();
    byRow.set(at.row, cols);
    cols.set(at.col, ref);
  }
  if (byRow.size === 0) return xml;
  const data = new RegExp(`<${p}sheetData\\s*/>|<${p}sheetData\\b[^>]*>([\\s\\S]*)</${p}sheetData>`).exec(
    xml,
  );
  if (!data) return xml;
  const body = data[1] ?? '';
  const bodyStart = data[1] === undefined ? -1 : data.index + data[0].indexOf('>') + 1;
  const pieces: string[] = [];
  let last = 0;
  const rowRe = new RegExp(`<${p}row\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)</${p}row>)`, 'g');
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let next = 0;
  const newRow = (r: number) => `<${p}row r="${r}">${cellsXml(p, byRow.get(r)!, style)}</${p}row>`;
  let previous = 0;
  for (const m of body.matchAll(rowRe)) {
    const rAttr = /\br="(\d+)"/.exec(m[1]!);
    const r = rAttr ? Number(rAttr[1]) : previous + 1;
    previous = r;
    // Rows before this one that do not exist yet.
    let insert = '';
    while (next < pending.length && pending[next]! < r) insert += newRow(pending[next++]!);
    if (insert) {
      pieces.push(body.slice(last, m.index), insert);
      last = m.index;
    }
    if (next < pending.length && pending[next] === r) {
      next++;
      const cols = byRow.get(r)!;
      pieces.push(body.slice(last, m.index), patchRow(p, m[0], m[1]!, m[2], r, cols, style));
      last = m.index + m[0].length;
    }
  }
  let tail = '';
  while (next < pending.length) tail += newRow(pending[next++]!);
  pieces.push(body.slice(last), tail);
  const patched = pieces.join('');
  if (bodyStart < 0) return xml.replace(data[0], `<${p}sheetData>${patched}</${p}sheetData>`);
  return `${xml.slice(0, bodyStart)}${patched}${xml.slice(bodyStart + body.length)}`;
}

function cellsXml(p: string, cols: Map<number, string>, style: (current: number) => number): string {
  return [...cols.keys()]
    .sort((a, b) => a - b)
    .map((c) => `<${p}c r="${cols.get(c)!}" s="${style(0)}"/>`)
    .join('');
}

function patchRow(
  p: string,
  whole: string,
  head: string,
  inner: string | undefined,
  r: number,
  cols: Map<number, string>,
  style: (current: number) => number,
): string {
  if (inner === undefined) return `<${p}row${head}>${cellsXml(p, cols, style)}</${p}row>`;
  const remaining = new Map(cols);
  const cellRe = new RegExp(`<${p}c\\b([^>]*?)(\\/>|>[\\s\\S]*?</${p}c>)`, 'g');
  let out = '';
  let last = 0;
  const missing = (before: number) => {
    let s = '';
    for (const c of [...remaining.keys()].sort((a, b) => a - b)) {
      if (c >= before) break;
      s += `<${p}c r="${remaining.get(c)!}" s="${style(0)}"/>`;
      remaining.delete(c);
    }
    return s;
  };
  for (const m of inner.matchAll(cellRe)) {
    const ref = /\br="([A-Z]+\d+)"/.exec(m[1]!)?.[1];
    const at = ref ? decodeCell(ref) : undefined;
    if (!at || at.row !== r) continue;
    const before = missing(at.col);
    out += inner.slice(last, m.index) + before;
    last = m.index;
    if (remaining.has(at.col)) {
      remaining.delete(at.col);
      const current = Number(attributes(m[1]!).get('s') ?? 0);
      const head2 = /\bs="\d+"/.test(m[1]!)
        ? m[1]!.replace(/\bs="\d+"/, `s="${style(current)}"`)
        : `${m[1]!} s="${style(current)}"`;
      out += `<${p}c${head2}${m[2]!}`;
      last = m.index + m[0].length;
    }
  }
  out += inner.slice(last) + missing(Number.POSITIVE_INFINITY);
  return whole.slice(0, whole.length - inner.length - `</${p}row>`.length) + out + `</${p}row>`;
}

/** Worksheet children after which `legacyDrawing` must come (CT_Worksheet order), last first. */
const AFTER_LEGACY = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** Inserts `element` (already prefixed) before the first of `before` present, else before the root's end. */
export function insertChild(xml: string, element: string, before: readonly string[] = AFTER_LEGACY): string {
  const p = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  let at = -1;
  for (const name of before) {
    const m = new RegExp(`<${p}${name}\\b`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}worksheet>`);
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

/** One cell of a new sheet: text (inline string), number, or either with a style index / internal link. */
export type NewCell = string | number | { value: string | number; style?: number; link?: string } | undefined;

/** A worksheet part written from rows: inline strings, column widths, internal links, an auto-filter. */
export function sheetXml(spec: {
  rows: readonly NewCell[][];
  widths?: readonly number[];
  autofilter?: string;
  frozenRows?: number;
}): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  ];
  if (spec.frozenRows)
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${spec.frozenRows}" topLeftCell="A${spec.frozenRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`,
    );
  if (spec.widths?.length) {
    out.push('<cols>');
    spec.widths.forEach((w, i) => {
      out.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
    });
    out.push('</cols>');
  }
  out.push('<sheetData>');
  const links: string[] = [];
  spec.rows.forEach((row, r) => {
    if (row.length === 0) return;
    out.push(`<row r="${r + 1}">`);
    row.forEach((cell, c) => {
      if (cell === undefined || cell === '') return;
      const ref = `${columnName(c)}${r + 1}`;
      const v = typeof cell === 'object' ? cell.value : cell;
      const s = typeof cell === 'object' && cell.style !== undefined ? ` s="${cell.style}"` : '';
      if (typeof cell === 'object' && cell.link)
        links.push(`<hyperlink ref="${ref}" location="${escapeXml(cell.link)}"/>`);
      if (typeof v === 'number' && Number.isFinite(v)) out.push(`<c r="${ref}"${s}><v>${v}</v></c>`);
      else
        out.push(
          `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(v))}</t></is></c>`,
        );
    });
    out.push('</row>');
  });
  out.push('</sheetData>');
  if (spec.autofilter) out.push(`<autoFilter ref="${spec.autofilter}"/>`);
  if (links.length > 0) out.push(`<hyperlinks>${links.join('')}</hyperlinks>`);
  out.push(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  return out.join('');
}
