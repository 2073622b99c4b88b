// The XML writer: the canonical field names as elements (fast-xml-parser's XMLBuilder escapes the text).
import { XMLBuilder } from 'fast-xml-parser';
import type { WritableCatalog } from './columns.js';
import { canonicalEntry } from './json.js';

/** Child element names of list fields. */
const LIST_CHILD: Record<string, string> = {
  format: 'value',
  tags: 'tag',
  relatedCodes: 'code',
  items: 'item',
};

/** Element names this writer uses as is; other keys are written as <field name="…">. */
const XML_NAME = /^(?!xml)[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\-\u4e00-\u9fff]*$/i;

function toXml(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return { [LIST_CHILD[key ?? ''] ?? 'value']: value.map((v) => toXml(v)) };
  if (value !== null && typeof value === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    const odd: unknown[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (k === 'extra') out[k] = extraXml(v);
      else if (XML_NAME.test(k)) out[k] = toXml(v, k);
      else odd.push({ '@_name': k, '#text': typeof v === 'object' && v !== null ? JSON.stringify(v) : v });
    }
    if (odd.length > 0) out.field = odd;
    return out;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

function extraXml(extra: unknown): unknown {
  if (extra === null || typeof extra !== 'object' || Array.isArray(extra)) return toXml(extra);
  return { field: Object.entries(extra).map(([name, v]) => ({ '@_name': name, '#text': v })) };
}

/**
 * Writes the catalog as XML:
 * `<catalog kind="shared" version="1"><title/><entries><entry><name>…</name><format><value>xls</value>
 * </format><items><item><name/><type/></item></items><share><type>1</type>…</share>…</entry></entries>`;
 * extra columns become `<extra><field name="列标题">值</field></extra>`.
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
      entries: { entry: catalog.entries.map((e) => toXml(canonicalEntry(e))) },
    },
  };
  return new TextEncoder().encode(`${builder.build(doc)}`);
}
