// The internal model between readers and rules: entries in schema form plus where every value came from.
import type {
  CatalogEntry,
  DataItem,
  OpenAttributes,
  Location as ReportLocation,
  ShareAttributes,
} from '../generated/schema-types.js';

/** The two kinds of catalog (spec §1.1). */
export type CatalogKind = 'shared' | 'open';
/** Input formats govcat reads. */
export type InputFormat = 'json' | 'jsonl' | 'xlsx' | 'xls' | 'csv' | 'xml';

/**
 * A value as read: numbers and booleans may still be the raw text when a reader could not normalize
 * them (e.g. 共享类型 “部分共享”), so rules and the schema check can report them instead of losing them.
 */
export type Loose<T> = T extends number
  ? number | string
  : T extends boolean
    ? boolean | string
    : T extends string
      ? string
      : T extends readonly (infer U)[]
        ? Loose<U>[]
        : T extends object
          ? { [K in keyof T]?: Loose<T[K]> }
          : T;

/** An entry as read from a file. Same shape as the schema's CatalogEntry, with loose scalars. */
export type EntryData = Loose<CatalogEntry>;
export type ItemData = Loose<DataItem>;
export type ShareData = Loose<ShareAttributes>;
export type OpenData = Loose<OpenAttributes>;

/** Where a value sits in its source file. Rows are 1-based as Excel shows them. */
export interface SourceLocation {
  sheet?: string;
  row?: number;
  column?: string;
  cell?: string;
  /** JSON Pointer of the value inside a JSON/XML source (e.g. /entries/3/name). */
  pointer?: string;
}

/** A change a reader made while normalizing a value (kept so it can be reported and listed as a fix). */
export interface Normalization {
  /** JSON Pointer of the field inside the entry, e.g. /publishDate or /items/2/type. */
  field: string;
  /**
   * What was normalized:
   * - whitespace: trimmed or collapsed spaces and line breaks
   * - width: full-width digits, letters or punctuation turned half-width (e.g. in codes)
   * - date: a date written another way (2021/7/13, 2021年7月13日, 20210713, an Excel serial) → CCYY-MM-DD
   * - form: an equivalent vocabulary spelling turned into its canonical value (无条件共享 → 1, 是 → 1)
   * - type-syntax: a data type spelled differently (C（18）, type and length in two columns) → C(18)
   * - number: a numeric text turned into a number (数据量 “1,200” → 1200)
   * - list: a list-like text split into values (“['xls', 'json']”, “xls、json”)
   */
  kind: 'whitespace' | 'width' | 'date' | 'form' | 'type-syntax' | 'number' | 'list';
  from: unknown;
  to: unknown;
}

/** Locations of one entry's values, keyed by JSON Pointer inside the entry ('' = the entry itself). */
export type LocationMap = Map<string, SourceLocation>;

/** One entry as read. `index` is its 0-based position in file order. */
export interface ParsedEntry {
  index: number;
  data: EntryData;
  locations: LocationMap;
  normalizations: Normalization[];
}

/** A note from a reader about the file rather than an entry (e.g. an unknown column). */
export interface ReaderNotice {
  /** Rule id that reports it (so severity and suppression apply), e.g. metadata/unknown-column. */
  ruleId: string;
  messageId: string;
  data: Record<string, string | number>;
  location?: SourceLocation;
  entry?: number;
}

/** Everything a reader produces from one file. */
export interface ParsedCatalog {
  file: string;
  format: InputFormat;
  kind: CatalogKind;
  /** How the kind was decided. */
  kindSource: 'declared' | 'option' | 'detected' | 'default';
  /** What a detected kind was detected from (the columns or keys that showed it). */
  kindEvidence?: { basis: 'share' | 'open' | 'code' | 'no-share'; headers: string[] };
  title?: string;
  entries: ParsedEntry[];
  notices: ReaderNotice[];
  /** Sheet names, header row, column map … for diagnostics and writers. */
  layout?: Record<string, unknown>;
}

export type { ReportLocation };

/** A catalog without its entries: what a reader that streams them returns besides them. */
export type CatalogHead = Omit<ParsedCatalog, 'entries'>;

/** Where one pass of a streaming reader puts the entries it reads, each once complete, in file order. */
export interface EntryPass {
  entry(entry: ParsedEntry): void;
}

/**
 * Where a streaming reader hands a catalog's entries instead of keeping them. `open` is called once the
 * file's kind is known, before its first entry; a reader that starts over (another text encoding) opens
 * a new pass, and only the pass of the reading it returns counts.
 */
export interface EntryStream<P extends EntryPass = EntryPass> {
  open(file: string, kind: CatalogKind): P;
}

/** What a streaming reader returns: the catalog without its entries, and the pass they went to. */
export interface StreamedCatalog<P extends EntryPass = EntryPass> {
  head: CatalogHead;
  pass: P;
}
