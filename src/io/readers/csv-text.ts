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

/** papaparse's parser of one chunk (Papa.ParserHandle, what its own chunked `Papa.parse` drives). */
interface PapaHandle {
  parse(
    input: string,
    baseIndex: number,
    ignoreLastRow: boolean,
  ): { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
}

/** The first chunk papaparse sees must hold this much of the text: it guesses line endings from it (1 MB). */
const FIRST_CHUNK_CHARS = 1024 * 1024;

/**
 * CSV text parsed as it arrives, chunk by chunk, the way papaparse parses a text in chunks (`chunkSize`): the
 * record a chunk cuts in two waits for the next one. `onRows` receives each chunk's complete records and may
 * drop them, so neither the whole text nor all records are ever held. Records, unclosed quotes and the final
 * line break are as parseCsvText finds them in the whole text.
 */
export class CsvChunkParser {
  private readonly handle: PapaHandle;
  private pending = '';
  private base = 0;
  private records = 0;
  private started = false;
  private lastChar = -1;
  private waitFor = 0;

  /**
   * `firstChars`: text held back before the first parse (papaparse guesses the line endings from the first
   * 1 MB; a test of chunking on texts with one kind of line ending may lower it).
   */
  constructor(
    delimiter: string,
    private readonly onRows: (rows: string[][], firstRecord: number) => void,
    private readonly firstChars = FIRST_CHUNK_CHARS,
  ) {
    const { ParserHandle } = Papa as unknown as { ParserHandle: new (config: object) => PapaHandle };
    this.handle = new ParserHandle({
      delimiter,
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
    });
  }

  /** Parses the complete records of the text so far. */
  write(text: string): void {
    if (text.length === 0) return;
    this.lastChar = text.charCodeAt(text.length - 1);
    this.pending += text;
    // Papa.parse drops a byte order mark the decoder left; line endings are guessed from the first 1 MB.
    if (!this.started) {
      if (this.pending.length < this.firstChars) return;
      this.started = true;
      if (this.pending.charCodeAt(0) === 0xfeff) this.pending = this.pending.slice(1);
    }
    // A record still open after a parse (a huge quoted cell) is parsed again only once the text held has
    // doubled: each parse reads the whole open record, so parsing it per piece would cost its length squared.
    if (this.pending.length < this.waitFor) return;
    this.parse(false);
    this.waitFor = 2 * this.pending.length;
  }

  /** Parses the last record; throws CsvSyntaxError on an unclosed quoted field. */
  end(): void {
    if (!this.started && this.pending.charCodeAt(0) === 0xfeff) this.pending = this.pending.slice(1);
    this.started = true;
    this.parse(true);
  }

  private parse(last: boolean): void {
    const input = this.pending;
    this.pending = '';
    const result = this.handle.parse(input, this.base, !last);
    const rows = result.data;
    if (last) {
      const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
      if (unclosed) throw new CsvSyntaxError(unclosed.message, this.records + (unclosed.row ?? 0) + 1);
      const tail = rows[rows.length - 1];
      // The empty record after a final line break is papaparse's artefact.
      if (tail && tail.length === 1 && tail[0] === '' && (this.lastChar === 0x0a || this.lastChar === 0x0d))
        rows.pop();
    } else {
      this.pending = input.substring(result.meta.cursor - this.base);
      this.base = result.meta.cursor;
    }
    const first = this.records;
    this.records += rows.length;
    if (rows.length > 0) this.onRows(rows, first);
  }
}
