// Streaming xlsx reader: takes the sheet parts from the guarded zip reader as they inflate and scans their XML as it
// arrives, into the same grids as SheetJS.
import { CatalogInputError } from '../../errors.js';
import type { Deadline, ResolvedLimits } from '../../limits.js';
import { columnLetter, type Grid, type GridBook, type MergeRange, type RawCell } from '../../model/grid.js';
import { attr, eachAttr, nameEnd, tagEnd, XmlScanner, XmlUnsupported } from './xml-scan.js';
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

/** Number formats, from the SheetJS format table (the streaming reader itself never imports SheetJS). */
export interface NumberFormats {
  /** Registers a workbook's custom format (as SheetJS does while parsing styles). */
  load(format: string, id: number): void;
  /** The format string of an id after loading, or undefined. */
  get(id: number): string | undefined;
  /** The raw cell of a number under a format (a date cell when the format is a date format). */
  numberCell(value: number, format: string | undefined, date1904: boolean): RawCell;
}

const ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#WTF?',
]);
const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&apos;': "'",
  '&gt;': '>',
  '&lt;': '<',
  '&amp;': '&',
};
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;
const MERGE_TAG = /^(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?$/;
const RANGE_REF = /^([A-Z]{1,3})([1-9]\d{0,6})(?::([A-Z]{1,3})([1-9]\d{0,6}))?$/;
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

let refCol = 0;
let refRow = 0;

/** Parses an A1 reference (1–3 letters, 1–7 digits, no leading zero) into refCol/refRow; false when odd. */
function parseRef(ref: string): boolean {
  const n = ref.length;
  let i = 0;
  let c = 0;
  while (i < n) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
    i++;
  }
  if (i === 0 || i > 3 || i === n || n - i > 7 || ref.charCodeAt(i) === 48) return false;
  let r = 0;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    r = r * 10 + (ch - 48);
  }
  refCol = c - 1;
  refRow = r - 1;
  return true;
}

/** parseRef over buf[from, to) in place. */
function parseRefAt(buf: string, from: number, to: number): boolean {
  let i = from;
  let c = 0;
  while (i < to) {
    const ch = buf.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
    i++;
  }
  const letters = i - from;
  if (letters === 0 || letters > 3 || i === to || to - i > 7 || buf.charCodeAt(i) === 48) return false;
  let r = 0;
  for (; i < to; i++) {
    const ch = buf.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    r = r * 10 + (ch - 48);
  }
  refCol = c - 1;
  refRow = r - 1;
  return true;
}

/**
 * A cell reference as RANGE_REF takes one (1–3 letters A–Z, 1–7 digits, no leading zero) at buf[from, …) before
 * `to`: sets refCol/refRow (the row as Number reads the digits, less one) and returns where it ends, or -1.
 */
function cellAt(buf: string, from: number, to: number): number {
  let i = from;
  let c = 0;
  while (i < to && i - from < 4) {
    const ch = buf.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
    i++;
  }
  const letters = i - from;
  if (letters === 0 || letters > 3) return -1;
  const digitsFrom = i;
  let r = 0;
  while (i < to) {
    const ch = buf.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    r = r * 10 + (ch - 48);
    i++;
  }
  const digits = i - digitsFrom;
  if (digits === 0 || digits > 7 || buf.charCodeAt(digitsFrom) === 48) return -1;
  refCol = c - 1;
  refRow = r - 1;
  return i;
}

/** The number buf[from, to) writes when it is 1–9 decimal digits, else -1 (Number.parseInt's value then). */
function digitsAt(buf: string, from: number, to: number): number {
  if (to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = buf.charCodeAt(i);
    if (ch < 48 || ch > 57) return -1;
    n = n * 10 + (ch - 48);
  }
  return n;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/**
 * Inflates one part (once: the zip reader checks its real size, the total and DTDs on the way), handing decoded
 * UTF-8 text to `onText` chunk by chunk.
 */
function streamPart(zip: ZipArchive, entry: ZipPart, onText: (text: string) => void): void {
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

function readSmallPart(zip: ZipArchive, entry: ZipPart): string {
  if (entry.size > SMALL_PART_BYTES) throw new StreamFallback(`large part ${entry.name}`);
  const parts: string[] = [];
  streamPart(zip, entry, (t) => parts.push(t));
  return parts.join('');
}

function scan(text: string, handler: ConstructorParameters<typeof XmlScanner>[0]): void {
  const scanner = new XmlScanner(handler);
  scanner.write(text);
  scanner.end();
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/');
  parts.pop();
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

interface SheetRef {
  name: string;
  path: string;
}

function workbookSheets(workbookXml: string, relsXml: string): { sheets: SheetRef[]; date1904: boolean } {
  const rels = new Map<string, { target: string; type: string }>();
  scan(relsXml, {
    open(name, raw) {
      if (name !== 'Relationship') return;
      const id = attr(raw, 'Id');
      const target = attr(raw, 'Target');
      if (id !== undefined && target !== undefined) rels.set(id, { target, type: attr(raw, 'Type') ?? '' });
    },
    close() {},
    text() {},
  });
  const sheets: SheetRef[] = [];
  let date1904 = false;
  scan(workbookXml, {
    open(name, raw) {
      if (name === 'workbookPr') {
        const v = attr(raw, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const sheetName = attr(raw, 'name');
        const id = attr(raw, 'id');
        const rel = id === undefined ? undefined : rels.get(id);
        if (sheetName === undefined || !rel) throw new StreamFallback('sheet without relationship');
        if (!rel.type.endsWith('/worksheet')) throw new StreamFallback(`sheet of type ${rel.type}`);
        sheets.push({ name: unescapeXml(sheetName), path: resolveTarget('xl/workbook.xml', rel.target) });
      }
    },
    close() {},
    text() {},
  });
  if (sheets.length === 0) throw new StreamFallback('no sheets');
  return { sheets, date1904 };
}

/** numFmtId of every cellXfs entry (index = the cell's `s` attribute). */
function cellFormats(stylesXml: string, formats: NumberFormats): (number | undefined)[] {
  const xfs: (number | undefined)[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  scan(stylesXml, {
    open(name, raw, selfClosing) {
      if (name === 'numFmts') inNumFmts = !selfClosing;
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'numFmt' && inNumFmts) {
        const id = Number.parseInt(attr(raw, 'numFmtId') ?? '', 10);
        const code = attr(raw, 'formatCode');
        if (!Number.isInteger(id) || code === undefined) throw new StreamFallback('odd numFmt');
        // SheetJS renumbers ids above 392; those workbooks take the SheetJS path.
        if (id > 0x188) throw new StreamFallback('numFmt id above 392');
        if (id > 0) formats.load(unescapeXml(code), id);
      } else if (name === 'xf' && inCellXfs) {
        const id = attr(raw, 'numFmtId');
        const n = id ? Number.parseInt(id, 10) : undefined;
        if (n !== undefined && n > 0x188) throw new StreamFallback('numFmt id above 392');
        xfs.push(n);
      }
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs;
}

/** The text of a rich or plain string item (`<si>` or `<is>` content), as SheetJS reads it. */
class StringItem {
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

async function sharedStrings(
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

/** First over-long cell of a sheet (and its 0-based row): raised only after the whole workbook parsed. */
type Pending = { row: number; col: number; error: CatalogInputError } | undefined;

interface SheetState {
  rows: (RawCell | undefined)[][];
  merges: MergeRange[];
  /** A cell lay beyond --max-rows (its row was kept by its reference, not stored). */
  overflow: boolean;
}

/** What reading one worksheet needs besides its part. */
interface SheetContext {
  file: string;
  sheet: string;
  limits: ResolvedLimits;
  strings: readonly (string | undefined)[] | undefined;
  xfs: readonly (number | undefined)[] | undefined;
  formats: NumberFormats;
  date1904: boolean;
  deadline: Deadline;
}

/**
 * The scan of one worksheet, as XmlScanner handlers: `open`, `close` and `text` route each tag to the part of the
 * sheet it belongs to (outside sheetData: merges; a row; a cell; its value or inline string), and each finished
 * cell is turned into a raw value (`cellValue`) and stored (`storeCell`).
 */
class WorksheetScan {
  readonly rows: (RawCell | undefined)[][] = [];
  readonly merges: MergeRange[] = [];
  error: Pending;
  /** A cell lay beyond --max-rows (its row was kept by its reference, not stored). */
  overflow = false;
  private readonly sheetRows: number;
  private inData = false;
  private dataDone = false;
  private rowNumber = 0;
  private skipRow = false;
  private inRow = false;
  private col = -1;
  private rowsSeen = 0;
  // The current cell.
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private cellType: string | undefined;
  private cellStyle: string | undefined;
  private cellRef: string | undefined;
  private inV = false;
  private vDone = false;
  private vText: string | undefined;
  private inInline = false;
  private readonly inline = new StringItem();
  private inlineValue: string | undefined;

  constructor(private readonly ctx: SheetContext) {
    this.sheetRows = ctx.limits.maxRows + 1;
  }

  // SheetJS reads attributes by local name (a prefix is dropped) and a later duplicate wins.
  private readonly onCellAttr = (name: string, value: string): undefined => {
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (local === 'r') this.cellRef = value;
    else if (local === 't') this.cellType = value;
    else if (local === 's') this.cellStyle = value;
    else if (local.toLowerCase() !== local) throw new StreamFallback('upper-case cell attribute');
    return undefined;
  };

  open(name: string, raw: string, selfClosing: boolean): void {
    if (this.inCell) this.openInCell(name, selfClosing);
    else if (!this.inData) this.openOutsideData(name, raw, selfClosing);
    else if (name === 'row') this.openRow(raw, selfClosing);
    else if (name === 'c' && this.inRow) this.openCell(raw, selfClosing);
  }

  close(name: string): void {
    if (this.inCell) this.closeInCell(name);
    else if (name === 'row') this.inRow = false;
    else if (name === 'sheetData' && this.inData) {
      this.inData = false;
      this.dataDone = true;
    }
  }

  text(text: string): void {
    if (this.inV) this.vText = this.vText === undefined ? text : this.vText + text;
    else if (this.inInline) this.inline.text(text);
  }

  /**
   * The scanner's short-cut inside sheetData (outside a cell): rows, their ends and the cells of the common form
   * `<c …/>` or `<c …><v>text</v></c>`, taken in place one after another with exactly the calls the generic scan
   * makes for them (`openRow`, `openCell`, the value, `finishCell`). Anything else, or a construct cut by the
   * chunk's end, is left to the generic scan: returns where that goes on.
   */
  fast(buf: string, lt: number): number {
    if (this.inCell) return lt;
    if (!this.inData) return this.dataDone ? this.fastMerges(buf, lt) : lt;
    const n = buf.length;
    let p = lt;
    while (p < n && buf.charCodeAt(p) === 60) {
      const c1 = buf.charCodeAt(p + 1);
      let to = -1;
      if (c1 === 99) {
        if (this.inRow && buf.charCodeAt(p + 2) === 32) to = this.fastCell(buf, p);
      } else if (c1 === 47) {
        if (buf.startsWith('</row>', p)) {
          this.inRow = false;
          to = p + 6;
        }
      } else if (c1 === 114 && buf.startsWith('row', p + 1)) {
        const c4 = buf.charCodeAt(p + 4);
        if (c4 === 32 || c4 === 62 || c4 === 47) to = this.fastRow(buf, p);
      }
      if (to < 0) return p;
      p = to;
    }
    return p;
  }

  /**
   * After sheetData: `<mergeCell ref="A1:B2"/>` tags one after another, read in place into the ranges
   * openOutsideData makes of them; returns where the generic scan goes on (any other form, or a cut tag).
   */
  private fastMerges(buf: string, lt: number): number {
    let p = lt;
    while (buf.startsWith('<mergeCell ref="', p)) {
      const from = p + 16;
      const close = buf.indexOf('"', from);
      if (close < 0 || !buf.startsWith('/>', close + 1)) break;
      const first = cellAt(buf, from, close);
      if (first < 0) break;
      const s = { r: refRow, c: refCol };
      let e: MergeRange['e'];
      if (first === close) e = { ...s };
      else {
        if (buf.charCodeAt(first) !== 58 || cellAt(buf, first + 1, close) !== close) break;
        e = { r: refRow, c: refCol };
      }
      this.merges.push({ s, e });
      p = close + 3;
    }
    return p;
  }

  /** `<row …>` at `lt` as the generic scan opens it; -1 when cut by the chunk's end. */
  private fastRow(buf: string, lt: number): number {
    const gt = tagEnd(buf, lt);
    if (gt < 0) return -1;
    const ne = nameEnd(buf, lt + 1);
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    this.openRow(ne >= gt - (selfClosing ? 1 : 0) ? '' : buf.slice(lt + 1, gt), selfClosing);
    return gt + 1;
  }

  /** `<c …/>` or `<c …><v>text</v></c>` at `lt` (in a row), whole in `buf`; -1 for any other form. */
  private fastCell(buf: string, lt: number): number {
    const gt = tagEnd(buf, lt);
    if (gt < 0) return -1;
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    let vt = -1;
    if (!selfClosing) {
      if (!buf.startsWith('<v>', gt + 1)) return -1;
      vt = buf.indexOf('<', gt + 4);
      if (vt < 0 || !buf.startsWith('</v></c>', vt)) return -1;
    }
    const ref = this.cellAttrs(buf, lt + 2, selfClosing ? gt - 1 : gt);
    if (ref < 0) this.openCell(buf.slice(lt + 1, gt), selfClosing);
    else this.startCell(ref === 1, selfClosing);
    if (selfClosing) return gt + 1;
    // <v>: the value opens (a new cell has no value yet); its text; </v>; </c> ends the cell.
    this.inV = true;
    if (vt > gt + 4) {
      // A shared string's index, all digits: looked up in place (what cellValue does with its text).
      const index = this.cellType === 's' && !this.skipRow ? digitsAt(buf, gt + 4, vt) : -1;
      if (index >= 0) {
        this.inV = false;
        this.inCell = false;
        const strings = this.ctx.strings;
        if (!strings || !(index in strings)) throw new StreamFallback('shared string index out of range');
        this.storeCell(strings[index] ?? '');
        return vt + 8;
      }
      this.text(buf.slice(gt + 4, vt));
    }
    this.vDone = true;
    this.inV = false;
    this.inCell = false;
    if (!this.skipRow) this.finishCell();
    return vt + 8;
  }

  /** A tag inside a cell: its value, its inline string, or markup of that string. */
  private openInCell(name: string, selfClosing: boolean): void {
    if (this.inInline) {
      this.inline.open(name, selfClosing);
      return;
    }
    if (name === 'v') {
      if (!selfClosing && !this.vDone) this.inV = true;
    } else if (name === 'is') {
      if (!selfClosing) {
        this.inInline = true;
        this.inline.reset();
      } else this.inlineValue = '';
    }
  }

  private closeInCell(name: string): void {
    if (this.inInline) {
      if (name === 'is') {
        this.inInline = false;
        this.inlineValue ??= this.inline.value();
      } else this.inline.close(name);
      return;
    }
    if (name === 'v') {
      if (this.inV) this.vDone = true;
      this.inV = false;
    } else if (name === 'c') {
      this.inCell = false;
      if (!this.skipRow) this.finishCell();
    }
  }

  /** Outside sheetData: its start, and the merged ranges after it. */
  private openOutsideData(name: string, raw: string, selfClosing: boolean): void {
    if (name === 'sheetData') {
      if (this.dataDone) throw new StreamFallback('second sheetData');
      if (selfClosing) this.dataDone = true;
      else this.inData = true;
    } else if (name === 'mergeCell') {
      if (!this.dataDone) throw new StreamFallback('mergeCell before sheetData');
      if (!MERGE_TAG.test(raw)) throw new StreamFallback('odd mergeCell');
      const m = RANGE_REF.exec(attr(raw, 'ref') ?? '');
      if (!m) throw new StreamFallback('odd merge range');
      const s = { r: Number(m[2]) - 1, c: columnIndex(m[1]!) };
      const e = m[3] === undefined ? { ...s } : { r: Number(m[4]) - 1, c: columnIndex(m[3]) };
      this.merges.push({ s, e });
    }
  }

  private openRow(raw: string, selfClosing: boolean): void {
    const r = attr(raw, 'r');
    this.rowNumber = r !== undefined ? Number.parseInt(r, 10) : this.rowNumber + 1;
    if (!Number.isInteger(this.rowNumber)) throw new StreamFallback('odd row number');
    this.skipRow = this.rowNumber > this.sheetRows;
    this.inRow = !selfClosing;
    this.col = -1;
    if ((++this.rowsSeen & 0xfff) === 0) this.ctx.deadline.check();
  }

  private openCell(raw: string, selfClosing: boolean): void {
    this.cellType = undefined;
    this.cellStyle = undefined;
    eachAttr(raw, this.onCellAttr);
    const ref = this.cellRef;
    this.cellRef = undefined;
    if (ref !== undefined && !parseRef(ref)) throw new StreamFallback('odd cell reference');
    this.startCell(ref !== undefined, selfClosing);
  }

  /** Places the cell just opened (at refCol/refRow when it had a reference) and, self-closing, finishes it. */
  private startCell(hasRef: boolean, selfClosing: boolean): void {
    if (hasRef) {
      this.cellCol = refCol;
      this.cellRow = refRow;
      this.col = this.cellCol;
    } else {
      this.col++;
      this.cellCol = this.col;
      this.cellRow = this.rowNumber - 1;
    }
    this.vText = undefined;
    this.inV = false;
    this.vDone = false;
    this.inlineValue = undefined;
    if (selfClosing) {
      if (!this.skipRow) this.finishCell();
    } else this.inCell = true;
  }

  /**
   * The attributes of `<c …>` read in place — buf[from, end) is ` name="value"` repeated — when each is `r`, `t`
   * or `s`, at most once: sets the type and style and returns 1 with a reference (in refCol/refRow), 0
   * without. -1 (nothing set) for any other form, or a reference parseRef refuses: `openCell` then reads them.
   */
  private cellAttrs(buf: string, from: number, end: number): number {
    let type: string | undefined;
    let style: string | undefined;
    let seen = 0;
    let p = from;
    while (p < end) {
      const name = buf.charCodeAt(p + 1);
      if (buf.charCodeAt(p) !== 32 || buf.charCodeAt(p + 2) !== 61 || buf.charCodeAt(p + 3) !== 34) return -1;
      const close = buf.indexOf('"', p + 4);
      if (close < 0 || close >= end) return -1;
      const bit = name === 114 ? 1 : name === 116 ? 2 : name === 115 ? 4 : 0;
      if (bit === 0 || seen & bit) return -1;
      seen |= bit;
      if (bit === 1) {
        if (!parseRefAt(buf, p + 4, close)) return -1;
      } else if (bit === 2) {
        type = close === p + 5 && buf.charCodeAt(p + 4) === 115 ? 's' : buf.slice(p + 4, close);
      } else style = buf.slice(p + 4, close);
      p = close + 1;
    }
    this.cellType = type;
    this.cellStyle = style;
    return seen & 1;
  }

  private finishCell(): void {
    const v = this.vText === undefined ? undefined : unescapeXml(this.vText);
    const hasV = v !== undefined && v !== '';
    if (this.cellType === undefined && !hasV) return;
    const value = this.cellValue(v, hasV);
    if (value === SKIP) return;
    this.storeCell(value);
  }

  /** The raw value of the current cell as SheetJS reads it, or SKIP for a cell SheetJS leaves out. */
  private cellValue(v: string | undefined, hasV: boolean): RawCell | undefined | typeof SKIP {
    const { ctx } = this;
    const t = this.cellType;
    switch (t ?? 'n') {
      case 'n':
      case '': {
        if (!hasV) return SKIP;
        const number = Number.parseFloat(v as string);
        let fmt: number | undefined;
        if (ctx.xfs && this.cellStyle !== undefined) fmt = ctx.xfs[this.cellStyle as unknown as number];
        return ctx.formats.numberCell(number, ctx.formats.get(fmt ?? 0), ctx.date1904);
      }
      case 's': {
        if (!hasV) return SKIP;
        const strings = ctx.strings;
        const index = Number.parseInt(v as string, 10);
        if (!strings || !(index in strings)) throw new StreamFallback('shared string index out of range');
        return strings[index] ?? '';
      }
      case 'inlineStr':
        return this.inlineValue ?? '';
      case 'b':
        return v === '1' || v === 'true';
      case 'e':
        return v !== undefined && ERRORS.has(v) ? v : undefined;
      case 'str': {
        // SheetJS decodes formula strings twice, the first time over the undecoded UTF-8 bytes: the same
        // here unless a numeric reference or _xHHHH_ escape would be decoded differently that way.
        const raw = this.vText ?? '';
        if (raw.includes('&#') || /_x/i.test(raw)) throw new StreamFallback('escaped formula string');
        return v === undefined ? '' : unescapeXml(v, true);
      }
      case 'd':
        throw new StreamFallback(`cell type ${t}`);
      default:
        return undefined;
    }
  }

  /** Stores the current cell's value; an over-long text is remembered (the first in SheetJS's order). */
  private storeCell(value: RawCell | undefined): void {
    const { limits } = this.ctx;
    const { cellRow, cellCol, rows } = this;
    if (cellRow > limits.maxRows) {
      this.overflow = true;
      return;
    }
    if (cellRow >= rows.length) {
      for (let r = rows.length; r <= cellRow; r++) rows.push(undefined as unknown as RawCell[]);
    }
    let row = rows[cellRow];
    if (!row) {
      row = [];
      rows[cellRow] = row;
    }
    if (typeof value === 'string' && value.length > limits.maxCellChars) {
      const e = new CatalogInputError('input/limit', 'readers.cellTooLong', {
        file: this.ctx.file,
        cell: `${this.ctx.sheet}!${columnLetter(cellCol)}${cellRow + 1}`,
        count: value.length,
        limit: limits.maxCellChars,
      });
      // The SheetJS path checks cells row by row, left to right: keep the first in that order.
      const error = this.error;
      if (!error || cellRow < error.row || (cellRow === error.row && cellCol < error.col))
        this.error = { row: cellRow, col: cellCol, error: e };
    }
    row[cellCol] = value;
  }
}

/** A cell SheetJS leaves out (no value where one is needed). */
const SKIP = Symbol('skip');

/** Parses one worksheet part into rows of raw cells and merges, enforcing the row, column and cell limits. */
async function worksheet(
  zip: ZipArchive,
  entry: ZipPart,
  ctx: SheetContext,
): Promise<{ state: SheetState; error: Pending }> {
  const sheet = new WorksheetScan(ctx);
  const scanner = new XmlScanner(sheet);
  streamPart(zip, entry, (t) => {
    scanner.write(t);
  });
  scanner.end();
  return { state: { rows: sheet.rows, merges: sheet.merges, overflow: sheet.overflow }, error: sheet.error };
}

/** Applies the grid limits in the order the SheetJS path checks them (rows first, then row by row). */
function checkGrid(
  state: SheetState,
  file: string,
  sheet: string,
  limits: ResolvedLimits,
  cellError: Pending,
): Grid {
  const { rows } = state;
  if (state.overflow || rows.length > limits.maxRows) {
    throw new CatalogInputError('input/limit', 'readers.tooManyRows', { file, sheet, limit: limits.maxRows });
  }
  const errorRow = cellError ? cellError.row : Number.POSITIVE_INFINITY;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    if (row.length > limits.maxColumns && r <= errorRow) {
      throw new CatalogInputError('input/limit', 'readers.tooManyColumns', {
        file,
        sheet,
        count: row.length,
        limit: limits.maxColumns,
      });
    }
  }
  if (cellError) throw cellError.error;
  return { name: sheet, rows, merges: state.merges };
}

/**
 * Reads an xlsx (its zip directory already checked) into grids without SheetJS: the workbook, its relationships,
 * styles, shared strings and worksheets are inflated once each, as they are scanned; then the other parts, for the
 * zip checks, before any limit of the grids is raised. Throws StreamFallback for anything it does not reproduce
 * exactly (the caller then checks the rest of the zip and reads it with SheetJS), CatalogInputError for limits.
 */
export async function streamWorkbookToGrids(
  zip: ZipArchive,
  file: string,
  limits: ResolvedLimits,
  deadline: Deadline,
  formats: NumberFormats,
): Promise<{ book: GridBook; date1904: boolean }> {
  try {
    const types = zip.part('[Content_Types].xml');
    const wbEntry = zip.part('xl/workbook.xml');
    const relsEntry = zip.part('xl/_rels/workbook.xml.rels');
    if (!types || !wbEntry || !relsEntry) throw new StreamFallback('not a plain xlsx package');
    const typesXml = readSmallPart(zip, types);
    if (!typesXml.includes('PartName="/xl/workbook.xml"'))
      throw new StreamFallback('workbook part elsewhere');
    const rels = readSmallPart(zip, relsEntry);
    const { sheets, date1904 } = workbookSheets(readSmallPart(zip, wbEntry), rels);
    let stylesPath: string | undefined;
    let stringsPath: string | undefined;
    scan(rels, {
      open(name, raw) {
        if (name !== 'Relationship') return;
        const type = attr(raw, 'Type') ?? '';
        const target = attr(raw, 'Target');
        if (target === undefined) return;
        if (type.endsWith('/styles')) stylesPath = resolveTarget('xl/workbook.xml', target);
        else if (type.endsWith('/sharedStrings')) stringsPath = resolveTarget('xl/workbook.xml', target);
      },
      close() {},
      text() {},
    });
    let xfs: (number | undefined)[] | undefined;
    if (stylesPath !== undefined) {
      const e = zip.part(stylesPath);
      if (!e) throw new StreamFallback('styles part missing');
      xfs = cellFormats(readSmallPart(zip, e), formats);
    }
    let strings: (string | undefined)[] | undefined;
    if (stringsPath !== undefined) {
      const e = zip.part(stringsPath);
      if (!e) throw new StreamFallback('shared strings part missing');
      strings = await sharedStrings(zip, e, deadline);
    }
    deadline.check();
    const states: { name: string; state: SheetState; error: Pending }[] = [];
    for (const sheet of sheets) {
      const e = zip.part(sheet.path);
      if (!e) throw new StreamFallback('sheet part missing');
      const { state, error } = await worksheet(zip, e, {
        file,
        sheet: sheet.name,
        limits,
        strings,
        xfs,
        formats,
        date1904,
        deadline,
      });
      states.push({ name: sheet.name, state, error });
      deadline.check();
    }
    // The zip's own checks come before the limits of the grids, as when the whole zip was checked first.
    zip.checkRest(deadline);
    const grids: Grid[] = [];
    for (const s of states) grids.push(checkGrid(s.state, file, s.name, limits, s.error));
    return { book: { sheets: grids }, date1904 };
  } catch (err) {
    if (err instanceof XmlUnsupported) throw new StreamFallback(err.message);
    if (err instanceof CatalogInputError || err instanceof StreamFallback) throw err;
    // Anything else unexpected: let SheetJS decide what the file is.
    throw new StreamFallback((err as Error).message);
  }
}
