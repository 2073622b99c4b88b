// CSV catalogs via csv-parse (never SheetJS): encoding detected, delimiter sniffed, rows as arrays, limits enforced.
import { parse } from 'csv-parse/sync';
import { CatalogInputError } from '../../errors.js';
import { Deadline } from '../../limits.js';
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

interface CsvErrorLike {
  code?: string;
  message: string;
  lines?: number;
}

/** Reads a CSV catalog (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK). */
export function readCsv(source: ReadSource, options: ReadOptions): ParsedCatalog {
  const { limits } = options;
  const deadline = new Deadline(source.name, limits.timeoutMs);
  const ext = extOf(source.name, '.csv');
  checkContent('csv', sniffContent(source.bytes), source.name, ext);
  const { text } = decodeTextInput(source.bytes, source.name, ext);
  deadline.check();
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
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
        file: source.name,
        line: e.lines ?? '?',
        limit: limits.maxCellChars,
      });
    }
    throw new CatalogInputError('input/malformed', 'readers.csvMalformed', {
      file: source.name,
      reason: e.message.split('\n')[0]!.slice(0, 200),
    });
  }
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
