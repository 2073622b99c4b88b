// The row budget of a written workbook, apart from the writer so the CLI can show it without loading SheetJS.

/**
 * Rows written into one workbook by default. SheetJS builds a whole workbook in memory (measured about
 * 2.7 KB per row of the template): 200,000 rows stay near half a gigabyte; larger catalogs go to csv or json.
 */
export const DEFAULT_MAX_SHEET_ROWS = 200_000;
