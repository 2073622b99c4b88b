// The column plan of the guide's template (Appendix 2), shared by the xlsx and csv writers and govcat init.

import { getAt } from '../../codegen/pointer.js';
import type { CatalogKind, EntryData } from '../../model/types.js';

/** A catalog as writers take it: kind, title and entries in schema form (loose values allowed). */
export interface WritableCatalog {
  kind: CatalogKind;
  title?: string;
  entries: readonly EntryData[];
}

/** One output column. */
export interface Column {
  /** Header of the column (the second header row under a group). */
  header: string;
  /** Group header merged over its sub-columns in the first header row: 数据项信息, 共享属性, 开放属性. */
  group?: string;
  /** entry: one value per entry (merged over its rows); item: one value per data item row. */
  level: 'entry' | 'item';
  /** JSON Pointer inside the entry (/share/type) or inside a data item (/type). */
  pointer: string;
}

interface ColumnDef extends Column {
  /** Kinds whose template always has the column; otherwise it appears when some entry has a value. */
  always: readonly CatalogKind[];
  /** Extended item metadata of publishable catalogs (B2-1 note ⑥): shown by init --extended. */
  extended?: boolean;
}

const SHARED = ['shared'] as const;
const BOTH = ['shared', 'open'] as const;
const NONE = [] as const;
const ITEM = '数据项信息';
const SHARE = '共享属性';
const OPEN = '开放属性';

/** Column order: the guide's Appendix 2, then extended item metadata, then open-catalog fields. */
const COLUMNS: readonly ColumnDef[] = [
  { header: '数据资源分类', level: 'entry', pointer: '/classification', always: SHARED },
  { header: '数据资源名称', level: 'entry', pointer: '/name', always: BOTH },
  { header: '数据资源代码', level: 'entry', pointer: '/code', always: SHARED },
  { header: '数据资源提供方', level: 'entry', pointer: '/provider', always: BOTH },
  // Appendix 2 heads this column 数据提供方代码 (Appendix 1 calls the field 数据资源提供方代码).
  { header: '数据提供方代码', level: 'entry', pointer: '/providerCode', always: SHARED },
  { header: '数据资源摘要', level: 'entry', pointer: '/summary', always: BOTH },
  { header: '数据资源格式', level: 'entry', pointer: '/format', always: BOTH },
  { header: '数据项名称', group: ITEM, level: 'item', pointer: '/name', always: SHARED },
  { header: '数据类型', group: ITEM, level: 'item', pointer: '/type', always: SHARED },
  { header: '数据库名称', group: ITEM, level: 'item', pointer: '/database', always: NONE, extended: true },
  {
    header: '系统数据字典',
    group: ITEM,
    level: 'item',
    pointer: '/dictionary',
    always: NONE,
    extended: true,
  },
  { header: '表名称', group: ITEM, level: 'item', pointer: '/table', always: NONE, extended: true },
  { header: '字段名称', group: ITEM, level: 'item', pointer: '/fieldName', always: NONE, extended: true },
  { header: '字段类型', group: ITEM, level: 'item', pointer: '/fieldType', always: NONE, extended: true },
  { header: '字段长度', group: ITEM, level: 'item', pointer: '/fieldLength', always: NONE, extended: true },
  { header: '小数位数', group: ITEM, level: 'item', pointer: '/fieldScale', always: NONE },
  { header: '是否主键', group: ITEM, level: 'item', pointer: '/primaryKey', always: NONE, extended: true },
  { header: '是否非空', group: ITEM, level: 'item', pointer: '/notNull', always: NONE, extended: true },
  {
    header: '是否标准代码',
    group: ITEM,
    level: 'item',
    pointer: '/standardCode',
    always: NONE,
    extended: true,
  },
  { header: '代码项名称', group: ITEM, level: 'item', pointer: '/codeName', always: NONE, extended: true },
  { header: '代码值', group: ITEM, level: 'item', pointer: '/codeValue', always: NONE, extended: true },
  { header: '数据项说明', group: ITEM, level: 'item', pointer: '/description', always: NONE },
  { header: '共享类型', group: SHARE, level: 'entry', pointer: '/share/type', always: SHARED },
  { header: '共享条件', group: SHARE, level: 'entry', pointer: '/share/condition', always: SHARED },
  { header: '共享方式', group: SHARE, level: 'entry', pointer: '/share/method', always: SHARED },
  { header: '是否向社会开放', group: OPEN, level: 'entry', pointer: '/open/open', always: SHARED },
  // In open-catalog exports 开放条件 names the open mode, so the condition column exists in shared ones only.
  { header: '开放条件', group: OPEN, level: 'entry', pointer: '/open/condition', always: SHARED },
  { header: '开放类型', group: OPEN, level: 'entry', pointer: '/open/mode', always: NONE },
  { header: '更新周期', level: 'entry', pointer: '/updateCycle', always: BOTH },
  { header: '发布日期', level: 'entry', pointer: '/publishDate', always: BOTH },
  { header: '关联资源代码', level: 'entry', pointer: '/relatedCodes', always: SHARED },
  { header: '数据量', level: 'entry', pointer: '/recordCount', always: NONE },
  { header: '更新日期', level: 'entry', pointer: '/updateDate', always: NONE },
  { header: '所属领域', level: 'entry', pointer: '/domain', always: NONE },
  { header: '标签', level: 'entry', pointer: '/tags', always: NONE },
];

const KNOWN_ENTRY_KEYS = new Set([
  ...COLUMNS.filter((c) => c.level === 'entry').map((c) => c.pointer.split('/')[1]!),
  'items',
  'extra',
]);
const KNOWN_ITEM_KEYS = new Set(COLUMNS.filter((c) => c.level === 'item').map((c) => c.pointer.slice(1)));

/** Separator of list values in one cell (数据资源格式, 关联资源代码, 标签). */
export const LIST_JOINER = '、';

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function itemsOf(entry: EntryData): unknown[] {
  return Array.isArray(entry.items) ? entry.items : [];
}

function escapeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The template's columns for a kind (govcat init): the guide's columns, with extended item columns on request. */
export function templateColumns(kind: CatalogKind, extended = false): Column[] {
  return COLUMNS.filter((c) => c.always.includes(kind) || (extended && kind === 'shared' && c.extended)).map(
    strip,
  );
}

function strip(c: ColumnDef): Column {
  const out: Column = { header: c.header, level: c.level, pointer: c.pointer };
  if (c.group) out.group = c.group;
  return out;
}

/**
 * The columns that hold every value of a catalog: the template's columns for its kind, optional columns
 * that some entry uses, and one column per other key (extra columns keep their source header; values of an
 * unexpected shape get a column named by their field, so nothing is dropped).
 */
export function planColumns(catalog: WritableCatalog): Column[] {
  const { kind, entries } = catalog;
  const used = (c: ColumnDef) =>
    entries.some((e) =>
      c.level === 'entry'
        ? present(getAt(e, c.pointer))
        : itemsOf(e).some((it) => present(getAt(it, c.pointer))),
    );
  const hasItems = entries.some((e) => itemsOf(e).length > 0);
  const columns = COLUMNS.filter(
    (c) => c.always.includes(kind) || used(c) || (c.pointer === '/type' && c.level === 'item' && hasItems),
  ).map(strip);

  const extraItemKeys = new Set<string>();
  const extraKeys = new Set<string>();
  const odd = new Set<string>();
  for (const e of entries) {
    for (const key of Object.keys(e)) {
      const value = (e as Record<string, unknown>)[key];
      if (!KNOWN_ENTRY_KEYS.has(key)) odd.add(key);
      else if (
        (key === 'share' || key === 'open') &&
        present(value) &&
        (typeof value !== 'object' || Array.isArray(value))
      )
        odd.add(key);
      else if (key === 'items' && present(value) && !Array.isArray(value)) odd.add(key);
      else if (key === 'extra' && value && typeof value === 'object' && !Array.isArray(value))
        for (const k of Object.keys(value)) extraKeys.add(k);
    }
    for (const it of itemsOf(e)) {
      if (it && typeof it === 'object' && !Array.isArray(it))
        for (const k of Object.keys(it)) if (!KNOWN_ITEM_KEYS.has(k)) extraItemKeys.add(k);
    }
  }
  for (const k of extraItemKeys)
    columns.push({ header: `items.${k}`, group: ITEM, level: 'item', pointer: `/${escapeKey(k)}` });
  for (const k of odd) columns.push({ header: k, level: 'entry', pointer: `/${escapeKey(k)}` });
  for (const k of extraKeys) columns.push({ header: k, level: 'entry', pointer: `/extra/${escapeKey(k)}` });
  // Group sub-columns must sit together under their merged group cell.
  const order = (c: Column) => (c.group ? columns.findIndex((x) => x.group === c.group) : columns.indexOf(c));
  return columns
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order(a.c) - order(b.c) || a.i - b.i)
    .map((x) => x.c);
}

/** A cell's value: lists joined with 、, yes/no flags as 是/否, other objects as JSON text. */
export function cellValue(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.length === 0 ? undefined : value.join(LIST_JOINER);
  return JSON.stringify(value);
}

/** The rows of one entry: one per data item (at least one); entry values only on the first row. */
export function entryRows(entry: EntryData, columns: readonly Column[]): (string | number | undefined)[][] {
  const items = itemsOf(entry);
  const count = Math.max(1, items.length);
  const rows: (string | number | undefined)[][] = [];
  for (let k = 0; k < count; k++) {
    rows.push(
      columns.map((c) => {
        if (c.level === 'entry') return k === 0 ? cellValue(getAt(entry, c.pointer)) : undefined;
        const item = items[k];
        return item === undefined ? undefined : cellValue(getAt(item, c.pointer));
      }),
    );
  }
  return rows;
}
