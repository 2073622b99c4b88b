// Reads the lists that feed input-driven rates (published entries, mounted resources, interface checks, update log).
import { CatalogInputError } from '../errors.js';
import type { IndicatorInputs } from '../generated/schema-types.js';
import { CsvSyntaxError, parseCsvText } from '../io/readers/csv-text.js';
import { foldKey } from '../seeds/index.js';
import { extensionOf } from '../util/names.js';
import { loadInputSeeds } from './data.js';

/** The four lists. */
export type InputKind = 'published' | 'mounted' | 'interfaces' | 'updates';
/** Canonical columns of a list. */
export type InputColumn = keyof IndicatorInputs['columns'];

/** One data row: its 1-based row number as the user sees it and its values by canonical column. */
export interface InputRow {
  row: number;
  values: Partial<Record<InputColumn, string>>;
}

/** A list as read. */
export interface InputTable {
  kind: InputKind;
  /** The file name as given by the user (used in messages and the report). */
  file: string;
  columns: ReadonlySet<InputColumn>;
  rows: InputRow[];
}

/** Limits applied to a list (the catalog limits of the same names). */
export interface InputLimits {
  maxBytes: number;
  maxRows: number;
  maxCellChars: number;
}

const REQUIRED: Record<InputKind, InputColumn[][]> = {
  published: [['code', 'name']],
  mounted: [['code', 'name']],
  interfaces: [['result'], ['interface', 'code']],
  updates: [
    ['code', 'name'],
    ['date', 'due'],
  ],
};

/** Decodes text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (common in platform exports). */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeStrict('utf-8', bytes.subarray(3), file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeStrict('utf-16le', bytes.subarray(2), file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeStrict('utf-16be', bytes.subarray(2), file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeStrict('gb18030', bytes, file);
  }
}

function decodeStrict(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new CatalogInputError('input/encoding', 'indicators.input.encoding', { file });
  }
}

function headerIndex(seeds: IndicatorInputs): Map<string, InputColumn> {
  const out = new Map<string, InputColumn>();
  for (const [column, headers] of Object.entries(seeds.columns) as [InputColumn, string[]][]) {
    for (const h of headers) if (!out.has(foldKey(h))) out.set(foldKey(h), column);
  }
  return out;
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const t = text.normalize('NFKC').trim();
  return t === '' ? undefined : t;
}

function checkColumns(
  kind: InputKind,
  file: string,
  columns: Set<InputColumn>,
  seeds: IndicatorInputs,
): void {
  for (const anyOf of REQUIRED[kind]) {
    if (!anyOf.some((c) => columns.has(c))) {
      throw new CatalogInputError('input/no-header', 'indicators.input.noColumn', {
        file,
        columns: anyOf.map((c) => `“${seeds.columns[c]?.[0] ?? c}”`).join(' / '),
      });
    }
  }
  if (kind === 'updates' && columns.has('due') && !columns.has('onTime') && !columns.has('date')) {
    throw new CatalogInputError('input/no-header', 'indicators.input.noColumn', {
      file,
      columns: `“${seeds.columns.onTime[0]}”`,
    });
  }
}

function tooLong(file: string, limits: InputLimits): CatalogInputError {
  return new CatalogInputError('input/limit', 'indicators.input.limit', {
    file,
    option: '--max-cell-chars',
    limit: limits.maxCellChars,
  });
}

function fromCsv(
  text: string,
  kind: InputKind,
  file: string,
  limits: InputLimits,
  seeds: IndicatorInputs,
): InputTable {
  let records: string[][];
  try {
    // Stop reading once the row limit is exceeded: the table is rejected anyway.
    records = parseCsvText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
      delimiter: ',',
      maxRecords: limits.maxRows + 2,
      skipEmptyLines: true,
    });
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    throw new CatalogInputError('input/malformed', 'indicators.input.malformed', {
      file,
      detail: `第 ${err.record} 行 / line ${err.record}`,
    });
  }
  const header = records[0];
  if (!header) throw new CatalogInputError('input/empty', 'indicators.input.empty', { file });
  const index = headerIndex(seeds);
  const map = header.map((h) => index.get(foldKey(h.normalize('NFKC'))));
  const columns = new Set(map.filter((c): c is InputColumn => c !== undefined));
  checkColumns(kind, file, columns, seeds);
  if (records.length - 1 > limits.maxRows)
    throw new CatalogInputError('input/limit', 'indicators.input.limit', {
      file,
      option: '--max-rows',
      limit: limits.maxRows,
    });
  const rows: InputRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const values: InputRow['values'] = {};
    records[r]!.forEach((cell, c) => {
      const column = map[c];
      if (!column || values[column] !== undefined) return;
      if (cell.length > limits.maxCellChars) throw tooLong(file, limits);
      const t = cellText(cell);
      if (t !== undefined) values[column] = t;
    });
    if (Object.keys(values).length > 0) rows.push({ row: r + 1, values });
  }
  return { kind, file, columns, rows };
}

function fromJson(
  text: string,
  kind: InputKind,
  file: string,
  limits: InputLimits,
  seeds: IndicatorInputs,
): InputTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CatalogInputError('input/malformed', 'indicators.input.malformed', {
      file,
      detail: (err as Error).message,
    });
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { rows?: unknown }).rows)
      ? (data as { rows: unknown[] }).rows
      : undefined;
  if (!list) throw new CatalogInputError('input/malformed', 'indicators.input.notList', { file });
  if (list.length > limits.maxRows)
    throw new CatalogInputError('input/limit', 'indicators.input.limit', {
      file,
      option: '--max-rows',
      limit: limits.maxRows,
    });
  const index = headerIndex(seeds);
  const columns = new Set<InputColumn>();
  const rows: InputRow[] = [];
  list.forEach((item, i) => {
    const values: InputRow['values'] = {};
    if (typeof item === 'string') {
      // A bare list of resource codes.
      const t = cellText(item);
      if (t !== undefined) values.code = t;
      columns.add('code');
    } else if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const [key, value] of Object.entries(item)) {
        const column = index.get(foldKey(key.normalize('NFKC')));
        if (!column || values[column] !== undefined) continue;
        columns.add(column);
        if (typeof value === 'string' && value.length > limits.maxCellChars) throw tooLong(file, limits);
        const t = cellText(value);
        if (t !== undefined) values[column] = t;
      }
    }
    if (Object.keys(values).length > 0) rows.push({ row: i + 1, values });
  });
  checkColumns(kind, file, columns, seeds);
  return { kind, file, columns, rows };
}

/** Parses a list from bytes; `.json` is a JSON array (of objects or of codes), anything else CSV. */
export function parseInputTable(
  bytes: Uint8Array,
  file: string,
  kind: InputKind,
  limits: InputLimits,
  seeds: IndicatorInputs = loadInputSeeds(),
): InputTable {
  if (bytes.length === 0) throw new CatalogInputError('input/empty', 'indicators.input.empty', { file });
  if (bytes.length > limits.maxBytes)
    throw new CatalogInputError('input/limit', 'indicators.input.limit', {
      file,
      option: '--max-bytes',
      limit: limits.maxBytes,
    });
  const ext = extensionOf(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.json')
    throw new CatalogInputError('input/unsupported-format', 'indicators.input.format', { file });
  const text = decodeText(bytes, file);
  return ext === '.json'
    ? fromJson(text, kind, file, limits, seeds)
    : fromCsv(text, kind, file, limits, seeds);
}
