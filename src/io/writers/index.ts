// Writer registry: the output formats of govcat compile, chosen by format name or file extension.
import { extensionOf } from '../../util/names.js';
import type { WritableCatalog } from './columns.js';
import { writeCsv } from './csv.js';
import { writeJson, writeJsonl } from './json.js';
import { writeXlsx } from './xlsx.js';
import { writeXml } from './xml.js';

export type { WritableCatalog } from './columns.js';

/** Formats govcat can write. */
export type OutputFormat = 'json' | 'jsonl' | 'xlsx' | 'xls' | 'csv' | 'xml';

/** Output formats by file extension. */
export const OUTPUT_EXTENSIONS: Readonly<Record<string, OutputFormat>> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xlsx': 'xlsx',
  '.xls': 'xls',
  '.csv': 'csv',
  '.xml': 'xml',
};

/** Every output format name. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'jsonl', 'xlsx', 'xls', 'csv', 'xml'];

/** The output format a file name implies, or undefined. */
export function outputFormatFromName(name: string): OutputFormat | undefined {
  return OUTPUT_EXTENSIONS[extensionOf(name).toLowerCase()];
}

/** Serializes a catalog in a format. */
export function writeCatalog(catalog: WritableCatalog, format: OutputFormat): Uint8Array {
  switch (format) {
    case 'json':
      return writeJson(catalog);
    case 'jsonl':
      return writeJsonl(catalog);
    case 'xlsx':
      return writeXlsx(catalog, 'xlsx');
    case 'xls':
      return writeXlsx(catalog, 'xls');
    case 'csv':
      return writeCsv(catalog);
    case 'xml':
      return writeXml(catalog);
  }
}
