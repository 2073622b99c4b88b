// Format sniffing: what the bytes are (zip, OLE compound file, XML, HTML, JSON, text, binary), from magic bytes.

import { CatalogInputError } from '../../errors.js';
import type { MessageId } from '../../i18n/index.js';
import type { InputFormat } from '../../model/types.js';
import { extensionOf } from '../../util/names.js';
import { bytesLookBinary, detectAndDecode } from './encoding.js';

/** What a file's content is, regardless of its name. */
export type ContentType = 'zip' | 'cfb' | 'pdf' | 'xml' | 'html' | 'json' | 'text' | 'binary';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SAMPLE = 4096;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Detects the content type from the first bytes (a few KiB are decoded at most). */
export function sniffContent(bytes: Uint8Array): ContentType {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) {
    return 'zip';
  }
  if (startsWith(bytes, CFB_MAGIC)) return 'cfb';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  const head = bytes.subarray(0, SAMPLE);
  if (bytesLookBinary(head)) return 'binary';
  // A sample may cut a multi-byte character; decode leniently for sniffing only.
  const decoded = detectAndDecode(head) ?? {
    text: new TextDecoder('utf-8', { fatal: false }).decode(head),
  };
  const text = decoded.text.replace(/^\uFEFF/, '').trimStart();
  const first = text.charAt(0);
  if (first === '{' || first === '[') return 'json';
  if (first === '<') {
    return /^<(?:!doctype\s+html|html|table|head|body|meta)\b/i.test(text) ? 'html' : 'xml';
  }
  return 'text';
}

/** The content types each declared format accepts. */
const ACCEPTS: Readonly<Record<InputFormat, readonly ContentType[]>> = {
  xlsx: ['zip'],
  // Government systems often export SpreadsheetML 2003 or HTML tables under .xls; Excel opens them, so do we.
  xls: ['cfb', 'xml', 'html'],
  csv: ['text'],
  json: ['json'],
  jsonl: ['json'],
  xml: ['xml'],
};

const MISMATCH_IDS: Readonly<Record<ContentType, MessageId>> = {
  zip: 'readers.mismatchZip',
  cfb: 'readers.mismatchCfb',
  pdf: 'readers.mismatchPdf',
  xml: 'readers.mismatchXml',
  html: 'readers.mismatchHtml',
  json: 'readers.mismatchJson',
  text: 'readers.mismatchText',
  binary: 'readers.mismatchBinary',
};

/** The extension of a source name for messages (`.txt`), or a fallback when it has none. */
export function extOf(name: string, fallback: string): string {
  return extensionOf(name) || fallback;
}

/** Throws `input/format-mismatch` when the content is not what the declared format needs. */
export function checkContent(format: InputFormat, content: ContentType, file: string, ext: string): void {
  if (ACCEPTS[format].includes(content)) return;
  throw new CatalogInputError('input/format-mismatch', MISMATCH_IDS[content], { file, ext });
}

/** The format to read a file without a usable extension as, from its content; undefined when unknown. */
export function formatFromContent(content: ContentType): InputFormat | undefined {
  switch (content) {
    case 'zip':
      return 'xlsx';
    case 'cfb':
      return 'xls';
    case 'json':
      return 'json';
    case 'xml':
      return 'xml';
    case 'text':
      return 'csv';
    default:
      return undefined;
  }
}
