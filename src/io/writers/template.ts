// The blank template of govcat init: the guide's header layout plus a 填表说明 sheet built from schemas and seeds.
import type { Lang } from '../../i18n/index.js';
import { translate, translateId } from '../../i18n/index.js';
import { allFields, type FieldInfo, patternOf } from '../../model/fields.js';
import type { CatalogKind } from '../../model/types.js';
import { getSchema, SCHEMA_IDS, type SchemaObject } from '../../schema/ajv.js';
import type { Seeds } from '../../seeds/index.js';
import { type Column, templateColumns } from './columns.js';
import { catalogSheetName, headerRows, type SheetCell, type SheetSpec } from './xlsx.js';

/** Name of the instructions sheet (readers skip sheets of this name). */
export const GUIDE_SHEET = '填表说明';

function pointerOf(column: Column): string {
  return column.level === 'item' ? `/items/*${column.pointer}` : column.pointer;
}

function requiredList(id: string): string[] {
  return ((getSchema(id).required as string[] | undefined) ?? []).slice();
}

/** Whether a field is required in a catalog kind, as the schemas say. */
function requirement(path: string, kind: CatalogKind, lang: Lang): string {
  const t = (id: string) => translateId(lang, id);
  const top = path.split('/')[1] ?? '';
  if (kind === 'open' && top === 'share') return t('init.notUsed');
  const required = requiredList(kind === 'shared' ? SCHEMA_IDS.sharedEntry : SCHEMA_IDS.openEntry);
  if (path === `/${top}`) {
    if (top === 'items') return kind === 'shared' ? t('init.requiredStructured') : t('init.optional');
    return required.includes(top) ? t('init.required') : t('init.optional');
  }
  const parentRequired = required.includes(top) || (top === 'items' && kind === 'shared');
  if (!parentRequired) return t('init.optional');
  const leaf = path.split('/').pop()!;
  if (top === 'items')
    return requiredList(SCHEMA_IDS.dataItem).includes(leaf) ? t('init.required') : t('init.optional');
  if (top === 'share' && leaf === 'method') return t('init.requiredShareTypes');
  const schema = getSchema(SCHEMA_IDS.entry.replace('entry.schema.json', `${top}-attributes.schema.json`));
  return ((schema as SchemaObject).required as string[] | undefined)?.includes(leaf)
    ? t('init.required')
    : t('init.optional');
}

/**
 * The schema's description of a field, without the guide's item number in front (“2 数据资源名称：…”,
 * “8.1 数据项名称：…”), which read as stray numbers in the 填表说明 sheet.
 */
export function describe(path: string): string {
  const segs = path.split('/').filter((s) => s !== '' && s !== '*');
  let node: SchemaObject | undefined = getSchema(SCHEMA_IDS.entry);
  for (const seg of segs) {
    const props = node?.properties as Record<string, SchemaObject> | undefined;
    let next = props?.[seg];
    if (next && typeof next.$ref === 'string') next = getSchema(`https://govcat.dev/schemas/${next.$ref}`);
    if (
      next?.type === 'array' &&
      next.items &&
      typeof (next.items as SchemaObject).$ref === 'string' &&
      seg === 'items'
    )
      next = getSchema(`https://govcat.dev/schemas/${(next.items as SchemaObject).$ref as string}`);
    node = next;
  }
  const text = typeof node?.description === 'string' ? node.description : '';
  return text.replace(/^\d+(?:\.\d+)*\s+/, '');
}

/** Allowed values of a field from seeds/ vocabularies, or its hint from the schema. */
function allowedValues(info: FieldInfo, seeds: Seeds, lang: Lang): string {
  if (info.path === '/classification') {
    const classes = [...seeds.classification.values()].flatMap((tree) =>
      (tree.classes ?? []).map((c) => `${c.code} ${c.label}`),
    );
    return `${info.hint?.[lang] ?? ''}${classes.length ? `；类：${classes.join('、')}` : ''}`;
  }
  const vocabFor = [...seeds.vocabularies.values()].find((v) => v.fields.includes(info.path));
  if (vocabFor) {
    if (vocabFor.id === 'resource-format') {
      const groups = [...vocabFor.groups.values()].map((g) => {
        const terms = vocabFor.terms.filter((t) => t.group === g.id).map((t) => String(t.value));
        return `${g.label}：${terms.join('、')}`;
      });
      return `${groups.join('；')}（可多选，用“、”分隔）`;
    }
    const standard = vocabFor.terms
      .filter((t) => (t.status ?? 'standard') === 'standard')
      .map((t) => (t.label && String(t.value) !== t.label ? `${t.value} ${t.label}` : String(t.value)));
    const discouraged = vocabFor.values('discouraged');
    let text = standard.join('；');
    if (discouraged.length) text += `（不推荐：${discouraged.join('、')}）`;
    if (vocabFor.id === 'data-type') text += '；结构化数据写明长度，如 C(18)、N(10,2)';
    return text;
  }
  if (/\/(primaryKey|notNull|standardCode)$/.test(info.path)) return '是 / 否';
  return info.hint?.[lang] ?? '';
}

/** The template's sheets: the header of the catalog sheet and the 填表说明 sheet. */
export function templateSheets(
  kind: CatalogKind,
  seeds: Seeds,
  options: { extended?: boolean; lang?: Lang } = {},
): { sheets: SheetSpec[]; columns: Column[]; fields: number } {
  const lang = options.lang ?? 'zh';
  const columns = templateColumns(kind, options.extended);
  const header = headerRows(columns, 0);
  const catalogSheet: SheetSpec = {
    name: catalogSheetName(kind),
    rows: header.rows,
    merges: header.merges,
    widths: columns.map((c) => (c.pointer === '/summary' || c.pointer.endsWith('condition') ? 40 : 16)),
  };

  const headerOf = new Map(columns.map((c) => [pointerOf(c), c.header]));
  const rows: SheetCell[][] = [
    [translate(lang, 'init.guideTitle')],
    [translate(lang, 'init.guideNotes')],
    translate(lang, 'init.guideHeader').split('|'),
  ];
  const fields = allFields();
  fields.forEach((info, i) => {
    const key = info.path.replace(/\/\*/g, '[]').slice(1).replace(/\//g, '.');
    rows.push([
      i + 1,
      headerOf.get(patternOf(info.path)) ?? '',
      `${info.label.zh}（${key}）`,
      requirement(info.path, 'shared', lang),
      requirement(info.path, 'open', lang),
      describe(info.path),
      allowedValues(info, seeds, lang),
    ]);
  });
  const guide: SheetSpec = {
    name: GUIDE_SHEET,
    rows,
    merges: [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 6 } },
      { s: { r: 1, c: 0 }, e: { r: 1, c: 6 } },
    ],
    widths: [6, 16, 30, 16, 16, 60, 60],
  };
  return { sheets: [catalogSheet, guide], columns, fields: fields.length };
}
