// CSV catalogs via papaparse (never SheetJS): encoding detected, delimiter sniffed, rows as arrays, limits enforced.
import { CatalogInputError } from '../../errors.js';
import { Deadline, type ResolvedLimits } from '../../limits.js';
import { columnLetter } from '../../model/grid.js';
import { TableStream } from '../../model/table.js';
import type { EntryPass, EntryStream, ParsedCatalog, StreamedCatalog } from '../../model/types.js';
import { StringPool } from '../../util/strings.js';
import { CsvChunkParser, CsvSyntaxError, parseCsvText } from './csv-text.js';
import { decodeTextInput, decodeTextStream, type TextSink } from './encoding.js';
import { checkContent, extOf, sniffContent } from './sniff.js';
import { type RangeSource, type ReadOptions, type ReadSource, SNIFF_BYTES } from './types.js';

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

/** A record too wide for --max-columns: its 1-based number and its field count. */
export interface WideRecord {
  record: number;
  count: number;
}

/**
 * Finds the first record with more than `maxColumns` fields in text that arrives in pieces (quotes honoured,
 * nothing built), with its field count. Run on each piece before it is parsed, so a line of a hundred
 * million delimiters is refused before a hundred million cells exist.
 */
export class RecordWidths {
  private readonly d: number;
  private record = 1;
  private fields = 1;
  private fieldStart = true;
  private quoted = false;
  /** The last piece ended on a quote inside a quoted field (`""` or the closing quote: the next piece says). */
  private quoteAtEnd = false;
  /** The last piece ended on CR (a following LF belongs to it). */
  private crAtEnd = false;
  private found: WideRecord | undefined;
  private complete = false;

  constructor(
    delimiter: string,
    private readonly maxColumns: number,
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  /** The too-wide record found so far (its count grows until its end). */
  get wide(): WideRecord | undefined {
    return this.found;
  }

  /** Scans the next piece; true once a too-wide record is found and its end seen. */
  scan(text: string): boolean {
    if (this.complete || text.length === 0) return this.complete;
    const { d, maxColumns } = this;
    let { record, fields, fieldStart, quoted } = this;
    let wide = this.found;
    let i = 0;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (text.charCodeAt(0) === QUOTE) i = 1;
      else quoted = false;
    } else if (this.crAtEnd) {
      this.crAtEnd = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    const n = text.length;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === QUOTE) {
          if (i + 1 === n) this.quoteAtEnd = true;
          else if (text.charCodeAt(i + 1) === QUOTE) i++;
          else quoted = false;
        }
      } else if (c === QUOTE && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c === d) {
        fields++;
        fieldStart = true;
      } else if (c === LF || c === CR) {
        if (wide) {
          this.complete = true;
          break;
        }
        if (c === CR) {
          if (i + 1 === n) this.crAtEnd = true;
          else if (text.charCodeAt(i + 1) === LF) i++;
        }
        record++;
        fields = 1;
        fieldStart = true;
      } else fieldStart = false;
      if (fields > maxColumns && !wide) wide = { record, count: fields };
      if (wide) wide.count = fields;
    }
    this.record = record;
    this.fields = fields;
    this.fieldStart = fieldStart;
    this.quoted = quoted;
    this.found = wide;
    return this.complete;
  }
}

/**
 * The first record with more than `maxColumns` fields, found in one pass over the text (quotes honoured,
 * nothing built), with its field count; undefined when every record fits.
 */
export function wideRecord(text: string, delimiter: string, maxColumns: number): WideRecord | undefined {
  const widths = new RecordWidths(delimiter, maxColumns);
  widths.scan(text);
  return widths.wide;
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

/**
 * Reads a CSV catalog as it is decoded: each piece of text is checked against --max-columns, parsed, and
 * its records mapped to entries at once (see TableStream), so neither the whole decoded text nor all the
 * records are ever held — only the entries. The limits hold while reading, and a file that breaks several
 * is reported as before: a record too wide first, then an unclosed quote, too many records, a cell too
 * long, and only then what the mapping found (no header …).
 */
export function readCsv(source: ReadSource | RangeSource, options: ReadOptions): ParsedCatalog {
  return decodeCsv(source, options).catalog;
}

/**
 * Reads a CSV catalog as readCsv does, handing each entry to `stream` once complete instead of keeping it:
 * returns the catalog without entries and the pass of the reading that counts.
 */
export function streamCsv<P extends EntryPass>(
  source: ReadSource | RangeSource,
  options: ReadOptions,
  stream: EntryStream<P>,
): StreamedCatalog<P> {
  const { catalog, pass } = decodeCsv(source, options, stream);
  const { entries: _none, ...head } = catalog;
  // A sink opens its pass with the header (end() finds it at the latest), before it returns.
  return { head, pass: pass! };
}

function decodeCsv<P extends EntryPass>(
  source: ReadSource | RangeSource,
  options: ReadOptions,
  stream?: EntryStream<P>,
): CsvRead<P> {
  const deadline = new Deadline(source.name, options.limits.timeoutMs);
  const ext = extOf(source.name, '.csv');
  checkContent('csv', sniffContent(source.bytes.subarray(0, SNIFF_BYTES)), source.name, ext);
  return decodeTextStream(
    source.bytes,
    source.name,
    ext,
    () => new CsvSink<P>(source.name, options, deadline, stream),
    STREAM_STEP,
  );
}

/** What one reading of a CSV text gives: the catalog, and the pass its entries went to when streamed. */
interface CsvRead<P extends EntryPass> {
  catalog: ParsedCatalog;
  pass?: P;
}

/** The first text a CSV sink holds back: the delimiter is sniffed from it (see sniffDelimiter). */
const SNIFF_CHARS = 65_536;

/**
 * Bytes decoded per step: pieces of text this small live and die in V8's young generation, where larger
 * ones (strings over 128 KB) go to the large-object space and stay until a full collection.
 */
const STREAM_STEP = 64 * 1024;

/** Texts a CSV sink pools at most while its entries stream (see StringPool). */
const STREAM_POOL = 16_384;

/** What outranks what when a file breaks several limits (a record too wide and unclosed quotes are 0, 1). */
const RANK = { rows: 2, cells: 3, mapping: 4 } as const;

/** Turns the pieces of a CSV text into a ParsedCatalog (see readCsv). */
class CsvSink<P extends EntryPass> implements TextSink<CsvRead<P>> {
  private head = '';
  private widths: RecordWidths | undefined;
  private parser: CsvChunkParser | undefined;
  private readonly table: TableStream<P>;
  private readonly pool: StringPool;
  private readonly limits: ResolvedLimits;
  /**
   * The first problem met, reported at the end unless one of a lower rank turns up: reading goes on
   * without mapping, and past too many records without parsing (only widths are counted).
   */
  private deferred: { rank: number; error: CatalogInputError } | undefined;

  constructor(
    private readonly file: string,
    options: ReadOptions,
    private readonly deadline: Deadline,
    stream?: EntryStream<P>,
  ) {
    this.limits = options.limits;
    // Entries handed on are let go: the pool keeps what recent entries repeat, not every text of the file.
    this.pool = new StringPool(stream ? STREAM_POOL : undefined);
    this.table = new TableStream({ file, format: 'csv' }, options, deadline, stream);
  }

  write(text: string): void {
    if (!this.parser) {
      this.head += text;
      if (this.head.length >= SNIFF_CHARS) this.start();
      return;
    }
    this.feed(text);
  }

  end(): CsvRead<P> {
    if (!this.parser) this.start();
    const wide = this.widths!.wide;
    if (wide) throw this.tooWide(wide);
    const deferred = this.deferred;
    if (deferred && deferred.rank <= RANK.rows) throw deferred.error;
    try {
      this.parser!.end();
    } catch (err) {
      throw this.malformed(err);
    }
    if (this.deferred) throw this.deferred.error;
    this.deadline.check();
    const catalog = this.table.end();
    return this.table.pass ? { catalog, pass: this.table.pass } : { catalog };
  }

  private start(): void {
    const text = this.head;
    this.head = '';
    const delimiter = sniffDelimiter(text);
    this.widths = new RecordWidths(delimiter, this.limits.maxColumns);
    this.parser = new CsvChunkParser(delimiter, (rows, first) => this.take(rows, first));
    this.feed(text);
  }

  private feed(text: string): void {
    const widths = this.widths!;
    if (widths.scan(text)) throw this.tooWide(widths.wide!);
    // A record too wide is not parsed (its end is awaited to count its fields), nor records past the limit.
    if (widths.wide || (this.deferred && this.deferred.rank <= RANK.rows)) return;
    this.parser!.write(text);
    this.deadline.check();
  }

  private defer(rank: number, error: CatalogInputError): void {
    if (!this.deferred || rank < this.deferred.rank) this.deferred = { rank, error };
  }

  /** Checks a chunk's records against the limits, keeps their cells (see StringPool) and maps them. */
  private take(records: string[][], first: number): void {
    const { limits, file, pool } = this;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      records[i] = EMPTY_RECORD;
      if (first + i + 1 > limits.maxRows) {
        const error = new CatalogInputError('input/limit', 'readers.tooManyRows', {
          file,
          sheet: 'CSV',
          limit: limits.maxRows,
        });
        this.defer(RANK.rows, error);
        return;
      }
      if (this.deferred && this.deferred.rank <= RANK.cells) continue;
      const problem = this.cellProblem(record, first + i);
      if (problem) {
        this.defer(RANK.cells, problem);
        continue;
      }
      if (this.deferred) continue;
      // Cells the catalog keeps: once per text, and not keeping the decoded chunk alive.
      for (let c = 0; c < record.length; c++) record[c] = pool.keep(record[c]!);
      try {
        this.table.row(record);
      } catch (err) {
        if (!(err instanceof CatalogInputError) || err.code === 'input/timeout') throw err;
        this.defer(RANK.mapping, err);
      }
    }
  }

  /** A record with more fields than --max-columns or a cell longer than --max-cell-chars. */
  private cellProblem(record: string[], r: number): CatalogInputError | undefined {
    const { limits, file } = this;
    if (record.length > limits.maxColumns) {
      return new CatalogInputError('input/limit', 'readers.tooManyColumns', {
        file,
        sheet: 'CSV',
        count: record.length,
        limit: limits.maxColumns,
      });
    }
    for (let c = 0; c < record.length; c++) {
      const length = record[c]!.length;
      if (length > limits.maxCellChars) {
        return new CatalogInputError('input/limit', 'readers.cellTooLong', {
          file,
          cell: `${columnLetter(c)}${r + 1}`,
          count: length,
          limit: limits.maxCellChars,
        });
      }
    }
    return undefined;
  }

  private tooWide(wide: WideRecord): CatalogInputError {
    return new CatalogInputError('input/limit', 'readers.tooManyColumns', {
      file: this.file,
      sheet: 'CSV',
      count: wide.count,
      limit: this.limits.maxColumns,
    });
  }

  private malformed(err: unknown): unknown {
    if (!(err instanceof CsvSyntaxError)) return err;
    return new CatalogInputError('input/malformed', 'readers.csvMalformed', {
      file: this.file,
      reason: `第 ${err.record} 行 / record ${err.record}: ${err.message}`,
    });
  }
}

/** Put in place of a record once taken, so the chunk's array does not keep it. */
const EMPTY_RECORD: string[] = [];
