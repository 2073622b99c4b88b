// CSV catalogs via papaparse (never SheetJS): encoding detected, delimiter sniffed, rows as arrays, limits enforced.
import { CatalogInputError } from '../../errors.js';
import { Deadline, type ResolvedLimits } from '../../limits.js';
import { columnLetter } from '../../model/grid.js';
import { readTables } from '../../model/table.js';
import type { ParsedCatalog } from '../../model/types.js';
import { StringPool } from '../../util/strings.js';
import { CsvSyntaxError, parseCsvText } from './csv-text.js';
import { decodeTextInput } from './encoding.js';
import { checkContent, extOf, sniffContent } from './sniff.js';
import type { ReadOptions, ReadSource } from './types.js';

/** A CSV record may hold this many cells' worth of bytes before parsing stops (see README “Limits”). */
export const RECORD_CELLS = 128;

const DELIMITERS = [',', '\t', ';', '|'] as const;

/** The delimiter of a CSV text: the candidate that occurs most often, outside quotes, in its first line. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The first record with more than `maxColumns` fields, found in one pass over the text (quotes honoured,
 * nothing built), with its field count; undefined when every record fits. Run before parsing, so a line of
 * a hundred million delimiters is refused before a hundred million cells exist.
 */
export function wideRecord(
  text: string,
  delimiter: string,
  maxColumns: number,
): { record: number; count: number } | undefined {
  const d = delimiter.charCodeAt(0);
  let record = 1;
  let fields = 1;
  let fieldStart = true;
  let quoted = false;
  let wide: { record: number; count: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
    } else if (c === QUOTE && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === d) {
      fields++;
      fieldStart = true;
    } else if (c === LF || c === CR) {
      if (wide) break;
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      record++;
      fields = 1;
      fieldStart = true;
    } else fieldStart = false;
    if (fields > maxColumns && !wide) wide = { record, count: fields };
    if (wide) wide.count = fields;
  }
  return wide;
}

function parseRecords(text: string, delimiter: string, file: string, limits: ResolvedLimits): string[][] {
  try {
    return parseCsvText(text, { delimiter, maxRecords: limits.maxRows + 1 });
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    throw new CatalogInputError('input/malformed', 'readers.csvMalformed', {
      file,
      reason: `第 ${err.record} 行 / record ${err.record}: ${err.message}`,
    });
  }
}

/** Reads a CSV catalog (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK). */
/**
 * The records of a CSV file as the reader sees them (encoding detected, delimiter sniffed), for writers that
 * turn it into a workbook (validate --annotate). The file was read through readCsv first, so limits held.
 */
export function csvRecords(bytes: Uint8Array, name: string, limits: ResolvedLimits): string[][] {
  const { text } = decodeTextInput(bytes, name, extOf(name, '.csv'));
  return parseRecords(text, sniffDelimiter(text), name, limits);
}

export function readCsv(source: ReadSource, options: ReadOptions): ParsedCatalog {
  const deadline = new Deadline(source.name, options.limits.timeoutMs);
  const records = checkedRecords(source, options.limits, deadline);
  return readTables(
    { file: source.name, format: 'csv', book: { sheets: [{ rows: records, merges: [] }] } },
    options,
    deadline,
  );
}

/**
 * The records of a CSV source within the limits, each cell pooled (see StringPool). A function of its own so
 * the decoded text (as large as the file, twice for Chinese) is garbage before the entries are built.
 */
function checkedRecords(source: ReadSource, limits: ResolvedLimits, deadline: Deadline): string[][] {
  const ext = extOf(source.name, '.csv');
  checkContent('csv', sniffContent(source.bytes), source.name, ext);
  const { text } = decodeTextInput(source.bytes, source.name, ext);
  deadline.check();
  const delimiter = sniffDelimiter(text);
  const wide = wideRecord(text, delimiter, limits.maxColumns);
  if (wide) {
    throw new CatalogInputError('input/limit', 'readers.tooManyColumns', {
      file: source.name,
      sheet: 'CSV',
      count: wide.count,
      limit: limits.maxColumns,
    });
  }
  const records = parseRecords(text, delimiter, source.name, limits);
  if (records.length > limits.maxRows) {
    throw new CatalogInputError('input/limit', 'readers.tooManyRows', {
      file: source.name,
      sheet: 'CSV',
      limit: limits.maxRows,
    });
  }
  deadline.check();
  const pool = new StringPool();
  for (let r = 0; r < records.length; r++) {
    const record = records[r]!;
    if (record.length > limits.maxColumns) {
      throw new CatalogInputError('input/limit', 'readers.tooManyColumns', {
        file: source.name,
        sheet: 'CSV',
        count: record.length,
        limit: limits.maxColumns,
      });
    }
    for (let c = 0; c < record.length; c++) {
      const cell = record[c]!;
      if (cell.length > limits.maxCellChars) {
        throw new CatalogInputError('input/limit', 'readers.cellTooLong', {
          file: source.name,
          cell: `${columnLetter(c)}${r + 1}`,
          count: cell.length,
          limit: limits.maxCellChars,
        });
      }
      // Cells the catalog keeps: once per text, and not keeping the whole decoded text alive.
      record[c] = pool.keep(cell);
    }
  }
  return records;
}
