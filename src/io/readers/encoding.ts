// Text decoding for CSV, XML and JSON inputs: BOM, then strict UTF-8, then GB18030 (which covers GBK/GB2312).
import { CatalogInputError } from '../../errors.js';
import type { ByteRange } from './types.js';

/** Encodings govcat detects. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A decoded text and how it was encoded. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the bytes began with a byte order mark (dropped from `text`). */
  bom: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const strictGb18030 = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });

function bomOf(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a BOM shows as ASCII with a zero byte beside every character. */
function utf16WithoutBom(bytes: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** True when a decoded text holds control characters no text catalog has (NUL and friends). */
export function looksBinary(text: string, sample = 8192): boolean {
  const n = Math.min(text.length, sample);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  return controls > Math.max(2, n * 0.01);
}

/**
 * Detects and decodes a text file: a BOM wins; then UTF-16 without BOM (zero bytes beside ASCII);
 * then strict UTF-8; then strict GB18030 (a superset of GBK and GB2312). Returns undefined when the
 * bytes are none of these.
 */
export function detectAndDecode(bytes: Uint8Array): DecodedText | undefined {
  const bom = bomOf(bytes);
  if (bom) {
    const decoder = new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true });
    try {
      return { text: decoder.decode(bytes.subarray(bom.length)), encoding: bom.encoding, bom: true };
    } catch {
      return undefined;
    }
  }
  const wide = utf16WithoutBom(bytes);
  if (wide) {
    try {
      return { text: new TextDecoder(wide, { fatal: true }).decode(bytes), encoding: wide, bom: false };
    } catch {
      // not UTF-16 after all; try the byte encodings
    }
  }
  let utf8: string | undefined;
  try {
    utf8 = strictUtf8.decode(bytes);
  } catch {
    // not UTF-8
  }
  if (utf8 !== undefined && !onlyTwoByteLetters(utf8)) return { text: utf8, encoding: 'utf-8', bom: false };
  try {
    const gb = strictGb18030.decode(bytes);
    // Short GBK texts can also be valid UTF-8 (说 = CB B5 = U+02F5); Chinese text decoded as UTF-8 then
    // shows only two-byte letters and no CJK, which a Chinese catalog never is.
    if (utf8 === undefined || hasCjk(gb)) return { text: gb, encoding: 'gb18030', bom: false };
  } catch {
    // not GB18030 either
  }
  return utf8 === undefined ? undefined : { text: utf8, encoding: 'utf-8', bom: false };
}

/** True when a text has characters U+0080–U+07FF but none from U+0800 up (no CJK, no full-width). */
function onlyTwoByteLetters(text: string): boolean {
  let twoByte = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x800) return false;
    if (c >= 0x80) twoByte = true;
  }
  return twoByte;
}

function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** True when raw bytes (not UTF-16) hold NUL or many control bytes: a binary file, not text. */
export function bytesLookBinary(bytes: Uint8Array, sample = 8192): boolean {
  if (bomOf(bytes) || utf16WithoutBom(bytes)) return false;
  const n = Math.min(bytes.length, sample);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  return controls > Math.max(2, n * 0.01);
}

/** Decodes a text input or throws `input/format-mismatch` (binary) / `input/encoding` (undecodable). */
export function decodeTextInput(bytes: Uint8Array, file: string, ext: string): DecodedText {
  if (bytesLookBinary(bytes)) {
    throw new CatalogInputError('input/format-mismatch', 'readers.mismatchBinary', { file, ext });
  }
  const decoded = detectAndDecode(bytes);
  if (!decoded) throw new CatalogInputError('input/encoding', 'readers.encoding', { file });
  if (looksBinary(decoded.text)) {
    throw new CatalogInputError('input/format-mismatch', 'readers.mismatchBinary', { file, ext });
  }
  return decoded;
}

/** What takes a text as it is decoded, piece by piece, and makes a value of it at the end. */
export interface TextSink<T> {
  write(text: string): void;
  end(): T;
}

/** Bytes decoded per step of a streaming decode. */
const DECODE_STEP = 1 << 20;
/** Characters looksBinary looks at. */
const BINARY_SAMPLE = 8192;

/** What one pass over the bytes in one encoding found. */
interface Pass<T> {
  /** The bytes are valid in the encoding. */
  valid: boolean;
  /** Characters U+0080–U+07FF, none from U+0800 (see onlyTwoByteLetters). */
  onlyTwoByte: boolean;
  cjk: boolean;
  /** The sink's value, or what the sink threw (reported only if the encoding is the one chosen). */
  value?: T;
  error?: CatalogInputError;
}

/**
 * One pass: the bytes decoded in steps and written to a fresh sink, the first 8 K characters checked by
 * looksBinary first. A CatalogInputError of the sink stops the writing but not the decoding: whether the
 * encoding holds is decided on all the bytes, as detectAndDecode does, before the error is reported.
 */
function decodePass<T>(
  bytes: ByteRange,
  encoding: TextEncodingName,
  skip: number,
  sink: () => TextSink<T>,
  file: string,
  ext: string,
  step: number,
): Pass<T> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const out = sink();
  let head: string | undefined = '';
  let error: CatalogInputError | undefined;
  let high = false;
  let twoByte = false;
  let cjk = false;
  const write = (text: string) => {
    if (error) return;
    try {
      if (head !== undefined) {
        head += text;
        if (head.length < BINARY_SAMPLE) return;
        text = head;
        head = undefined;
        if (looksBinary(text))
          throw new CatalogInputError('input/format-mismatch', 'readers.mismatchBinary', { file, ext });
      }
      out.write(text);
    } catch (err) {
      if (!(err instanceof CatalogInputError) || err.code === 'input/timeout') throw err;
      error = err;
    }
  };
  const length = bytes.byteLength;
  for (let at = skip; at < length || at === skip; at += step) {
    const end = Math.min(length, at + step);
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(at, end), { stream: end < length });
    } catch {
      return { valid: false, onlyTwoByte: false, cjk: false };
    }
    if (!high) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x800) {
          high = true;
          break;
        }
        if (c >= 0x80) twoByte = true;
      }
    }
    if (!cjk && encoding === 'gb18030') cjk = hasCjk(text);
    write(text);
    if (end >= length) break;
  }
  const pass: Pass<T> = { valid: true, onlyTwoByte: twoByte && !high, cjk };
  if (!error && head !== undefined) {
    const text = head;
    head = undefined;
    if (looksBinary(text))
      error = new CatalogInputError('input/format-mismatch', 'readers.mismatchBinary', { file, ext });
    else write(text);
  }
  if (!error) {
    try {
      pass.value = out.end();
    } catch (err) {
      if (!(err instanceof CatalogInputError) || err.code === 'input/timeout') throw err;
      error = err;
    }
  }
  if (error) pass.error = error;
  return pass;
}

/**
 * Decodes a text input as decodeTextInput does (same detection, same errors), but in steps of 1 MB written
 * to a sink, so the whole text never exists: a reader that parses as it goes holds only its results. When a
 * pass in one encoding turns out wrong (a byte sequence UTF-8 does not allow, met late in the file), the
 * next encoding starts over with a fresh sink. The sink's own CatalogInputError is thrown once the
 * encoding is decided; other errors at once.
 */
export function decodeTextStream<T>(
  bytes: ByteRange,
  file: string,
  ext: string,
  sink: () => TextSink<T>,
  step = DECODE_STEP,
): T {
  // The detection looks at the first bytes only (8 KiB at most).
  const head = bytes.subarray(0, Math.min(bytes.byteLength, 8192));
  if (bytesLookBinary(head)) {
    throw new CatalogInputError('input/format-mismatch', 'readers.mismatchBinary', { file, ext });
  }
  const done = (pass: Pass<T>): T => {
    if (pass.error) throw pass.error;
    return pass.value as T;
  };
  const bom = bomOf(head);
  if (bom) {
    const pass = decodePass(bytes, bom.encoding, bom.length, sink, file, ext, step);
    if (pass.valid) return done(pass);
    throw new CatalogInputError('input/encoding', 'readers.encoding', { file });
  }
  const wide = utf16WithoutBom(head);
  if (wide) {
    const pass = decodePass(bytes, wide, 0, sink, file, ext, step);
    if (pass.valid) return done(pass);
  }
  const utf8 = decodePass(bytes, 'utf-8', 0, sink, file, ext, step);
  if (utf8.valid && !utf8.onlyTwoByte) return done(utf8);
  const gb = decodePass(bytes, 'gb18030', 0, sink, file, ext, step);
  if (gb.valid && (!utf8.valid || gb.cjk)) return done(gb);
  if (utf8.valid) return done(utf8);
  throw new CatalogInputError('input/encoding', 'readers.encoding', { file });
}
