// Parses CSV text into rows of string cells with papaparse (RFC 4180), the one CSV parser govcat runs.
import Papa from 'papaparse';

/** A CSV syntax error that stops reading: an unclosed quoted field. */
export class CsvSyntaxError extends Error {
  /** 1-based record number where the problem starts. */
  readonly record: number;
  constructor(message: string, record: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.record = record;
  }
}

/** Options of parseCsvText. */
export interface CsvTextOptions {
  /** Field delimiter (sniffed by the caller). */
  delimiter: string;
  /** Stop after this many records (the caller rejects the table when the limit is exceeded). */
  maxRecords: number;
  /** Drop records whose cells are all empty. */
  skipEmptyLines?: boolean;
}

/**
 * Rows of a CSV text as arrays of strings (never typed values: `0010` stays `0010`). Quotes inside an
 * unquoted field are kept as text (as editors' exports contain them); an unclosed quoted field throws
 * CsvSyntaxError. A final line break does not make an extra empty record.
 */
export function parseCsvText(text: string, options: CsvTextOptions): string[][] {
  const result = Papa.parse<string[]>(text, {
    delimiter: options.delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: options.skipEmptyLines ? 'greedy' : false,
    preview: options.maxRecords,
  });
  const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) throw new CsvSyntaxError(unclosed.message, (unclosed.row ?? 0) + 1);
  const rows = result.data;
  const last = rows[rows.length - 1];
  // The empty record after a final line break is papaparse's artefact, unless the preview cut the text short.
  if (!result.meta.truncated && last && last.length === 1 && last[0] === '' && /[\r\n]$/.test(text))
    rows.pop();
  return rows;
}
