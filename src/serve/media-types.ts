// HTTP media types of catalog uploads and of report formats (protocol constants, not domain data).
import { extname } from 'node:path';
import type { InputFormat } from '../model/types.js';

/** Upload media types → the catalog format they carry. */
export const UPLOAD_MEDIA_TYPES: Readonly<Record<string, InputFormat>> = {
  'application/json': 'json',
  'text/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel.sheet.macroenabled.12': 'xlsx',
  'application/vnd.ms-excel': 'xls',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/xml': 'xml',
  'text/xml': 'xml',
};

/** Media types whose format comes from the file name (`?filename=` or Content-Disposition). */
export const GENERIC_MEDIA_TYPES: readonly string[] = ['application/octet-stream'];

/** The media type without parameters, lower-cased (`Text/CSV; charset=GBK` → `text/csv`). */
export function essence(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const value = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return value === '' ? undefined : value;
}

/** Media types that carry a format, grouped by format (for GET /v1/formats and messages). */
export function mediaTypesByFormat(): Map<InputFormat, string[]> {
  const out = new Map<InputFormat, string[]>();
  for (const [type, format] of Object.entries(UPLOAD_MEDIA_TYPES)) {
    const list = out.get(format) ?? [];
    list.push(type);
    out.set(format, list);
  }
  return out;
}

const OUTPUT_MEDIA_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json; charset=utf-8',
  sarif: 'application/sarif+json; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
};

/** The Content-Type of a report in a named format (plain text for human formats). */
export function outputMediaType(format: string): string {
  return OUTPUT_MEDIA_TYPES[format] ?? 'text/plain; charset=utf-8';
}

/**
 * The file name of a Content-Disposition header: `filename*` (RFC 8187, UTF-8) wins over `filename`.
 * Returns undefined when there is none or it cannot be decoded.
 */
export function dispositionFileName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header);
  if (extended) {
    const m = /^([\w-]+)'[^']*'(.*)$/.exec(extended[1]!.trim());
    if (m && m[1]!.toLowerCase() === 'utf-8') {
      try {
        return decodeURIComponent(m[2]!);
      } catch {
        return undefined;
      }
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  if (!plain) return undefined;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2];
}

/**
 * A safe display name for an upload: the last path segment, control characters removed, at most 255
 * characters; undefined when nothing is left.
 */
export function safeFileName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = name
    .split(/[/\\]/)
    .pop()!
    .replace(/\p{Cc}/gu, '')
    .trim();
  if (base === '' || base === '.' || base === '..') return undefined;
  return base.length > 255 ? undefined : base;
}

const CATALOG_MEDIA_TYPES: Readonly<Record<InputFormat, string>> = {
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

/** The Content-Type of a compiled catalog in a format. */
export function catalogMediaType(format: InputFormat): string {
  return CATALOG_MEDIA_TYPES[format];
}

/** The upload's name with the extension of the output format (`目录.xlsx` → `目录.json`). */
export function renameFor(name: string, format: InputFormat): string {
  const ext = extname(name);
  const base = ext ? name.slice(0, -ext.length) : name;
  return `${base || 'catalog'}.${format}`;
}
