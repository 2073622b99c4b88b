// The XML writer: the canonical field names as elements (fast-xml-parser's XMLBuilder escapes the text).
import { XMLBuilder } from 'fast-xml-parser';
import type { WritableCatalog } from './columns.js';
import { canonicalEntry } from './json.js';

/** Element names this writer uses as is; other keys are written as <column name="…">. */
const XML_NAME = /^(?!xml)[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\-\u4e00-\u9fff]*$/i;

function scalar(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Children of an object: scalars as elements, lists as repeated elements, objects as nested elements. */
function children(value: Record<string, unknown>, nested: boolean): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  const odd: unknown[] = [];
  const put = (key: string, v: unknown) => {
    if (XML_NAME.test(key)) out[key] = v;
    else odd.push({ '@_name': key, '#text': scalar(Array.isArray(v) ? v.join('、') : v) });
  };
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    if (key === 'items' && Array.isArray(v)) {
      out.items = {
        item: v.map((item) =>
          item && typeof item === 'object' ? children(item as Record<string, unknown>, false) : scalar(item),
        ),
      };
    } else if (key === 'extra' && nested && typeof v === 'object' && !Array.isArray(v)) {
      // Extra columns sit in the entry under their own header, as they did in the source table.
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) put(k, scalar(x));
    } else if (Array.isArray(v)) {
      put(key, v.map(scalar));
    } else if (typeof v === 'object') {
      put(key, children(v as Record<string, unknown>, false));
    } else put(key, scalar(v));
  }
  if (odd.length > 0) out.column = odd;
  return out;
}

/**
 * Writes the catalog as XML: `<catalog kind="shared" version="1"><title/><entries><entry>` with the canonical
 * field names as elements; a list repeats its element (`<format>数据库</format><format>xlsx</format>`), data
 * items are `<items><item><name/><type/></item></items>`, share and open attributes nest
 * (`<share><type>1</type>…</share>`), extra columns are elements named by their header, and a key that is no
 * XML name becomes `<column name="…">`.
 */
export function writeXml(catalog: WritableCatalog): Uint8Array {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
  });
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    catalog: {
      '@_kind': catalog.kind,
      '@_version': '1',
      ...(catalog.title !== undefined ? { title: catalog.title } : {}),
      entries: { entry: catalog.entries.map((e) => children(canonicalEntry(e), true)) },
    },
  };
  return new TextEncoder().encode(`${builder.build(doc)}`);
}
