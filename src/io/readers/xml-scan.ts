// A small streaming XML tokenizer for workbook parts: tags and text as chunks arrive, never the whole part.

/** Thrown for XML the fast path does not handle (DTDs, CDATA, unterminated constructs): the caller falls back. */
export class XmlUnsupported extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'XmlUnsupported';
  }
}

/** Receives the tokens of one XML part. `raw` is the tag's source between `<` and `>` ('' without attributes). */
export interface XmlHandler {
  /** An opening (or self-closing) tag; `name` is the local name (namespace prefix dropped). */
  open(name: string, raw: string, selfClosing: boolean): void;
  /** A closing tag (local name). */
  close(name: string): void;
  /** Character data between tags, exactly as written (entities not decoded). */
  text(text: string): void;
  /**
   * Optional short-cut, called at each `<` of markup: the handler may consume the common constructs it knows
   * that start there (whole, within this chunk) with exactly the effect the calls above would have had, and
   * returns where scanning goes on — `lt` itself when it took nothing.
   */
  fast?(buf: string, lt: number): number;
}

/** Longest tag, comment or processing instruction the scanner carries between chunks. */
const MAX_MARKUP_CHARS = 1024 * 1024;

const SINGLE: string[] = [];
for (let c = 0; c < 128; c++) SINGLE[c] = String.fromCharCode(c);

/** End of the tag name starting at `start` (space, tab, CR, LF, `/` or `>`). */
export function nameEnd(buf: string, start: number): number {
  let end = start;
  const n = buf.length;
  while (end < n) {
    const c = buf.charCodeAt(end);
    if (c === 32 || c === 9 || c === 13 || c === 10 || c === 47 || c === 62) break;
    end++;
  }
  return end;
}

/**
 * The local name (namespace prefix dropped) of buf[start, end). The names every cell repeats (c, v, t, r,
 * row, si, is) come back as constants, so scanning a sheet allocates no string per tag.
 */
function localName(buf: string, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    if (buf.charCodeAt(i) === 58) {
      start = i + 1;
      break;
    }
  }
  const len = end - start;
  if (len === 1) {
    const c = buf.charCodeAt(start);
    if (c < 128) return SINGLE[c]!;
  } else if (len === 3 && buf.startsWith('row', start)) return 'row';
  else if (len === 2) {
    if (buf.startsWith('si', start)) return 'si';
    if (buf.startsWith('is', start)) return 'is';
  }
  return buf.slice(start, end);
}

/** Index of the `>` ending the tag that starts at `lt`, honouring quoted attribute values; -1 if not yet there. */
export function tagEnd(buf: string, lt: number): number {
  let q = 0;
  for (let i = lt + 1; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (q !== 0) {
      if (c === q) q = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) q = c;
  }
  return -1;
}

/**
 * Feeds decoded text chunks to a handler. Tags split across chunks are carried to the next chunk; text is
 * passed on as it comes (a text run may arrive in several calls). DOCTYPE and CDATA are refused
 * (XmlUnsupported); comments and processing instructions are skipped.
 */
export class XmlScanner {
  private carry = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Tokenizes the next chunk. */
  write(chunk: string): void {
    // Only markup is carried over (text goes out as it comes): a tag, comment or instruction this long is
    // not a workbook's, and carrying it from chunk to chunk would copy it over and over.
    if (this.carry.length > MAX_MARKUP_CHARS) throw new XmlUnsupported('markup too long');
    const buf = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    const h = this.handler;
    const fast = h.fast !== undefined;
    let i = 0;
    const n = buf.length;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        h.text(buf.slice(i));
        return;
      }
      if (lt > i) h.text(buf.slice(i, lt));
      if (fast) {
        const to = (h.fast as NonNullable<XmlHandler['fast']>)(buf, lt);
        if (to !== lt) {
          i = to;
          continue;
        }
      }
      const next = buf.charCodeAt(lt + 1);
      if (next === 33) {
        // <!-- comment -->, <![CDATA[ … ]]>, <!DOCTYPE …>
        if (lt + 4 > n) {
          this.carry = buf.slice(lt);
          return;
        }
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) {
            this.carry = buf.slice(lt);
            return;
          }
          i = end + 3;
          continue;
        }
        if (lt + 9 > n) {
          this.carry = buf.slice(lt);
          return;
        }
        throw new XmlUnsupported(buf.startsWith('<![CDATA[', lt) ? 'cdata' : 'doctype');
      }
      if (next === 63) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) {
          this.carry = buf.slice(lt);
          return;
        }
        i = end + 2;
        continue;
      }
      const gt = tagEnd(buf, lt);
      if (gt < 0) {
        this.carry = buf.slice(lt);
        return;
      }
      if (next === 47) h.close(localName(buf, lt + 2, nameEnd(buf, lt + 2)));
      else {
        const ne = nameEnd(buf, lt + 1);
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        // A tag without attributes needs no source: attribute lookups on '' find nothing.
        const raw = ne >= gt - (selfClosing ? 1 : 0) ? '' : buf.slice(lt + 1, gt);
        h.open(localName(buf, lt + 1, ne), raw, selfClosing);
      }
      i = gt + 1;
    }
  }

  /** Ends the part: throws XmlUnsupported when a construct was left unterminated. */
  end(): void {
    if (this.carry.trim() !== '') throw new XmlUnsupported('unterminated markup');
  }
}

/** The value of attribute `name` in a tag source (entities not decoded), or undefined. */
export function attr(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = raw.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = raw.charCodeAt(at - 1);
    // A whole attribute name: preceded by whitespace (or a prefix colon), followed by `=`.
    if (!(before === 32 || before === 9 || before === 10 || before === 13 || before === 58)) continue;
    let k = from;
    while (raw.charCodeAt(k) === 32) k++;
    if (raw.charCodeAt(k) !== 61) continue;
    k++;
    while (raw.charCodeAt(k) === 32) k++;
    const q = raw.charCodeAt(k);
    if (q !== 34 && q !== 39) return undefined;
    const close = raw.indexOf(q === 34 ? '"' : "'", k + 1);
    if (close < 0) return undefined;
    return raw.slice(k + 1, close);
  }
}

/**
 * Calls `fn(name, value)` for each attribute of a tag source, in order (names keep their prefix; values are
 * not decoded). Stops early when `fn` returns true.
 */
export function eachAttr(raw: string, fn: (name: string, value: string) => boolean | undefined): void {
  const n = raw.length;
  let i = 0;
  // Skip the element name.
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) break;
    i++;
  }
  while (i < n) {
    let c = raw.charCodeAt(i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = raw.charCodeAt(++i);
    if (i >= n || c === 47) return;
    const nameStart = i;
    while (i < n && raw.charCodeAt(i) !== 61) i++;
    const name = raw.slice(nameStart, i).trim();
    i++;
    while (raw.charCodeAt(i) === 32) i++;
    const q = raw.charCodeAt(i);
    if (q !== 34 && q !== 39) return;
    const close = raw.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0) return;
    if (fn(name, raw.slice(i + 1, close))) return;
    i = close + 1;
  }
}
