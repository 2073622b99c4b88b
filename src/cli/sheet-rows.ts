// --max-sheet-rows (compile and validate --annotate) without loading the workbook writer and SheetJS.
import { InvalidArgumentError, Option } from 'commander';
import { type Lang, translate } from '../i18n/index.js';
import { DEFAULT_MAX_SHEET_ROWS } from '../io/writers/sheet-limits.js';

export { DEFAULT_MAX_SHEET_ROWS };

/** --max-sheet-rows, shared with validate --annotate. */
export function maxSheetRowsOption(lang: Lang): Option {
  return new Option(
    '--max-sheet-rows <n>',
    translate(lang, 'cli.compile.maxSheetRows', { limit: DEFAULT_MAX_SHEET_ROWS }),
  ).argParser((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`--max-sheet-rows ${v}`);
    return n;
  });
}
