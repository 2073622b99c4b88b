// A guarded zip reader for workbooks: reads the central directory, checks what it declares (entry count, sizes,
// ratios, names, encryption), then inflates each part once with fflate, checking its real size, the total and DTDs
// while the bytes stream by. Readers take the parts they need as they inflate; `checkRest` inflates the others.
import { Inflate } from 'fflate';
import { CatalogInputError } from '../../errors.js';
import type { Deadline, ResolvedLimits } from '../../limits.js';
import { DtdScan } from './dtd-scan.js';
import { wholeInflate } from './whole-inflate.js';

/** Entries smaller than this are not judged by their compression ratio (tiny parts compress oddly). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Compressed bytes inflated at a time (fflate hands on what each slice inflates to). */
const INFLATE_INPUT_CHUNK = 64 * 1024;
/**
 * Inflated bytes handed on at a time: large enough to keep the per-chunk cost of a scan low, small enough that the
 * text a chunk decodes to (at most 64 KiB, two bytes a character) stays a regular heap object: a string over
 * 128 KiB is a large object of its own, allocated and freed page by page (256 KiB chunks made decoding a 28 MB
 * sheet several times slower).
 */
const OUTPUT_CHUNK = 32 * 1024;
/** Parts smaller than this are inflated by fflate even when a platform inflate is installed. */
const WHOLE_INFLATE_MIN_BYTES = 256 * 1024;
/** Parts a workbook reader parses as XML (a DTD in any of them is refused). */
const XML_PART = /\.(?:xml|rels|vml)$/i;

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

/** One part of the zip as its central directory declares it. */
export interface ZipPart {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The declared uncompressed size. */
  size: number;
  headerOffset: number;
}

/** A zip the bytes do not describe: truncated, corrupt, or using what a workbook never uses. */
class ZipFormatError extends Error {}

function malformed(file: string, reason: string): CatalogInputError {
  return new CatalogInputError('input/malformed', 'readers.zipMalformed', {
    file,
    reason: reason.split('\n')[0]!.slice(0, 200),
  });
}

/** Code page 437 above ASCII: how zip tools read a name without the UTF-8 flag. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const utf8 = new TextDecoder('utf-8');

function decodeName(raw: Uint8Array, flags: number): string {
  if (flags & FLAG_UTF8) return utf8.decode(raw);
  let out = '';
  for (const b of raw) out += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return out;
}

/** Why a part name is refused (absolute, or climbing out with `..`), or undefined. */
function badName(name: string): string | undefined {
  if (/^[a-zA-Z]:/.test(name) || name.startsWith('/')) return `absolute path: ${name}`;
  if (name.split('/').includes('..')) return `invalid relative path: ${name}`;
  return undefined;
}

/** A part name as zip readers compare it: `/` separators, no leading slash, ASCII case folded (OPC). */
function partKey(name: string): string {
  return name.replace(/^\/+/, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Little-endian reads over the zip's bytes, refusing to read past the end. */
class Reader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private check(at: number, size: number): void {
    if (at < 0 || at + size > this.bytes.length)
      throw new ZipFormatError('unexpected end of central directory');
  }

  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }

  u64(at: number): number {
    this.check(at, 8);
    return this.view.getUint32(at, true) + this.view.getUint32(at + 4, true) * 0x1_0000_0000;
  }

  slice(at: number, size: number): Uint8Array {
    this.check(at, size);
    return this.bytes.subarray(at, at + size);
  }
}

/** Where the central directory is and how many entries it declares (zip64 followed). */
function endOfDirectory(r: Reader): { count: number; offset: number } {
  const bytes = r.bytes;
  const last = bytes.length - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (bytes[at] !== 0x50 || r.u32(at) !== EOCD_SIGNATURE) continue;
    const disk = r.u16(at + 4);
    if (disk !== 0)
      throw new ZipFormatError(`multi-disk zip files are not supported: found disk number: ${disk}`);
    let count = r.u16(at + 10);
    let offset = r.u32(at + 16);
    if (
      (count === 0xffff || offset === 0xffffffff) &&
      at >= 20 &&
      r.u32(at - 20) === ZIP64_LOCATOR_SIGNATURE
    ) {
      const z = r.u64(at - 12);
      if (r.u32(z) !== ZIP64_EOCD_SIGNATURE)
        throw new ZipFormatError('invalid zip64 end of central directory');
      count = r.u64(z + 32);
      offset = r.u64(z + 48);
    }
    return { count, offset };
  }
  throw new ZipFormatError('end of central directory record signature not found');
}

/** Sizes and offset from a zip64 extra field, for the fields the entry marks as 0xffffffff. */
function zip64Fields(r: Reader, extra: number, extraEnd: number, part: ZipPart): void {
  for (let at = extra; at + 4 <= extraEnd; ) {
    const id = r.u16(at);
    const size = r.u16(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      if (part.size === 0xffffffff) {
        part.size = r.u64(p);
        p += 8;
      }
      if (part.compressedSize === 0xffffffff) {
        part.compressedSize = r.u64(p);
        p += 8;
      }
      if (part.headerOffset === 0xffffffff) part.headerOffset = r.u64(p);
      return;
    }
    at += 4 + size;
  }
}

/** The entries of the central directory, in order. */
function readDirectory(r: Reader, count: number, offset: number): ZipPart[] {
  const parts: ZipPart[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    const signature = r.u32(at);
    if (signature !== CENTRAL_SIGNATURE)
      throw new ZipFormatError(
        `invalid central directory file header signature: 0x${signature.toString(16)}`,
      );
    const flags = r.u16(at + 8);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    const part: ZipPart = {
      name: decodeName(r.slice(at + 46, nameLength), flags).replace(/\\/g, '/'),
      method: r.u16(at + 10),
      flags,
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      headerOffset: r.u32(at + 42),
    };
    zip64Fields(r, at + 46 + nameLength, at + 46 + nameLength + extraLength, part);
    const refused = badName(part.name);
    if (refused) throw new ZipFormatError(refused);
    if (part.method === 0) {
      const expected = part.size + (flags & FLAG_ENCRYPTED ? 12 : 0);
      if (part.compressedSize !== expected)
        throw new ZipFormatError(
          `compressed/uncompressed size mismatch for stored file: ${part.compressedSize} != ${expected}`,
        );
    }
    parts.push(part);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/**
 * An opened zip (an xlsx): `open` throws `input/limit` when it has more entries than --max-zip-entries, declares
 * more than --max-inflated-bytes in total, or a part compresses more than --max-zip-ratio; `input/unsafe` when a
 * part is encrypted or two parts share a name; `input/malformed` when the zip is truncated or corrupt. Inflating
 * a part then throws `input/unsafe` when it inflates to another size than it declares (falsified sizes) or an XML
 * part holds a DTD, `input/limit` past --max-inflated-bytes in total. Each part is inflated once, in chunks.
 */
export class ZipArchive {
  private readonly byName = new Map<string, ZipPart>();
  private readonly done = new Set<ZipPart>();
  /** Bytes inflated by the parts done. */
  private inflated = 0;

  private constructor(
    private readonly reader: Reader,
    readonly parts: readonly ZipPart[],
    readonly file: string,
    private readonly limits: ResolvedLimits,
  ) {
    for (const part of parts) this.byName.set(part.name, part);
  }

  /** Reads the central directory and checks what it declares. */
  static open(bytes: Uint8Array, file: string, limits: ResolvedLimits): ZipArchive {
    const reader = new Reader(bytes);
    let parts: ZipPart[];
    try {
      const { count, offset } = endOfDirectory(reader);
      if (count > limits.maxZipEntries)
        throw new CatalogInputError('input/limit', 'readers.zipEntries', {
          file,
          count,
          limit: limits.maxZipEntries,
        });
      parts = readDirectory(reader, count, offset);
    } catch (err) {
      if (err instanceof ZipFormatError) throw malformed(file, err.message);
      throw err;
    }
    const archive = new ZipArchive(reader, parts, file, limits);
    archive.checkDeclared();
    return archive;
  }

  /** Refuses repeated names, encryption, and declared sizes or ratios over the limits. */
  private checkDeclared(): void {
    const { file, limits } = this;
    const seen = new Set<string>();
    for (const part of this.parts) {
      const key = partKey(part.name);
      // Readers disagree on which copy counts, so a report and its workbook could describe different cells.
      if (seen.has(key))
        throw new CatalogInputError('input/unsafe', 'readers.zipDuplicate', { file, part: part.name });
      seen.add(key);
    }
    let declared = 0;
    for (const part of this.parts) {
      if (part.flags & FLAG_ENCRYPTED)
        throw new CatalogInputError('input/unsafe', 'readers.encrypted', { file });
      declared += part.size;
      if (declared > limits.maxInflatedBytes)
        throw new CatalogInputError('input/limit', 'readers.zipInflated', {
          file,
          size: declared,
          limit: limits.maxInflatedBytes,
        });
      const ratio = part.size / Math.max(1, part.compressedSize);
      if (part.size >= RATIO_FLOOR_BYTES && ratio > limits.maxZipRatio)
        throw new CatalogInputError('input/limit', 'readers.zipRatio', {
          file,
          part: part.name,
          ratio: Math.round(ratio),
          limit: limits.maxZipRatio,
        });
    }
  }

  /** The part of that exact name, or undefined. */
  part(name: string): ZipPart | undefined {
    return this.byName.get(name);
  }

  /** Whether a part of that exact name exists. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The compressed bytes of a part, after its local header. */
  private data(part: ZipPart): Uint8Array {
    const r = this.reader;
    try {
      const signature = r.u32(part.headerOffset);
      if (signature !== LOCAL_SIGNATURE)
        throw new ZipFormatError(`invalid local file header signature: 0x${signature.toString(16)}`);
      const start = part.headerOffset + 30 + r.u16(part.headerOffset + 26) + r.u16(part.headerOffset + 28);
      if (start + part.compressedSize > r.bytes.length)
        throw new ZipFormatError(
          `file data overflows file bounds: ${start} + ${part.compressedSize} > ${r.bytes.length}`,
        );
      return r.bytes.subarray(start, start + part.compressedSize);
    } catch (err) {
      if (err instanceof ZipFormatError) throw malformed(this.file, err.message);
      throw err;
    }
  }

  /**
   * Inflates a part, handing its bytes to `sink` chunk by chunk (each checked before it is handed on). A part
   * inflated to its end counts as checked; one whose sink threw does not (`checkRest` inflates it again).
   */
  inflate(part: ZipPart, sink?: (chunk: Uint8Array) => void): void {
    const { file, limits } = this;
    if (part.size === 0 && part.compressedSize === 0) {
      this.done.add(part);
      return;
    }
    if (part.method !== 0 && part.method !== 8)
      throw malformed(file, `unsupported compression method: ${part.method}`);
    const compressed = this.data(part);
    const dtd = XML_PART.test(part.name) ? new DtdScan() : undefined;
    const budget = limits.maxInflatedBytes - this.inflated;
    let count = 0;
    const take = (chunk: Uint8Array) => {
      if (chunk.length === 0) return;
      count += chunk.length;
      if (count > part.size)
        throw new CatalogInputError('input/unsafe', 'readers.zipSizes', { file, part: part.name });
      if (dtd?.push(chunk))
        throw new CatalogInputError('input/unsafe', 'readers.zipDtd', { file, part: part.name });
      if (count > budget)
        throw new CatalogInputError('input/limit', 'readers.zipInflated', {
          file,
          size: `${this.inflated + count}+`,
          limit: limits.maxInflatedBytes,
        });
      sink?.(chunk);
    };
    // Stored bytes, or a part the platform inflated whole, go to the checks in the same chunks as fflate's.
    const whole =
      part.method === 0
        ? compressed
        : part.size >= WHOLE_INFLATE_MIN_BYTES
          ? wholeInflate()?.(compressed, part.size)
          : undefined;
    if (whole !== undefined) {
      for (let at = 0; at < whole.length; at += OUTPUT_CHUNK) take(whole.subarray(at, at + OUTPUT_CHUNK));
    } else inflateChunks(compressed, take, file);
    if (count !== part.size)
      throw new CatalogInputError('input/unsafe', 'readers.zipSizes', { file, part: part.name });
    this.inflated += count;
    this.done.add(part);
  }

  /** A small part whole (after the same checks), or undefined when it is larger than `maxBytes`. */
  read(part: ZipPart, maxBytes: number): Uint8Array | undefined {
    if (part.size > maxBytes) return undefined;
    const out = new Uint8Array(part.size);
    let at = 0;
    this.inflate(part, (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
    });
    return out;
  }

  /** Inflates every part not yet inflated to its end, for the checks alone (nothing is kept). */
  checkRest(deadline: Deadline): void {
    for (const part of this.parts) {
      if (this.done.has(part)) continue;
      if (part.size === 0 && part.compressedSize === 0) continue;
      this.inflate(part);
      deadline.check();
    }
  }
}

/** Inflates deflated bytes with fflate, a bounded slice of input at a time; corrupt data is `input/malformed`. */
function inflateChunks(compressed: Uint8Array, take: (chunk: Uint8Array) => void, file: string): void {
  const inflater = new Inflate((chunk) => {
    for (let at = 0; at < chunk.length; at += OUTPUT_CHUNK) take(chunk.subarray(at, at + OUTPUT_CHUNK));
  });
  try {
    if (compressed.length === 0) inflater.push(compressed, true);
    for (let at = 0; at < compressed.length; at += INFLATE_INPUT_CHUNK) {
      const end = Math.min(compressed.length, at + INFLATE_INPUT_CHUNK);
      inflater.push(compressed.subarray(at, end), end === compressed.length);
    }
  } catch (err) {
    if (err instanceof Error && !(err instanceof CatalogInputError) && 'code' in err)
      throw malformed(file, err.message);
    throw err;
  }
}
