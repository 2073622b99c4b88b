// The CSV writer: one row per data item in the template's columns, UTF-8 with BOM, formulas escaped (csv-stringify).
import { stringify } from 'csv-stringify/sync';
import { entryRows, planColumns, type WritableCatalog } from './columns.js';

/**
 * Writes a catalog as CSV that Excel and WPS open without mojibake: a BOM, CRLF line ends, one header row
 * (the sub-column names, which are unambiguous on their own), then one row per data item with the entry's
 * values on its first row only. Texts starting with = + - @ (or their full-width forms) get a leading quote.
 * The catalog title has no place in CSV and is not written.
 */
export function writeCsv(catalog: WritableCatalog): Uint8Array {
  const columns = planColumns(catalog);
  const rows: (string | number | undefined)[][] = [columns.map((c) => c.header)];
  for (const entry of catalog.entries) rows.push(...entryRows(entry, columns));
  const text = stringify(rows, { bom: true, escape_formulas: true, record_delimiter: 'windows' });
  return new TextEncoder().encode(text);
}
