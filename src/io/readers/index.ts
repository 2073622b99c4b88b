// Reader registry: checks the file (exists, size, not empty), detects its format (name, then content) and dispatches.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { CatalogInputError } from '../../errors.js';
import type { InputFormat, ParsedCatalog } from '../../model/types.js';
import { readCsv } from './csv.js';
import { readJson, readJsonl } from './json.js';
import { formatFromContent, sniffContent } from './sniff.js';
import type { Reader, ReadOptions, ReadSource } from './types.js';
import { readXls, readXlsx } from './xlsx.js';
import { readXml } from './xml.js';

export type { Reader, ReadOptions, ReadSource } from './types.js';

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
  return EXTENSIONS[extname(name).toLowerCase()];
}

/** Reads a file from disk with the checks every input gets, then parses it. */
export async function readCatalogFile(
  path: string,
  options: ReadOptions,
  format?: InputFormat,
  name: string = path,
): Promise<ParsedCatalog> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new CatalogInputError('input/not-found', 'input.notFound', { file: name });
    throw new CatalogInputError('input/unreadable', 'input.unreadable', {
      file: name,
      reason: code ?? String(err),
    });
  }
  if (info.isDirectory())
    throw new CatalogInputError('input/is-directory', 'input.isDirectory', { file: name });
  if (info.size > options.limits.maxBytes) {
    throw new CatalogInputError('input/limit', 'input.tooLarge', {
      file: name,
      size: info.size,
      limit: options.limits.maxBytes,
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CatalogInputError('input/unreadable', 'input.unreadable', {
      file: name,
      reason: code ?? String(err),
    });
  }
  return readCatalogBytes({ name, bytes }, options, format);
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
  const ext = extname(source.name);
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
