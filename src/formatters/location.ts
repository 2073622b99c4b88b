// How a finding's location is shown to people: 目录!C7, 第 7 行, or entries[2].name for JSON sources.
import type { Finding } from '../generated/schema-types.js';
import { type Lang, translate } from '../i18n/index.js';

/** A short human location: sheet!cell, row, or entry path. */
export function displayLocation(finding: Finding, lang: Lang): string {
  const l = finding.location;
  if (l.sheet && l.cell) return `${l.sheet}!${l.cell}`;
  if (l.cell) return l.cell;
  if (l.sheet && l.row) return translate(lang, 'format.sheetRow', { sheet: l.sheet, row: l.row });
  if (l.row) return `${translate(lang, 'format.row', { row: l.row })}${l.field ? ` ${l.field}` : ''}`;
  if (finding.entry !== null) return `entries[${finding.entry}]${l.field ? `.${l.field}` : ''}`;
  return l.field ?? '-';
}

/** Display width of a string in a terminal: East Asian wide characters count as two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

/** Pads to a display width. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
