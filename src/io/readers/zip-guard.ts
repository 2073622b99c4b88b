// Zip pre-scan with yauzl before SheetJS inflates anything: entry count, declared sizes, ratios, real sizes.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { CatalogInputError } from '../../errors.js';
import type { Deadline, ResolvedLimits } from '../../limits.js';
import { DtdScan } from './dtd-scan.js';

/** Entries smaller than this are not judged by their compression ratio (tiny parts compress oddly). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** What the scan learned about a zip. */
export interface ZipSummary {
  names: string[];
  /** Sum of the declared uncompressed sizes. */
  declaredBytes: number;
  /** Bytes actually inflated while checking. */
  inflatedBytes: number;
}

function malformed(file: string, reason: string): CatalogInputError {
  return new CatalogInputError('input/malformed', 'readers.zipMalformed', {
    file,
    reason: reason.split('\n')[0]!.slice(0, 200),
  });
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Parts a workbook reader parses as XML (a DTD in any of them is refused). */
const XML_PART = /\.(?:xml|rels|vml)$/i;

/** A part name as zip readers compare it: `/` separators, no leading slash, ASCII case folded (OPC). */
function partKey(name: string): string {
  return name
    .replace(/\\/g, '/')
    .replace(/^\/+/, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The first part whose name another part repeats, or undefined. */
function duplicatePart(entries: readonly Entry[]): string | undefined {
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = partKey(entry.fileName);
    if (seen.has(key)) return entry.fileName;
    seen.add(key);
  }
  return undefined;
}

/**
 * Inflates one entry as a stream, counting bytes; stops at `budget` bytes. With `dtd`, also watches the
 * bytes for a DTD and stops at the first one (count -1).
 */
function measure(zip: ZipFile, entry: Entry, budget: number, dtd?: DtdScan): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      let count = 0;
      stream.on('data', (chunk: Buffer) => {
        count += chunk.length;
        if (dtd?.push(chunk)) {
          stream.destroy();
          resolve(-1);
          return;
        }
        if (count > budget) {
          stream.destroy();
          resolve(count);
        }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(count));
    });
  });
}

/**
 * Checks a zip (an xlsx) before it is parsed: throws `input/limit` when it has more entries than
 * --max-zip-entries, declares more than --max-inflated-bytes in total, or a part compresses more than
 * --max-zip-ratio; `input/unsafe` when a part inflates to more than it declares (falsified sizes) or is
 * encrypted, two parts share a name, or an XML part holds a DTD; `input/malformed` when the zip is truncated or corrupt. Every part is inflated once as a
 * stream (never held in memory), so sizes cannot lie to the parser that runs next.
 */
export async function scanZip(
  bytes: Uint8Array,
  file: string,
  limits: ResolvedLimits,
  deadline: Deadline,
): Promise<ZipSummary> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch (err) {
    throw malformed(file, (err as Error).message);
  }
  if (zip.entryCount > limits.maxZipEntries) {
    throw new CatalogInputError('input/limit', 'readers.zipEntries', {
      file,
      count: zip.entryCount,
      limit: limits.maxZipEntries,
    });
  }
  let entries: Entry[];
  try {
    entries = await listEntries(zip);
  } catch (err) {
    throw malformed(file, (err as Error).message);
  }
  const repeated = duplicatePart(entries);
  if (repeated !== undefined) {
    // Readers disagree on which copy counts, so a report and its workbook could describe different cells.
    throw new CatalogInputError('input/unsafe', 'readers.zipDuplicate', { file, part: repeated });
  }
  let declared = 0;
  for (const entry of entries) {
    if (entry.isEncrypted()) throw new CatalogInputError('input/unsafe', 'readers.encrypted', { file });
    declared += entry.uncompressedSize;
    if (declared > limits.maxInflatedBytes) {
      throw new CatalogInputError('input/limit', 'readers.zipInflated', {
        file,
        size: declared,
        limit: limits.maxInflatedBytes,
      });
    }
    if (entry.uncompressedSize >= RATIO_FLOOR_BYTES) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (ratio > limits.maxZipRatio) {
        throw new CatalogInputError('input/limit', 'readers.zipRatio', {
          file,
          part: entry.fileName,
          ratio: Math.round(ratio),
          limit: limits.maxZipRatio,
        });
      }
    }
  }
  deadline.check();
  let inflated = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize === 0 && entry.compressedSize === 0) continue;
    let count: number;
    try {
      const dtd = XML_PART.test(entry.fileName) ? new DtdScan() : undefined;
      count = await measure(zip, entry, limits.maxInflatedBytes - inflated, dtd);
    } catch (err) {
      const message = (err as Error).message;
      if (/too many bytes|not enough bytes/.test(message)) {
        throw new CatalogInputError('input/unsafe', 'readers.zipSizes', { file, part: entry.fileName });
      }
      throw malformed(file, message);
    }
    if (count < 0)
      throw new CatalogInputError('input/unsafe', 'readers.zipDtd', { file, part: entry.fileName });
    inflated += count;
    if (inflated > limits.maxInflatedBytes) {
      throw new CatalogInputError('input/limit', 'readers.zipInflated', {
        file,
        size: `${inflated}+`,
        limit: limits.maxInflatedBytes,
      });
    }
    deadline.check();
  }
  return { names: entries.map((e) => e.fileName), declaredBytes: declared, inflatedBytes: inflated };
}
