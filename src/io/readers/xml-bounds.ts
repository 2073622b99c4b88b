// A linear pre-scan of XML text before it is validated and parsed: depth, elements, entries, names,
// attributes and text sizes are bounded by the limits, so the parser only ever sees a bounded document.

import { CatalogInputError } from '../../errors.js';
import type { MessageId } from '../../i18n/index.js';
import type { ResolvedLimits } from '../../limits.js';

/** What the scan checks against; `isEntry` tells whether an element name (as written) names an entry. */
export interface XmlBounds {
  limits: Pick<ResolvedLimits, 'maxDepth' | 'maxNodes' | 'maxEntries' | 'maxColumns' | 'maxCellChars'>;
  isEntry(name: string): boolean;
}

const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const HASH = 0x23;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Characters of text[start, end) once the references in it are decoded (`&amp;` is one character). */
function decodedLength(text: string, start: number, end: number): number {
  let count = end - start;
  for (let amp = text.indexOf('&', start); amp >= 0 && amp < end; amp = text.indexOf('&', amp + 1)) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi >= end || semi - amp > 12) continue;
    // A character reference above U+FFFF decodes to two UTF-16 units, like the string it becomes.
    let units = 1;
    if (text.charCodeAt(amp + 1) === HASH) {
      const hex = (text.charCodeAt(amp + 2) | 0x20) === 0x78;
      const code = hex ? Number.parseInt(text.slice(amp + 3, semi), 16) : Number(text.slice(amp + 2, semi));
      if (code > 0xffff) units = 2;
    }
    count -= semi - amp + 1 - units;
    amp = semi;
  }
  return count;
}

/** Index of the `>` that ends the start tag at `lt`, honouring quoted attribute values; -1 when unterminated. */
function tagEnd(text: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === GT) return i;
    else if (c === 0x22 || c === 0x27) quote = c;
  }
  return -1;
}

/**
 * A comment, CDATA section or declaration at `lt`: where the scan goes on (-1 when it runs to the end of the
 * text) and the characters of text a CDATA section adds; undefined when `lt` starts a tag.
 */
function skipNonTag(text: string, lt: number): { next: number; cdata: number; isCdata: boolean } | undefined {
  if (text.startsWith('<!--', lt)) {
    const end = text.indexOf('-->', lt + 4);
    return { next: end < 0 ? -1 : end + 3, cdata: 0, isCdata: false };
  }
  if (text.startsWith('<![CDATA[', lt)) {
    // Unterminated, it runs to the end of the text (the validator then calls it malformed).
    const end = text.indexOf(']]>', lt + 9);
    return { next: end < 0 ? -1 : end + 3, cdata: (end < 0 ? text.length : end) - (lt + 9), isCdata: true };
  }
  const next = text.charCodeAt(lt + 1);
  if (next === 0x3f || next === 0x21) {
    // <?xml …?> and other declarations (DTDs were refused before).
    const end = text.indexOf('>', lt + 2);
    return { next: end < 0 ? -1 : end + 1, cdata: 0, isCdata: false };
  }
  return undefined;
}

/**
 * Scans XML text once and throws `input/limit` when it nests deeper than --max-depth, has more elements and
 * attributes than --max-nodes or more entry elements (at the second or third level) than --max-entries, an element or
 * attribute name longer than --max-cell-chars, more attributes on one element than --max-columns, or a text,
 * CDATA section or attribute value longer than --max-cell-chars. Malformed markup is left to the validator.
 * DTDs are refused before this scan (assertNoDtd).
 */
export function scanXml(text: string, file: string, bounds: XmlBounds): void {
  const { maxDepth, maxNodes, maxEntries, maxColumns, maxCellChars } = bounds.limits;
  const limit = (messageId: MessageId, data: Record<string, string | number>) =>
    new CatalogInputError('input/limit', messageId, { file, ...data });
  let depth = 0;
  let elements = 0;
  let entries = 0;
  // Characters of the current element's text so far (text runs and CDATA sections between its tags).
  let textChars = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const runEnd = lt < 0 ? n : lt;
    if (runEnd > i) {
      textChars += decodedLength(text, i, runEnd);
      if (textChars > maxCellChars)
        throw limit('readers.xmlTextTooLong', { line: lineAt(text, i), limit: maxCellChars });
    }
    if (lt < 0) return;
    const next = text.charCodeAt(lt + 1);
    const skipped = skipNonTag(text, lt);
    if (skipped) {
      textChars += skipped.cdata;
      if (skipped.isCdata && textChars > maxCellChars)
        throw limit('readers.xmlTextTooLong', { line: lineAt(text, lt), limit: maxCellChars });
      if (skipped.next < 0) return;
      i = skipped.next;
      continue;
    }
    // An unterminated tag runs to the end of the text and is measured all the same: a huge one is a limit
    // at once, not a long search for the validator.
    const gt = tagEnd(text, lt);
    const tagStop = gt < 0 ? n : gt;
    textChars = 0;
    if (next === SLASH) {
      if (gt < 0) return;
      depth--;
      i = gt + 1;
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < tagStop && !isSpace(text.charCodeAt(nameEnd)) && text.charCodeAt(nameEnd) !== SLASH)
      nameEnd++;
    if (nameEnd - lt - 1 > maxCellChars)
      throw limit('readers.xmlNameTooLong', { line: lineAt(text, lt), limit: maxCellChars });
    if (++elements > maxNodes) throw limit('readers.xmlTooManyNodes', { limit: maxNodes });
    const level = depth + 1;
    if ((level === 2 || level === 3) && bounds.isEntry(text.slice(lt + 1, nameEnd)) && ++entries > maxEntries)
      throw limit('readers.xmlTooManyEntries', { limit: maxEntries });
    elements += checkAttributes(
      text,
      nameEnd,
      tagStop,
      (messageId, data) => limit(messageId, { line: lineAt(text, lt), ...data }),
      {
        maxColumns,
        maxCellChars,
      },
    );
    if (elements > maxNodes) throw limit('readers.xmlTooManyNodes', { limit: maxNodes });
    if (gt < 0) return;
    const selfClosing = text.charCodeAt(gt - 1) === SLASH;
    if (!selfClosing && ++depth > maxDepth) throw limit('readers.xmlTooDeep', { limit: maxDepth });
    i = gt + 1;
  }
}

/** Counts the attributes of a start tag (text[from, to)) and measures their names and values; returns the count. */
function checkAttributes(
  text: string,
  from: number,
  to: number,
  fail: (messageId: MessageId, data: Record<string, string | number>) => CatalogInputError,
  limits: { maxColumns: number; maxCellChars: number },
): number {
  let count = 0;
  let nameStart = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      // An unclosed value runs to the end of the tag.
      const found = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
      const close = found < 0 || found > to ? to : found;
      if (decodedLength(text, i + 1, close) > limits.maxCellChars)
        throw fail('readers.xmlTextTooLong', { limit: limits.maxCellChars });
      if (close === to) return count;
      i = close;
      continue;
    }
    if (c === EQUALS) {
      if (++count > limits.maxColumns)
        throw fail('readers.xmlTooManyAttributes', { limit: limits.maxColumns });
      if (nameStart >= 0 && i - nameStart > limits.maxCellChars)
        throw fail('readers.xmlNameTooLong', { limit: limits.maxCellChars });
      nameStart = -1;
    } else if (!isSpace(c) && nameStart < 0 && c !== SLASH) nameStart = i;
  }
  return count;
}
