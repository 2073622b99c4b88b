// An OOXML package (xlsx) opened as its raw parts: untouched parts are written back byte for byte.
// Pure: fflate and the standard TextEncoder/TextDecoder, no Node built-ins, so the browser page can use it.

import { unzipSync, zipSync } from 'fflate';
import { DEFAULT_LIMITS } from '../../limits.js';

/** Namespaces and content types the patches use. */
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  ctSheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  ctComments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  ctVml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

/** The custom workbook property carrying the govcat init template version (written by init, read by validate). */
export const TEMPLATE_PROPERTY = 'govcat-template';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Escapes text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

/** Reverses the five predefined entities and numeric references (all an attribute value may hold). */
export function unescapeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (m, hex, dec, name) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[(name as string).toLowerCase()] ?? m;
  });
}

/** The attributes of a start tag's inside (`a="1" b='2'`), names with their prefixes. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** Thrown when the bytes are not a workbook package the patcher understands. */
export class PackageError extends Error {}

/** Limits while inflating (the same guards the readers apply). */
export interface PackageLimits {
  /** Sum of the parts' inflated sizes. */
  maxInflatedBytes: number;
  maxEntries: number;
}

/** The readers' defaults (src/limits.ts), so a workbook is unpacked under the same guards either way. */
const PACKAGE_LIMITS: PackageLimits = {
  maxInflatedBytes: DEFAULT_LIMITS.maxInflatedBytes,
  maxEntries: DEFAULT_LIMITS.maxZipEntries,
};

/** The raw parts of a package, in their original order; edited parts replace their bytes. */
export class OoxmlPackage {
  private readonly parts = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();

  constructor(bytes: Uint8Array, limits: PackageLimits = PACKAGE_LIMITS) {
    let declared = 0;
    let entries = 0;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, {
        filter: (f) => {
          declared += f.originalSize;
          entries += 1;
          if (entries > limits.maxEntries) throw new PackageError(`more than ${limits.maxEntries} parts`);
          if (declared > limits.maxInflatedBytes)
            throw new PackageError(`parts inflate beyond ${limits.maxInflatedBytes} bytes`);
          return true;
        },
      });
    } catch (err) {
      if (err instanceof PackageError) throw err;
      throw new PackageError(`not a zip package: ${(err as Error).message}`);
    }
    let inflated = 0;
    for (const [name, data] of Object.entries(files)) {
      inflated += data.length;
      if (inflated > limits.maxInflatedBytes)
        throw new PackageError(`parts inflate beyond ${limits.maxInflatedBytes} bytes`);
      this.parts.set(name, data);
    }
    if (!this.parts.has('[Content_Types].xml')) throw new PackageError('no [Content_Types].xml');
  }

  has(name: string): boolean {
    return this.parts.has(name) || this.texts.has(name);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  /** A part's raw bytes (undefined when absent). */
  bytes(name: string): Uint8Array | undefined {
    const text = this.texts.get(name);
    return text !== undefined ? encoder.encode(text) : this.parts.get(name);
  }

  /** A part as text (UTF-8; a leading BOM is kept out). */
  text(name: string): string | undefined {
    const edited = this.texts.get(name);
    if (edited !== undefined) return edited;
    const raw = this.parts.get(name);
    if (!raw) return undefined;
    const s = decoder.decode(raw);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  /** Replaces or adds a part (kept as text until the package is written). */
  set(name: string, text: string): void {
    this.texts.set(name, text);
    if (!this.parts.has(name)) this.parts.set(name, new Uint8Array(0));
  }

  /** A part name not yet taken, `prefix{n}suffix` with the smallest n ≥ 1. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name)) return name;
    }
  }

  /** The zip bytes: every untouched part as read, edited ones re-encoded. */
  write(): Uint8Array {
    const out: Record<string, Uint8Array> = {};
    for (const [name, data] of this.parts) {
      const text = this.texts.get(name);
      out[name] = text !== undefined ? encoder.encode(text) : data;
    }
    return zipSync(out, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  }

  /** Adds a Default (by extension) or Override (by part) content type when not already declared. */
  contentType(kind: 'Default' | 'Override', key: string, type: string): void {
    const name = '[Content_Types].xml';
    const xml = this.text(name)!;
    const attr = kind === 'Default' ? 'Extension' : 'PartName';
    const re = new RegExp(`<Default\\b[^>]*\\bExtension="${key}"`, 'i');
    if (kind === 'Default' ? re.test(xml) : xml.includes(`PartName="${escapeXml(key)}"`)) return;
    const entry = `<${kind} ${attr}="${escapeXml(key)}" ContentType="${type}"/>`;
    this.set(name, xml.replace(/<\/Types>\s*$/, `${entry}</Types>`));
  }

  /** The relationships of a part: id → { type, target (resolved to a part name) }. */
  relationships(part: string): Map<string, { type: string; target: string; external: boolean }> {
    const out = new Map<string, { type: string; target: string; external: boolean }>();
    const xml = this.text(relsName(part));
    if (!xml) return out;
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]!);
      const id = a.get('Id');
      if (!id) continue;
      const external = a.get('TargetMode') === 'External';
      const target = a.get('Target') ?? '';
      out.set(id, { type: a.get('Type') ?? '', target: external ? target : resolve(part, target), external });
    }
    return out;
  }

  /** Adds a relationship from `part` to `target` (a part name); returns its new id. */
  addRelationship(part: string, type: string, target: string): string {
    const name = relsName(part);
    const ids = this.relationships(part);
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const entry = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relative(part, target))}"/>`;
    const xml =
      this.text(name) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const closing = /<\/((?:\w+:)?Relationships)>\s*$/.exec(xml);
    if (closing) this.set(name, `${xml.slice(0, closing.index)}${entry}${xml.slice(closing.index)}`);
    else this.set(name, xml.replace(/<((?:\w+:)?Relationships)\b([^>]*)\/>/, `<$1$2>${entry}</$1>`));
    return id;
  }
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolve(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const stack = part.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') stack.pop();
    else if (seg !== '.' && seg !== '') stack.push(seg);
  }
  return stack.join('/');
}

/** The target of a relationship from `part` to `target`, relative to the source's folder. */
export function relative(part: string, target: string): string {
  const from = part.split('/').slice(0, -1);
  const to = target.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** True for bytes that start like a zip (xlsx) rather than a compound document (xls) or text (csv). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
