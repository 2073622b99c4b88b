// The SheetJS parsing options for untrusted workbooks (shared by the reader and the benchmark's bare-parse baseline).
import type { ParsingOptions } from 'xlsx';
import type { ResolvedLimits } from '../../limits.js';

/** SheetJS parsing options for untrusted workbooks: dense, no formulas, styles or HTML, a row cap. */
export function sheetJsOptions(limits: Pick<ResolvedLimits, 'maxRows'>): ParsingOptions {
  return {
    type: 'array',
    dense: true,
    nodim: true,
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    cellNF: true,
    cellDates: false,
    cellStyles: false,
    bookVBA: false,
    bookDeps: false,
    WTF: false,
    sheetRows: limits.maxRows + 1,
  };
}
