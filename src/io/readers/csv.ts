// CSV catalogs via csv-parse (never SheetJS): encoding detected, delimiter sniffed, rows as arrays, limits enforced.
import { parse } from 'csv-parse/sync';
import { CatalogInputError } from '../../errors.js';
import { Deadline, type ResolvedLimits } from '../../limits.js';
import { columnLetter } from '../../model/grid.js';
import { readTables } from '../../model/table.js';
import type { ParsedCatalog } from '../../model/types.js';
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

/**
 * Parses RFC 4180 CSV text the way csv-parse does with the reader's options, for the plain case only:
 * fields unquoted without any quote, or quoted with doubled inner quotes and the closing quote right before
 * a delimiter, a line end or the end; one line-end style throughout (the first one, as csv-parse detects
 * it). Returns undefined for anything else (csv-parse then reads the text and decides), and when a record
 * exceeds `maxRecordChars`.
 */
export function parsePlainCsv(
  text: string,
  delimiter: string,
  maxRecords: number,
  maxRecordChars: number,
): string[][] | undefined {
  const records: string[][] = [];
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  // 0 = not yet seen, else '\n' (10), '\r' (13) or '\r\n' (-1).
  let eol = 0;
  let i = 0;
  let record: string[] = [];
  let recordStart = 0;
  while (i < n) {
    if (records.length >= maxRecords) return records;
    let field: string;
    if (text.charCodeAt(i) === 34) {
      // Quoted field.
      let out = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return undefined;
        if (text.charCodeAt(q + 1) === 34) {
          out += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        out += text.slice(from, q);
        i = q + 1;
        break;
      }
      field = out;
      if (i < n) {
        const c = text.charCodeAt(i);
        if (c !== d && c !== 10 && c !== 13) return undefined;
      }
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        if (c === 34) return undefined;
      }
      field = text.slice(i, j);
      i = j;
    }
    record.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      // A delimiter at the very end leaves one more empty field.
      if (i >= n) record.push('');
      continue;
    }
    // A line end.
    const style = c === 13 && text.charCodeAt(i + 1) === 10 ? -1 : c;
    if (eol === 0) eol = style;
    else if (eol !== style) return undefined;
    i += style === -1 ? 2 : 1;
    if (i - recordStart > maxRecordChars) return undefined;
    records.push(record);
    record = [];
    recordStart = i;
  }
  if (i - recordStart > maxRecordChars) return undefined;
  if (record.length > 0 && records.length < maxRecords) records.push(record);
  return records;
}

interface CsvErrorLike {
  code?: string;
  message: string;
  lines?: number;
}

function parseWithCsvParse(
  text: string,
  delimiter: string,
  file: string,
  limits: ResolvedLimits,
): string[][] {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: limits.maxCellChars * 4 * RECORD_CELLS,
      to: limits.maxRows + 1,
    }) as string[][];
  } catch (err) {
    const e = err as CsvErrorLike;
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      throw new CatalogInputError('input/limit', 'readers.csvRecordTooLarge', {
        file,
        line: e.lines ?? '?',
        limit: limits.maxCellChars,
      });
    }
    throw new CatalogInputError('input/malformed', 'readers.csvMalformed', {
      file,
      reason: e.message.split('\n')[0]!.slice(0, 200),
    });
  }
}

/** Reads a CSV catalog (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK). */
export function readCsv(source: ReadSource, options: ReadOptions): ParsedCatalog {
  const { limits } = options;
  const deadline = new Deadline(source.name, limits.timeoutMs);
  const ext = extOf(source.name, '.csv');
  checkContent('csv', sniffContent(source.bytes), source.name, ext);
  const { text } = decodeTextInput(source.bytes, source.name, ext);
  deadline.check();
  const delimiter = sniffDelimiter(text);
  const maxRecordChars = limits.maxCellChars * 4 * RECORD_CELLS;
  let records: string[][] | undefined = parsePlainCsv(
    text,
    delimiter,
    limits.maxRows + 1,
    maxRecordChars / 2,
  );
  if (!records) records = parseWithCsvParse(text, delimiter, source.name, limits);
  if (records.length > limits.maxRows) {
    throw new CatalogInputError('input/limit', 'readers.tooManyRows', {
      file: source.name,
      sheet: 'CSV',
      limit: limits.maxRows,
    });
  }
  deadline.check();
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
      if (record[c]!.length > limits.maxCellChars) {
        throw new CatalogInputError('input/limit', 'readers.cellTooLong', {
          file: source.name,
          cell: `${columnLetter(c)}${r + 1}`,
          count: record[c]!.length,
          limit: limits.maxCellChars,
        });
      }
    }
  }
  return readTables(
    { file: source.name, format: 'csv', book: { sheets: [{ rows: records, merges: [] }] } },
    options,
    deadline,
  );
}
