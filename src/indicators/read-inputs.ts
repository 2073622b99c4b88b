// Reads an indicator input list from the file system (the adapter around parseInputTable).
import { readFile, stat } from 'node:fs/promises';
import { CatalogInputError } from '../errors.js';
import { type InputKind, type InputLimits, type InputTable, parseInputTable } from './inputs.js';

/** Reads a list file; unreadable input raises CatalogInputError naming the file. */
export async function readInputTable(
  path: string,
  file: string,
  kind: InputKind,
  limits: InputLimits,
): Promise<InputTable> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory())
      throw new CatalogInputError('input/is-directory', 'indicators.input.directory', { file });
    size = s.size;
  } catch (err) {
    if (err instanceof CatalogInputError) throw err;
    throw new CatalogInputError('input/not-found', 'indicators.input.notFound', { file });
  }
  if (size > limits.maxBytes)
    throw new CatalogInputError('input/limit', 'indicators.input.limit', {
      file,
      option: '--max-bytes',
      limit: limits.maxBytes,
    });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new CatalogInputError('input/unreadable', 'indicators.input.unreadable', { file });
  }
  return parseInputTable(bytes, file, kind, limits);
}
