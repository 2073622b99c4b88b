// Reader registry over bytes: detects the format (name, then content) and dispatches. No file system here.
import { CatalogInputError } from '../../errors.js';
import type { InputFormat, ParsedCatalog } from '../../model/types.js';
import { extensionOf } from '../../util/names.js';
import { readCsv } from './csv.js';
import { readJson, readJsonl } from './json.js';
import { formatFromContent, sniffContent } from './sniff.js';
import type { Reader, ReadOptions, ReadSource } from './types.js';
import { readXls, readXlsx } from './xlsx.js';
import { readXml } from './xml.js';

const readers = new Map<InputFormat, Reader>([
  ['json', { format: 'json', read: readJson }],
  ['jsonl', { format: 'jsonl', read: readJsonl }],
  ['xlsx', { format: 'xlsx', read: readXlsx }],
  ['xls', { format: 'xls', read: readXls }],
  ['csv', { format: 'csv', read: readCsv }],
  ['xml', { format: 'xml', read: readXml }],
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
  source: ReadSource,
  options: ReadOptions,
  format?: InputFormat,
): Promise<ParsedCatalog> {
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
    (ext === '' ? formatFromContent(sniffContent(source.bytes)) : undefined);
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
  return reader.read(source, options);
}
