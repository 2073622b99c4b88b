// --max-sheet-rows (compile and validate --annotate) without loading the workbook writer and SheetJS.
import { Option } from 'commander';
import { type Lang, translate } from '../i18n/index.js';
import { DEFAULT_MAX_SHEET_ROWS } from '../io/writers/sheet-limits.js';
import { wholeNumber } from './shared.js';

export { DEFAULT_MAX_SHEET_ROWS };

/** --max-sheet-rows, shared with validate --annotate. */
export function maxSheetRowsOption(lang: Lang): Option {
  return new Option(
    '--max-sheet-rows <n>',
    translate(lang, 'cli.compile.maxSheetRows', { limit: DEFAULT_MAX_SHEET_ROWS }),
  ).argParser(wholeNumber('--max-sheet-rows', 1));
}
