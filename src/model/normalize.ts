// Pure text normalizers used by every reader: full-width → half-width, dates, lists, data types, numbers.

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space turned half-width; other text unchanged. */
export function toHalfWidth(text: string): string {
  let out: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const mapped = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : -1;
    if (mapped >= 0) {
      out ??= text.slice(0, i);
      out += String.fromCharCode(mapped);
    } else if (out !== undefined) out += text[i];
  }
  return out ?? text;
}

/** True when a text contains full-width ASCII characters or the ideographic space. */
export function hasFullWidth(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) return true;
  }
  return false;
}

/** Calendar date parts. */
export interface DateParts {
  y: number;
  m: number;
  d: number;
}

/** True when y-m-d is a real calendar date (proleptic Gregorian, years 1000–9999). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** Formats date parts as CCYY-MM-DD. */
export function formatDate(p: DateParts): string {
  return `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** Serials govcat accepts as dates in date columns: 1950-01-01 … 2099-12-31 (other numbers stay numbers). */
export const SERIAL_RANGE = { min: 18_264, max: 73_050 } as const;

/**
 * Calendar date of an Excel serial (integer part). The 1900 system keeps Excel's phantom 1900-02-29
 * (serial 60), so serials from 61 on count from 1899-12-30; the 1904 system counts from 1904-01-01.
 */
export function serialToDate(serial: number, date1904 = false): DateParts | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial);
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + days * 86_400_000;
  else if (days >= 61) ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  else if (days === 60) return { y: 1900, m: 2, d: 29 };
  else ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** The outcome of reading a date text. */
export type DateReading =
  /** Already CCYY-MM-DD and a real date. */
  | { status: 'canonical'; value: string }
  /** Another spelling of a real date, normalized. */
  | { status: 'normalized'; value: string }
  /** Looks like a date but is not a real one (2021-13-45): kept as written. */
  | { status: 'invalid' }
  /** Not a date spelling govcat recognizes: kept as written. */
  | { status: 'unrecognized' };

const CANONICAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_SUFFIX = '(?:[ T]+\\d{1,2}[:：]\\d{1,2}(?:[:：]\\d{1,2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const SEPARATED_DATE = new RegExp(
  `^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?${TIME_SUFFIX}$`,
);
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/**
 * Reads a date written as text: `2021-07-13`, `2021-7-13`, `2021/7/13`, `2021.7.13`, `2021年7月13日`,
 * `20210713`, an Excel serial such as `44390`, optionally with a time (`2021-07-13 10:20:30`) and
 * full-width digits. Never throws.
 */
export function readDateText(raw: string, date1904 = false): DateReading {
  const text = toHalfWidth(raw).trim();
  const canonical = CANONICAL_DATE.exec(text);
  if (canonical) {
    const [y, m, d] = [Number(canonical[1]), Number(canonical[2]), Number(canonical[3])];
    return isRealDate(y, m, d) ? { status: 'canonical', value: text } : { status: 'invalid' };
  }
  const parts = SEPARATED_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (parts) {
    const [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    return isRealDate(y, m, d)
      ? { status: 'normalized', value: formatDate({ y, m, d }) }
      : { status: 'invalid' };
  }
  if (SERIAL_TEXT.test(text)) {
    const serial = Number(text);
    if (serial >= SERIAL_RANGE.min && Math.floor(serial) <= SERIAL_RANGE.max) {
      const p = serialToDate(serial, date1904);
      if (p) return { status: 'normalized', value: formatDate(p) };
    }
  }
  return { status: 'unrecognized' };
}

/** Reads a number found in a date column: CCYYMMDD (20210713) or an Excel serial in SERIAL_RANGE. */
export function readDateNumber(value: number, date1904 = false): DateReading {
  if (Number.isInteger(value) && value >= 10_000_101 && value <= 99_991_231) {
    return readDateText(String(value));
  }
  // The range bounds whole days: 2099-12-31 18:00 (73050.75) is still 2099-12-31.
  if (value >= SERIAL_RANGE.min && Math.floor(value) <= SERIAL_RANGE.max) {
    const p = serialToDate(value, date1904);
    if (p) return { status: 'normalized', value: formatDate(p) };
  }
  return { status: 'unrecognized' };
}

/** How list-like texts are split. */
export type ListStyle = 'format' | 'tags' | 'codes';

const LIST_SEPARATORS: Record<ListStyle, RegExp> = {
  // Not on spaces: “sql server” is one format.
  format: /[,，、;；|\r\n\t]+/,
  tags: /[,，、;；|\r\n\t]+/,
  codes: /[,，、;；|\s]+/,
};
const BRACKETED = /^\s*[[［【]([\s\S]*)[\]］】]\s*$/;
const QUOTES = /^["'“”‘’]+|["'“”‘’]+$/g;

/** A list read from one text. */
export interface ListReading {
  values: string[];
  /** True when the text was list-like (brackets, or more than one value). */
  split: boolean;
}

/**
 * Splits a list written in one cell: `['xls', 'json']`, `["xls","json"]`, `xls、json`, `xls,json`,
 * line breaks (tags). Empty brackets give an empty list. Values are trimmed; quotes around them dropped.
 */
export function splitList(raw: string, style: ListStyle): ListReading {
  const bracketed = BRACKETED.exec(raw);
  const inner = bracketed ? bracketed[1]! : raw;
  const separator = bracketed ? /[,，、;；\r\n]+/ : LIST_SEPARATORS[style];
  const values: string[] = [];
  for (const piece of inner.split(separator)) {
    const value = piece.trim().replace(QUOTES, '').trim();
    if (value !== '') values.push(value);
  }
  return { values, split: bracketed !== null || values.length > 1 };
}

/** A data type read from its text: the code or word, and the length and scale if written. */
export interface DataTypeParts {
  base: string;
  length?: number;
  scale?: number;
}

const TYPE_WITH_LENGTH = /^(.*?)\s*\(\s*(\d{1,9})\s*(?:,\s*(\d{1,9})\s*)?\)$/;

/** Splits `C(18)`, `C（18）`, `N(10,2)`, `VARCHAR2 ( 50 )` into parts; other texts are a bare base. */
export function parseDataType(raw: string): DataTypeParts {
  const text = toHalfWidth(raw).trim();
  const m = TYPE_WITH_LENGTH.exec(text);
  if (!m || m[1] === '') return { base: text };
  const parts: DataTypeParts = { base: m[1]!, length: Number(m[2]) };
  if (m[3] !== undefined) parts.scale = Number(m[3]);
  return parts;
}

/** Writes a data type back: `C(18)`, `N(10,2)`, or the bare base. */
export function formatDataType(p: DataTypeParts): string {
  if (p.length === undefined) return p.base;
  return p.scale === undefined ? `${p.base}(${p.length})` : `${p.base}(${p.length},${p.scale})`;
}

const COUNT_TEXT = /^(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.0+)?\s*(?:条|行|个|件|项|条记录)?$/;

/** Reads a non-negative integer written as text (`1200`, `1,200`, `1200条`); undefined when it is not one. */
export function readCount(raw: string): number | undefined {
  const m = COUNT_TEXT.exec(toHalfWidth(raw).trim());
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/[,，]/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Text of a number without exponent notation (18-digit codes stored as numbers stay digits). */
export function numberText(value: number): string {
  if (Number.isSafeInteger(value) || !Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US', { useGrouping: false });
  return String(value);
}
