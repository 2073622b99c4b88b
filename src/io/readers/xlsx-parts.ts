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

/**
 * Inflates one part (once: the zip reader checks its real size, the total and DTDs on the way), handing decoded
 * UTF-8 text to `onText` chunk by chunk.
 */
export function streamPart(zip: ZipArchive, entry: ZipPart, onText: (text: string) => void): void {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let first = true;
  const take = (text: string) => {
    let t = text;
    if (first && t.length > 0) {
      first = false;
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    }
    if (t.length > 0) onText(t);
  };
  zip.inflate(entry, (chunk) => take(decoder.decode(chunk, { stream: true })));
  take(decoder.decode());
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
