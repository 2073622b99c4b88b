// Field labels, hints and indicator categories read from the schemas' x-label / x-hint / x-category keywords.
import type { Category } from '../generated/schema-types.js';
import { type BilingualText, both, msg, type TextArg } from '../i18n/text.js';
import { getSchema, SCHEMA_BASE, SCHEMA_IDS, type SchemaObject } from '../schema/ajv.js';

/** What the schemas say about one field. */
export interface FieldInfo {
  /** Pattern pointer with `*` for array indexes, e.g. /items/*\/type. */
  path: string;
  label: { zh: string; en: string };
  hint?: { zh: string; en: string };
  category?: Category;
}

let index: Map<string, FieldInfo> | undefined;

function resolveRef(ref: string): SchemaObject {
  return getSchema(ref.startsWith('http') ? ref : `${SCHEMA_BASE}${ref}`);
}

function walk(schema: SchemaObject, path: string, out: Map<string, FieldInfo>, depth: number): void {
  if (depth > 8) return;
  let node = schema;
  if (typeof node.$ref === 'string') node = { ...resolveRef(node.$ref), ...node, $ref: undefined };
  const label = node['x-label'];
  if (typeof label === 'string' && path !== '') {
    const info: FieldInfo = {
      path,
      label: {
        zh: label,
        en: typeof node['x-label-en'] === 'string' ? (node['x-label-en'] as string) : label,
      },
    };
    if (typeof node['x-hint'] === 'string') {
      const zh = node['x-hint'] as string;
      info.hint = { zh, en: typeof node['x-hint-en'] === 'string' ? (node['x-hint-en'] as string) : zh };
    }
    if (typeof node['x-category'] === 'string') info.category = node['x-category'] as Category;
    out.set(path, info);
  }
  const props = node.properties as Record<string, SchemaObject> | undefined;
  if (props) for (const [key, sub] of Object.entries(props)) walk(sub, `${path}/${key}`, out, depth + 1);
  const items = node.items as SchemaObject | undefined;
  if (items && typeof items === 'object') walk(items, `${path}/*`, out, depth + 1);
}

function getIndex(): Map<string, FieldInfo> {
  if (!index) {
    index = new Map();
    walk(getSchema(SCHEMA_IDS.entry), '', index, 0);
  }
  return index;
}

const NUMERIC_SEGMENT = /\/\d+(?=\/|$)/g;

/** Turns a concrete pointer (/items/3/type) into its pattern (/items/*\/type). */
export function patternOf(pointer: string): string {
  return pointer.replace(NUMERIC_SEGMENT, '/*');
}

/** Schema information for a concrete or pattern pointer inside an entry, or undefined. */
export function fieldInfo(pointer: string): FieldInfo | undefined {
  return getIndex().get(patternOf(pointer));
}

const labelTexts = new WeakMap<FieldInfo, BilingualText>();

/** The label of a field, not yet in a language (a finding's `label`); falls back to the pointer itself. */
export function fieldLabelText(pointer: string): TextArg {
  const info = fieldInfo(pointer);
  if (info) {
    let text = labelTexts.get(info);
    if (!text) {
      text = both(info.label.zh, info.label.en);
      labelTexts.set(info, text);
    }
    return text;
  }
  return pointer === '' ? msg('format.entryField') : pointer;
}

/** Every known field (for docs and header mapping). */
export function allFields(): FieldInfo[] {
  return [...getIndex().values()];
}

/** Turns a pointer into the dotted path used in reports: /items/3/type → items[3].type. */
export function pointerToPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}
