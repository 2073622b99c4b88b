// Reads a catalog file from disk (exists, size, not empty) and hands its bytes to the reader registry.
import { readSync } from 'node:fs';
import { type FileHandle, open, readFile, stat } from 'node:fs/promises';
import { CatalogInputError } from '../../errors.js';
import type {
  EntryPass,
  EntryStream,
  InputFormat,
  ParsedCatalog,
  StreamedCatalog,
} from '../../model/types.js';
import { readCatalogBytes, streamCatalogBytes } from './bytes.js';
import type { RangeSource, ReadOptions, ReadSource } from './types.js';

export {
  formatFromName,
  readCatalogBytes,
  readerFormats,
  registerReader,
  SUPPORTED_EXTENSIONS,
  streamCatalogBytes,
} from './bytes.js';
export type { Reader, ReadOptions, ReadSource } from './types.js';

/** Reads a file from disk with the checks every input gets, then parses it. */
export function readCatalogFile(
  path: string,
  options: ReadOptions,
  format?: InputFormat,
  name: string = path,
): Promise<ParsedCatalog> {
  return withFile(path, name, options, (source) => readCatalogBytes(source, options, format));
}

/** Reads a file from disk as readCatalogFile does, handing its entries to `stream` (see streamCatalogBytes). */
export function streamCatalogFile<P extends EntryPass>(
  path: string,
  options: ReadOptions,
  stream: EntryStream<P>,
  format?: InputFormat,
  name: string = path,
): Promise<StreamedCatalog<P>> {
  return withFile(path, name, options, (source) => streamCatalogBytes(source, options, stream, format));
}

/** Checks a file (exists, size, not a folder) and reads it with `read`: a range at a time when it is a file. */
async function withFile<T>(
  path: string,
  name: string,
  options: ReadOptions,
  read: (source: ReadSource | RangeSource) => Promise<T>,
): Promise<T> {
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
  // A pipe or a device (/dev/stdin) has no size to read ranges of: read it whole.
  if (!info.isFile()) return read({ name, bytes: await readWhole(path, name) });
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CatalogInputError('input/unreadable', 'input.unreadable', {
      file: name,
      reason: code ?? String(err),
    });
  }
  try {
    return await read({ name, bytes: new FileRange(file.fd, info.size, name) });
  } finally {
    await file.close();
  }
}

async function readWhole(path: string, name: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CatalogInputError('input/unreadable', 'input.unreadable', {
      file: name,
      reason: code ?? String(err),
    });
  }
}

/**
 * A file's bytes read a range at a time when a reader asks (see ByteRange): a CSV or JSON reader decodes
 * 1 MB after another and never holds the whole file; the other readers ask for all of it at once.
 */
class FileRange {
  constructor(
    private readonly fd: number,
    readonly byteLength: number,
    private readonly name: string,
  ) {}

  subarray(begin: number, end: number): Uint8Array {
    const start = Math.max(0, Math.min(begin, this.byteLength));
    const length = Math.max(0, Math.min(end, this.byteLength) - start);
    const out = new Uint8Array(length);
    let done = 0;
    try {
      while (done < length) {
        const n = readSync(this.fd, out, done, length - done, start + done);
        // The file got shorter since it was measured: what is there is what it holds.
        if (n === 0) return out.subarray(0, done);
        done += n;
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new CatalogInputError('input/unreadable', 'input.unreadable', {
        file: this.name,
        reason: code ?? String(err),
      });
    }
    return out;
  }
}
