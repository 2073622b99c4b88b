// The reader interface: bytes of one file in, a ParsedCatalog (entries with cell locations) out.
import type { ResolvedLimits } from '../../limits.js';
import type {
  CatalogKind,
  EntryPass,
  EntryStream,
  InputFormat,
  ParsedCatalog,
  StreamedCatalog,
} from '../../model/types.js';
import type { Seeds } from '../../seeds/index.js';

/** Options every reader receives. */
export interface ReadOptions {
  /** Catalog kind forced by --kind or config; 'auto' detects from the columns or the data. */
  kind: CatalogKind | 'auto';
  limits: ResolvedLimits;
  seeds: Seeds;
}

/** One input to read. `name` is what messages call it (the path as given, or an upload name). */
export interface ReadSource {
  name: string;
  bytes: Uint8Array;
}

/**
 * Bytes a reader takes a range at a time: a Uint8Array is one; a file adapter may read each range from disk
 * when asked, so a reader that streams (CSV, JSON) never holds the whole file.
 */
export interface ByteRange {
  readonly byteLength: number;
  subarray(begin: number, end: number): Uint8Array;
}

/** Bytes sniffContent looks at, at most (it decodes a few KiB). */
export const SNIFF_BYTES = 8192;

/** A source whose bytes are read a range at a time (see ByteRange). */
export interface RangeSource {
  name: string;
  bytes: ByteRange;
}

/** All the bytes of a ByteRange (a Uint8Array as it is). */
export function allBytes(bytes: ByteRange): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : bytes.subarray(0, bytes.byteLength);
}

/** A reader of one format. */
export interface Reader {
  format: InputFormat;
  read(source: ReadSource, options: ReadOptions): ParsedCatalog | Promise<ParsedCatalog>;
  /** Reads bytes a range at a time (the reader streams): given a file the adapter has not read whole. */
  readRanges?(source: RangeSource, options: ReadOptions): ParsedCatalog | Promise<ParsedCatalog>;
  /** Reads as readRanges does, handing each entry to `stream` instead of keeping it (see EntryStream). */
  streamRanges?<P extends EntryPass>(
    source: RangeSource,
    options: ReadOptions,
    stream: EntryStream<P>,
  ): StreamedCatalog<P> | Promise<StreamedCatalog<P>>;
}
