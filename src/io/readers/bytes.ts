// Reader registry over bytes: detects the format (name, then content) and dispatches. No file system here.
import { CatalogInputError } from '../../errors.js';
import type {
  EntryPass,
  EntryStream,
  InputFormat,
  ParsedCatalog,
  ParsedEntry,
  StreamedCatalog,
} from '../../model/types.js';
import { extensionOf } from '../../util/names.js';
import { formatFromContent, sniffContent } from './sniff.js';
import {
  allBytes,
  type RangeSource,
  type Reader,
  type ReadOptions,
  type ReadSource,
  SNIFF_BYTES,
} from './types.js';

// Each format's reader module is loaded the first time a file of that format is read, so a CSV run loads
// neither SheetJS and the zip reader nor fast-xml-parser (start-up is most of a small catalog's run).
const readers = new Map<InputFormat, Reader>([
  [
    'json',
    {
      format: 'json',
      read: async (s, o) => (await import('./json.js')).readJson(s, o),
      readRanges: async (s, o) => (await import('./json.js')).readJson(s, o),
      streamRanges: async (s, o, stream) => (await import('./json.js')).streamJson(s, o, stream),
    },
  ],
  ['jsonl', { format: 'jsonl', read: async (s, o) => (await import('./json.js')).readJsonl(s, o) }],
  ['xlsx', { format: 'xlsx', read: async (s, o) => (await import('./xlsx.js')).readXlsx(s, o) }],
  ['xls', { format: 'xls', read: async (s, o) => (await import('./xlsx.js')).readXls(s, o) }],
  [
    'csv',
    {
      format: 'csv',
      read: async (s, o) => (await import('./csv.js')).readCsv(s, o),
      readRanges: async (s, o) => (await import('./csv.js')).readCsv(s, o),
      streamRanges: async (s, o, stream) => (await import('./csv.js')).streamCsv(s, o, stream),
    },
  ],
  ['xml', { format: 'xml', read: async (s, o) => (await import('./xml.js')).readXml(s, o) }],
]);

/** Formats that have a reader (the service accepts exactly these). */
export function readerFormats(): InputFormat[] {
  return [...readers.keys()];
}

/** Registers (or replaces) the reader of a format. */
export function registerReader(reader: Reader): void {
  readers.set(reader.format, reader);
}

const EXTENSIONS: Record<string, InputFormat> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.csv': 'csv',
  '.txt': 'csv',
  '.xml': 'xml',
};

/** Supported extensions, for messages and docs. */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

/** The format an extension names, or undefined. */
export function formatFromName(name: string): InputFormat | undefined {
  return EXTENSIONS[extensionOf(name).toLowerCase()];
}

/** Parses bytes already in memory (an upload) with the same checks as a file. */
export async function readCatalogBytes(
  source: ReadSource | RangeSource,
  options: ReadOptions,
  format?: InputFormat,
): Promise<ParsedCatalog> {
  const reader = readerFor(source, options, format);
  if (reader.readRanges) return reader.readRanges(source, options);
  return reader.read({ name: source.name, bytes: allBytes(source.bytes) }, options);
}

/** An entry handed on in place of one let go (see streamCatalogBytes). */
const HANDED: ParsedEntry = Object.freeze({ index: -1, data: {}, locations: new Map(), normalizations: [] });

/**
 * Reads bytes as readCatalogBytes does, handing each entry to `stream` instead of returning it: as they are
 * read when the format's reader streams (CSV), else once the whole catalog is read, each entry let go as it
 * is handed on.
 */
export async function streamCatalogBytes<P extends EntryPass>(
  source: ReadSource | RangeSource,
  options: ReadOptions,
  stream: EntryStream<P>,
  format?: InputFormat,
): Promise<StreamedCatalog<P>> {
  const reader = readerFor(source, options, format);
  if (reader.streamRanges) return reader.streamRanges(source, options, stream);
  const { entries, ...head } = reader.readRanges
    ? await reader.readRanges(source, options)
    : await reader.read({ name: source.name, bytes: allBytes(source.bytes) }, options);
  const pass = stream.open(head.file, head.kind);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    entries[i] = HANDED;
    pass.entry(entry);
  }
  return { head, pass };
}

/** The reader of a source (its format given, else named by its extension, else sniffed), after the size checks. */
function readerFor(source: ReadSource | RangeSource, options: ReadOptions, format?: InputFormat): Reader {
  if (source.bytes.byteLength === 0)
    throw new CatalogInputError('input/empty', 'input.empty', { file: source.name });
  if (source.bytes.byteLength > options.limits.maxBytes) {
    throw new CatalogInputError('input/limit', 'input.tooLarge', {
      file: source.name,
      size: source.bytes.byteLength,
      limit: options.limits.maxBytes,
    });
  }
  const ext = extensionOf(source.name);
  // A name without an extension (an upload, a pipe) is read by what its bytes are.
  const chosen =
    format ??
    formatFromName(source.name) ??
    (ext === '' ? formatFromContent(sniffContent(source.bytes.subarray(0, SNIFF_BYTES))) : undefined);
  if (!chosen) {
    throw new CatalogInputError('input/unsupported-format', 'input.unsupportedFormat', {
      file: source.name,
      ext: ext || '(none)',
    });
  }
  const reader = readers.get(chosen);
  if (!reader)
    throw new CatalogInputError('input/unsupported-format', 'input.readerUnavailable', {
      file: source.name,
      format: chosen,
    });
  return reader;
}
