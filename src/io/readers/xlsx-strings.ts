// The shared strings part, scanned as it inflates; and the text of a string item (shared or inline), as SheetJS
// reads it.
import type { Deadline } from '../../limits.js';
import { StreamFallback, streamPart, unescapeXml } from './xlsx-parts.js';
import { tagEnd, XmlScanner } from './xml-scan.js';
import type { ZipArchive, ZipPart } from './zip-directory.js';

/** The text of a rich or plain string item (`<si>` or `<is>` content), as SheetJS reads it. */
export class StringItem {
  private plain: boolean | undefined;
  private inT = false;
  private inPhonetic = false;
  private tCount = 0;
  private parts: string[] = [];
  private sawRun = false;

  reset(): void {
    this.plain = undefined;
    this.inT = false;
    this.inPhonetic = false;
    this.tCount = 0;
    this.parts = [];
    this.sawRun = false;
  }

  open(name: string, selfClosing: boolean): void {
    if (this.plain === undefined) {
      // SheetJS: a plain item starts with <t>; else it is rich when it has runs.
      this.plain = name === 't';
    }
    if (name === 'rPh') {
      if (!selfClosing) this.inPhonetic = true;
      return;
    }
    if (name === 'r') this.sawRun = true;
    if (name === 't') {
      if (selfClosing) throw new StreamFallback('empty t element');
      if (this.inT) throw new StreamFallback('nested t');
      this.inT = true;
      this.tCount++;
      return;
    }
    if (this.inT) throw new StreamFallback('markup inside t');
  }

  close(name: string): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inT = false;
  }

  text(text: string): void {
    if (!this.inT) return;
    if (this.plain) {
      // Only the first <t> of a plain item counts.
      if (this.tCount === 1) this.parts.push(text);
    } else if (!this.inPhonetic) this.parts.push(text);
  }

  /** The item's text; undefined when it is neither plain nor rich (SheetJS leaves such items empty). */
  value(): string | undefined {
    if (this.plain === undefined) return '';
    if (!this.plain && !this.sawRun) return undefined;
    return unescapeXml(this.parts.join(''), true);
  }
}

export async function sharedStrings(
  zip: ZipArchive,
  entry: ZipPart,
  deadline: Deadline,
): Promise<(string | undefined)[]> {
  const out: (string | undefined)[] = [];
  const item = new StringItem();
  let inItem = false;
  let count = 0;
  const scanner = new XmlScanner({
    open(name, _raw, selfClosing) {
      if (!inItem) {
        if (name === 'si') {
          if (selfClosing) throw new StreamFallback('empty si');
          inItem = true;
          item.reset();
        }
        return;
      }
      item.open(name, selfClosing);
    },
    close(name) {
      if (!inItem) return;
      if (name === 'si') {
        inItem = false;
        out.push(item.value());
        if ((++count & 0xffff) === 0) deadline.check();
        return;
      }
      item.close(name);
    },
    text(text) {
      if (inItem) item.text(text);
    },
    // Between items, the plain form `<si><t …>text</t></si>` whole in the chunk is taken in place, with the
    // value the calls above give it; any other form goes the generic way.
    fast(buf, lt) {
      if (inItem) return lt;
      let p = lt;
      while (buf.startsWith('<si><t', p)) {
        const c = buf.charCodeAt(p + 6);
        if (c !== 62 && c !== 32) break;
        const gt = c === 62 ? p + 6 : tagEnd(buf, p + 4);
        if (gt < 0 || buf.charCodeAt(gt - 1) === 47) break;
        const end = buf.indexOf('<', gt + 1);
        if (end < 0 || !buf.startsWith('</t></si>', end)) break;
        out.push(unescapeXml(buf.slice(gt + 1, end), true));
        if ((++count & 0xffff) === 0) deadline.check();
        p = end + 9;
      }
      return p;
    },
  });
  streamPart(zip, entry, (t) => scanner.write(t));
  scanner.end();
  // SheetJS splits the table on </si> and keeps the (blank) piece after the last item as one more string.
  out.push('');
  return out;
}
