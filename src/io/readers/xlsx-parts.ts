// The parts of an xlsx package, for the streaming reader: each inflated once and decoded as it arrives (or read
// whole when small), XML scanned, relationship targets resolved, XML text decoded as SheetJS does; and
// StreamFallback, the signal to read the workbook with SheetJS instead.
import { XmlScanner } from './xml-scan.js';
import type { ZipArchive, ZipPart } from './zip-directory.js';

/**
 * Thrown when a workbook uses something the streaming reader does not reproduce exactly (xlsb, formula
 * strings, DTDs, dangling references …): the caller then reads it with SheetJS, so results never differ.
 */
export class StreamFallback extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StreamFallback';
  }
}

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&apos;': "'",
  '&gt;': '>',
  '&lt;': '<',
  '&amp;': '&',
};
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;
/** Largest metadata part (workbook, relationships, styles, content types) read whole. */
const SMALL_PART_BYTES = 16 * 1024 * 1024;

/** Decodes XML text as SheetJS does: the five entities, numeric references (UTF-16 units), `_xHHHH_` escapes. */
export function unescapeXml(text: string, xlsx = false): string {
  let out = text;
  if (out.includes('&'))
    out = out.replace(
      ENTITY,
      (m, code: string | undefined) =>
        ENTITIES[m] || String.fromCharCode(Number.parseInt(code as string, m.includes('x') ? 16 : 10)) || m,
    );
  if (out.includes('_'))
    out = out.replace(CODE, (_m, c: string) => String.fromCharCode(Number.parseInt(c, 16)));
  return xlsx && out.includes('\r\n') ? out.replace(/\r\n/g, '\n') : out;
}

/** Bytes of the UTF-8 sequence a lead byte starts (1 for ASCII, a continuation or an invalid byte). */
function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

/**
 * Decodes UTF-8 handed on in chunks to exactly the text one streaming TextDecoder gives, each chunk decoded whole
 * (the decoder's fast path: a streaming decode took several times as long). A chunk is cut before a sequence its
 * end splits, and those bytes go before the next chunk. Cuts fall only before a byte that is not a continuation
 * byte, or after a sequence's last byte: where the WHATWG decoder holds nothing, so invalid bytes are replaced
 * alike.
 */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly held = new Uint8Array(4);
  private heldLength = 0;

  /** The text of the next chunk (what a held sequence and the chunk complete). */
  decode(chunk: Uint8Array): string {
    let from = 0;
    let head = '';
    if (this.heldLength > 0) {
      // The held sequence ends at its length or at the first byte that cannot continue it.
      const need = sequenceLength(this.held[0]!);
      while (this.heldLength < need && from < chunk.length && (chunk[from]! & 0xc0) === 0x80)
        this.held[this.heldLength++] = chunk[from++]!;
      if (this.heldLength < need && from === chunk.length) return '';
      head = this.decoder.decode(this.held.subarray(0, this.heldLength));
      this.heldLength = 0;
    }
    let end = chunk.length;
    for (let i = end - 1; i >= from && i >= end - 3; i--) {
      const b = chunk[i]!;
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0 && sequenceLength(b) > end - i) end = i;
      break;
    }
    const body = end > from ? this.decoder.decode(chunk.subarray(from, end)) : '';
    for (let i = end; i < chunk.length; i++) this.held[this.heldLength++] = chunk[i]!;
    return head === '' ? body : head + body;
  }

  /** The text of a sequence left incomplete at the end (one replacement character), or ''. */
  end(): string {
    if (this.heldLength === 0) return '';
    const out = this.decoder.decode(this.held.subarray(0, this.heldLength));
    this.heldLength = 0;
    return out;
  }
}

/**
 * Inflates one part (once: the zip reader checks its real size, the total and DTDs on the way), handing decoded
 * UTF-8 text to `onText` chunk by chunk.
 */
export function streamPart(zip: ZipArchive, entry: ZipPart, onText: (text: string) => void): void {
  const decoder = new Utf8Chunks();
  let first = true;
  const take = (text: string) => {
    let t = text;
    if (first && t.length > 0) {
      first = false;
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    }
    if (t.length > 0) onText(t);
  };
  zip.inflate(entry, (chunk) => take(decoder.decode(chunk)));
  take(decoder.end());
}

export function readSmallPart(zip: ZipArchive, entry: ZipPart): string {
  if (entry.size > SMALL_PART_BYTES) throw new StreamFallback(`large part ${entry.name}`);
  const parts: string[] = [];
  streamPart(zip, entry, (t) => parts.push(t));
  return parts.join('');
}

export function scan(text: string, handler: ConstructorParameters<typeof XmlScanner>[0]): void {
  const scanner = new XmlScanner(handler);
  scanner.write(text);
  scanner.end();
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/');
  parts.pop();
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}
