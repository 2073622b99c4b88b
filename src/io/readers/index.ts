// Reads a catalog file from disk (exists, size, not empty) and hands its bytes to the reader registry.
import { readFile, stat } from 'node:fs/promises';
import { CatalogInputError } from '../../errors.js';
import type { InputFormat, ParsedCatalog } from '../../model/types.js';
import { readCatalogBytes } from './bytes.js';
import type { ReadOptions } from './types.js';

export {
  formatFromName,
  readCatalogBytes,
  readerFormats,
  registerReader,
  SUPPORTED_EXTENSIONS,
} from './bytes.js';
export type { Reader, ReadOptions, ReadSource } from './types.js';

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
