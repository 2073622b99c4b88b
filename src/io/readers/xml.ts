// XML catalogs via fast-xml-parser (the only module importing it for reading): no entities, no DTD, bounded depth.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CatalogInputError } from '../../errors.js';
import { Deadline } from '../../limits.js';
import { decideKind, headerIndex, normalizeHeader } from '../../model/headers.js';
import {
  addRecords,
  detectRecordKind,
  EntryBuilder,
  type KeyedRecord,
  type RecordField,
  valueContext,
} from '../../model/records.js';
import type { CatalogKind, ParsedCatalog, SourceLocation } from '../../model/types.js';
import { decodeTextInput } from './encoding.js';
import { checkContent, extOf, sniffContent } from './sniff.js';
import type { ReadOptions, ReadSource } from './types.js';
import { scanXml } from './xml-bounds.js';

const TEXT = '#text';
const ATTR = '@_';
/** Marks element names that are JavaScript object keys with special meaning; the parser refuses them. */
const RESERVED_MARK = '\u0001';
const RESERVED =
  /^(?:__proto__|constructor|prototype|__defineGetter__|__defineSetter__|__lookupGetter__|__lookupSetter__|hasOwnProperty|isPrototypeOf|propertyIsEnumerable|toLocaleString|toString|valueOf)$/;
const ITEMS_CONTAINERS = new Set(['items']);
const ENTRIES_CONTAINERS = new Set(['entries']);

type XmlNode = Record<string, unknown>;

/**
 * Refuses DTDs and entity declarations (billion laughs, external entities): catalogs never need them.
 * Exported for the .xls reader, which sees SpreadsheetML too.
 */
export function assertNoDtd(text: string, file: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new CatalogInputError('input/unsafe', 'readers.xmlDtd', { file });
}

/**
 * CDATA sections as escaped text, so an element's text keeps its order and its CDATA stays literal
 * (`<![CDATA[A &amp; B]]>` is `A &amp; B`: nothing inside is decoded). Line breaks are kept, so lines match.
 */
export function cdataAsText(text: string): string {
  if (!text.includes('<![CDATA[')) return text;
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, body: string) =>
    body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references, once (nothing can expand). */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    ENTITY,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return NAMED[name]!;
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], index: number | undefined): number | undefined {
  if (index === undefined) return undefined;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function originalName(name: string): string {
  return name.startsWith(RESERVED_MARK) ? name.slice(1) : name;
}

function childNames(node: XmlNode): string[] {
  return Object.keys(node).filter((k) => k !== TEXT && !k.startsWith(ATTR));
}

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function textOf(node: XmlNode): string {
  const t = node[TEXT];
  return typeof t === 'string' ? decodeXmlText(t) : '';
}

function attribute(node: XmlNode, name: string): string | undefined {
  const v = node[`${ATTR}${name}`];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? decodeXmlText(first) : undefined;
}

/** Refuses malformed XML (with its line and column) and element or attribute names that are prototype keys. */
function checkWellFormed(text: string, file: string): void {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new CatalogInputError('input/malformed', 'readers.xmlMalformed', {
      file,
      line: valid.err.line,
      column: valid.err.col,
      reason: valid.err.msg,
    });
  }
  const prototypeName =
    /<\/?\s*(__proto__|constructor|prototype)[\s/>]|\s(__proto__|constructor|prototype)\s*=/.exec(text);
  if (prototypeName) {
    throw new CatalogInputError('input/unsafe', 'readers.prototypeKey', {
      file,
      key: prototypeName[1] ?? prototypeName[2]!,
      pointer: `line ${lineOf(lineStarts(text), prototypeName.index)}`,
    });
  }
}

/** Parses checked XML text into nodes (every child an array, with its start index for locations). */
function parseDocument(parseable: string, file: string, limits: ReadOptions['limits']): XmlNode {
  try {
    return new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: ATTR,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: false,
      htmlEntities: false,
      trimValues: true,
      alwaysCreateTextNode: true,
      captureMetaData: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      maxNestedTags: limits.maxDepth + 1,
      isArray: () => true,
      transformTagName: (name: string) => (RESERVED.test(name) ? `${RESERVED_MARK}${name}` : name),
      transformAttributeName: (name: string) => (RESERVED.test(name) ? `${RESERVED_MARK}${name}` : name),
    }).parse(parseable) as XmlNode;
  } catch (err) {
    throw new CatalogInputError('input/malformed', 'readers.xmlMalformed', {
      file,
      line: '?',
      column: '?',
      reason: (err as Error).message.split('\n')[0]!.slice(0, 200),
    });
  }
}

/** The catalog's root element and its entry elements (at most --max-entries). */
function rootAndEntries(
  doc: XmlNode,
  file: string,
  entryElements: Parameters<typeof findEntries>[1],
  maxEntries: number,
): { rootName: string; root: XmlNode; entryNodes: XmlNode[] } {
  const rootName = childNames(doc)[0];
  if (rootName === undefined) throw new CatalogInputError('input/malformed', 'readers.xmlEmpty', { file });
  const root = nodes(doc[rootName])[0]!;
  const entryNodes = findEntries(root, entryElements);
  if (entryNodes.length > maxEntries) {
    throw new CatalogInputError('input/limit', 'input.tooManyEntries', {
      file,
      count: entryNodes.length,
      limit: maxEntries,
    });
  }
  return { rootName, root, entryNodes };
}

/** Reads an XML catalog. See README “Inputs” for the element names accepted. */
export function readXml(source: ReadSource, options: ReadOptions): ParsedCatalog {
  const { limits } = options;
  const deadline = new Deadline(source.name, limits.timeoutMs);
  const ext = extOf(source.name, '.xml');
  checkContent('xml', sniffContent(source.bytes), source.name, ext);
  const { text } = decodeTextInput(source.bytes, source.name, ext);
  assertNoDtd(text, source.name);
  const index = headerIndex(options.seeds.headerAliases);
  scanXml(text, source.name, { limits, isEntry: entryNameTest(index.entryElements) });
  checkWellFormed(text, source.name);
  deadline.check();
  // Parsed (and located: line starts come from the same text) with CDATA as escaped text.
  const parseable = cdataAsText(text);
  const doc = parseDocument(parseable, source.name, limits);
  deadline.check();
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  const starts = lineStarts(parseable);
  const locate = (node: XmlNode, pointer: string): SourceLocation => {
    const line = lineOf(starts, (node[meta] as { startIndex?: number } | undefined)?.startIndex);
    return line === undefined ? { pointer } : { row: line, pointer };
  };
  const { rootName, root, entryNodes } = rootAndEntries(
    doc,
    source.name,
    index.entryElements,
    limits.maxEntries,
  );
  const records: KeyedRecord[] = entryNodes.map((node, i) =>
    toRecord(node, `/entries/${i}`, index.itemElements, (n: string) => index.groupOf(n), locate),
  );
  const declared = attribute(root, 'kind');
  if (declared !== undefined && declared !== 'shared' && declared !== 'open' && options.kind === 'auto') {
    throw new CatalogInputError('input/malformed', 'input.unknownKind', {
      file: source.name,
      kind: declared,
    });
  }
  const { kind, kindSource, kindEvidence } = decideKind(
    options.kind,
    declared as CatalogKind | undefined,
    () => detectRecordKind(index, records),
  );
  const notices: ParsedCatalog['notices'] = [];
  const builder = new EntryBuilder(
    index,
    valueContext(options.seeds, false),
    limits.maxEntries,
    source.name,
    notices,
  );
  addRecords(builder, records, kind);
  deadline.check();
  const parsed: ParsedCatalog = {
    file: source.name,
    format: 'xml',
    kind,
    kindSource,
    ...(kindEvidence ? { kindEvidence } : {}),
    entries: builder.entries,
    notices,
    layout: { root: originalName(rootName), entries: entryNodes.length },
  };
  const title = attribute(root, 'title') ?? childText(root, ['title', '标题', '目录名称']);
  if (title) parsed.title = title;
  return parsed;
}

function childText(node: XmlNode, names: readonly string[]): string | undefined {
  for (const name of names) {
    const child = nodes(node[name])[0];
    if (child && childNames(child).length === 0) return textOf(child).trim() || undefined;
  }
  return undefined;
}

/** Appends every item of `items` (a spread `push(...items)` overflows the stack on millions of items). */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Whether an element name, as written, names an entry (normalized once per distinct name). */
function entryNameTest(entryNames: ReadonlySet<string>): (name: string) => boolean {
  const seen = new Map<string, boolean>();
  return (name) => {
    let hit = seen.get(name);
    if (hit === undefined) {
      hit = entryNames.has(normalizeHeader(name));
      if (seen.size < 1024) seen.set(name, hit);
    }
    return hit;
  };
}

/** Entry elements: children (or grandchildren, under a wrapper such as <entries>) with an entry name. */
function findEntries(root: XmlNode, entryNames: ReadonlySet<string>): XmlNode[] {
  const direct: XmlNode[] = [];
  for (const name of childNames(root)) {
    if (entryNames.has(normalizeHeader(originalName(name)))) appendAll(direct, nodes(root[name]));
  }
  if (direct.length > 0) return direct;
  for (const name of childNames(root)) {
    if (
      !ENTRIES_CONTAINERS.has(normalizeHeader(originalName(name))) &&
      !isWrapper(nodes(root[name]), entryNames)
    ) {
      continue;
    }
    for (const wrapper of nodes(root[name])) {
      for (const child of childNames(wrapper)) {
        if (entryNames.has(normalizeHeader(originalName(child)))) appendAll(direct, nodes(wrapper[child]));
      }
    }
  }
  return direct;
}

function isWrapper(list: readonly XmlNode[], entryNames: ReadonlySet<string>): boolean {
  return list.some((n) => childNames(n).some((c) => entryNames.has(normalizeHeader(originalName(c)))));
}

function isItemsContainer(name: string, groupOf: (n: string) => readonly string[] | undefined): boolean {
  const key = normalizeHeader(name);
  return ITEMS_CONTAINERS.has(key) || (groupOf(name)?.some((p) => p.startsWith('/items')) ?? false);
}

function leafFields(
  parent: XmlNode,
  basePointer: string,
  group: string | undefined,
  locate: (node: XmlNode, pointer: string) => SourceLocation,
): RecordField[] {
  const out: RecordField[] = [];
  for (const raw of childNames(parent)) {
    const key = originalName(raw);
    const list = nodes(parent[raw]);
    const first = list[0];
    if (!first) continue;
    const pointer = `${basePointer}/${key}`;
    const values = list.map(textOf);
    const field: RecordField = {
      key,
      value: values.length > 1 ? values : values[0],
      loc: locate(first, pointer),
    };
    if (group !== undefined) field.group = group;
    out.push(field);
  }
  return out;
}

function toRecord(
  node: XmlNode,
  pointer: string,
  itemNames: ReadonlySet<string>,
  groupOf: (n: string) => readonly string[] | undefined,
  locate: (node: XmlNode, pointer: string) => SourceLocation,
): KeyedRecord {
  const record: KeyedRecord = { loc: locate(node, pointer), fields: [], items: [] };
  for (const raw of childNames(node)) {
    const key = originalName(raw);
    const list = nodes(node[raw]);
    if (list.length === 0) continue;
    if (isItemsContainer(key, groupOf)) {
      for (const container of list) {
        for (const itemName of childNames(container)) {
          if (!itemNames.has(normalizeHeader(originalName(itemName)))) continue;
          for (const itemNode of nodes(container[itemName])) {
            const itemPointer = `${pointer}/${key}/${record.items.length}`;
            record.items.push({
              loc: locate(itemNode, itemPointer),
              fields: leafFields(itemNode, itemPointer, undefined, locate),
            });
          }
        }
      }
      continue;
    }
    if (itemNames.has(normalizeHeader(key))) {
      // <item> elements directly inside the entry.
      for (const itemNode of list) {
        const itemPointer = `${pointer}/items/${record.items.length}`;
        record.items.push({
          loc: locate(itemNode, itemPointer),
          fields: leafFields(itemNode, itemPointer, undefined, locate),
        });
      }
      continue;
    }
    if (key === 'column' && list.every((n) => attribute(n, 'name') !== undefined)) {
      // <column name="备注 1">…</column>: a column whose header is no XML name, as the XML writer emits it.
      for (const columnNode of list) {
        const name = attribute(columnNode, 'name')!;
        record.fields.push({
          key: name,
          value: textOf(columnNode),
          loc: locate(columnNode, `${pointer}/${name}`),
        });
      }
      continue;
    }
    const first = list[0]!;
    if (childNames(first).length > 0) {
      // A group element (<share>, <共享属性>) holding leaf fields.
      for (const groupNode of list)
        appendAll(record.fields, leafFields(groupNode, `${pointer}/${key}`, key, locate));
      continue;
    }
    const values = list.map(textOf);
    record.fields.push({
      key,
      value: values.length > 1 ? values : values[0],
      loc: locate(first, `${pointer}/${key}`),
    });
  }
  return record;
}
