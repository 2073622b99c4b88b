// The styles part: the number format of each cell style, as SheetJS registers them.
import type { RawCell } from '../../model/grid.js';
import { StreamFallback, scan, unescapeXml } from './xlsx-parts.js';
import { attr } from './xml-scan.js';

/** Number formats, from the SheetJS format table (the streaming reader itself never imports SheetJS). */
export interface NumberFormats {
  /** Registers a workbook's custom format (as SheetJS does while parsing styles). */
  load(format: string, id: number): void;
  /** The format string of an id after loading, or undefined. */
  get(id: number): string | undefined;
  /** The raw cell of a number under a format (a date cell when the format is a date format). */
  numberCell(value: number, format: string | undefined, date1904: boolean): RawCell;
}

/** numFmtId of every cellXfs entry (index = the cell's `s` attribute). */
export function cellFormats(stylesXml: string, formats: NumberFormats): (number | undefined)[] {
  const xfs: (number | undefined)[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  scan(stylesXml, {
    open(name, raw, selfClosing) {
      if (name === 'numFmts') inNumFmts = !selfClosing;
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'numFmt' && inNumFmts) {
        const id = Number.parseInt(attr(raw, 'numFmtId') ?? '', 10);
        const code = attr(raw, 'formatCode');
        if (!Number.isInteger(id) || code === undefined) throw new StreamFallback('odd numFmt');
        // SheetJS renumbers ids above 392; those workbooks take the SheetJS path.
        if (id > 0x188) throw new StreamFallback('numFmt id above 392');
        if (id > 0) formats.load(unescapeXml(code), id);
      } else if (name === 'xf' && inCellXfs) {
        const id = attr(raw, 'numFmtId');
        const n = id ? Number.parseInt(id, 10) : undefined;
        if (n !== undefined && n > 0x188) throw new StreamFallback('numFmt id above 392');
        xfs.push(n);
      }
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs;
}
