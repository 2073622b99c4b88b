// Runs the entry schema (ajv) and turns its errors into diagnostics with readable, field-labelled messages.
import type { Category, Severity } from '../generated/schema-types.js';
import type { Bilingual } from '../i18n/index.js';
import { isMessageId, type MessageId } from '../i18n/index.js';
import { type BilingualText, both, msg, type TextArg } from '../i18n/text.js';
import { fieldInfo, fieldLabelText, patternOf } from '../model/fields.js';
import type { CatalogKind, EntryData } from '../model/types.js';
import { type ErrorObject, getValidator, SCHEMA_IDS } from '../schema/ajv.js';
import type { SchemaMatch } from './types.js';

/** A schema keyword presented as a rule (for severities, suppressions and `govcat rules`). */
export interface SchemaRuleInfo {
  id: string;
  keyword: string;
  category: Category;
  defaultSeverity: Severity;
  title: Bilingual;
}

/** The schema keywords govcat reports, as pseudo-rules `schema/<keyword>`. */
export const SCHEMA_RULES: readonly SchemaRuleInfo[] = [
  {
    id: 'schema/required',
    keyword: 'required',
    category: 'completeness',
    defaultSeverity: 'error',
    title: { zh: '必填项缺失', en: 'required field missing' },
  },
  {
    id: 'schema/min-length',
    keyword: 'minLength',
    category: 'completeness',
    defaultSeverity: 'error',
    title: { zh: '值为空或过短', en: 'value empty or too short' },
  },
  {
    id: 'schema/min-items',
    keyword: 'minItems',
    category: 'completeness',
    defaultSeverity: 'error',
    title: { zh: '列表为空', en: 'empty list' },
  },
  {
    id: 'schema/type',
    keyword: 'type',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '值的类型不对', en: 'value of the wrong type' },
  },
  {
    id: 'schema/enum',
    keyword: 'enum',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '值不在取值范围内', en: 'value not allowed' },
  },
  {
    id: 'schema/const',
    keyword: 'const',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '值不在取值范围内', en: 'value not allowed' },
  },
  {
    id: 'schema/pattern',
    keyword: 'pattern',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '格式不对', en: 'malformed value' },
  },
  {
    id: 'schema/format',
    keyword: 'format',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '日期无效', en: 'invalid date' },
  },
  {
    id: 'schema/max-length',
    keyword: 'maxLength',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '值过长', en: 'value too long' },
  },
  {
    id: 'schema/max-items',
    keyword: 'maxItems',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '列表过长', en: 'list too long' },
  },
  {
    id: 'schema/minimum',
    keyword: 'minimum',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '数值过小', en: 'number too small' },
  },
  {
    id: 'schema/maximum',
    keyword: 'maximum',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '数值过大', en: 'number too large' },
  },
  {
    id: 'schema/additional-properties',
    keyword: 'additionalProperties',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '未知字段', en: 'unknown field' },
  },
  {
    id: 'schema/false-schema',
    keyword: 'false schema',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '不应填写的字段', en: 'field that must not be given' },
  },
  {
    id: 'schema/not',
    keyword: 'not',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '不应出现的字段', en: 'field that must not appear' },
  },
  {
    id: 'schema/other',
    keyword: '*',
    category: 'metadata',
    defaultSeverity: 'error',
    title: { zh: '不符合规范', en: 'does not conform' },
  },
];

const BY_KEYWORD = new Map(SCHEMA_RULES.map((r) => [r.keyword, r]));
/** Keywords that only summarize other errors. */
const SUMMARY_KEYWORDS = new Set(['if', 'then', 'else', 'allOf', 'anyOf', 'oneOf']);
/** When several errors hit one field, the first in this order is kept. */
const PRIORITY = [
  'required',
  'type',
  'false schema',
  'not',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'minItems',
  'maxLength',
  'maxItems',
  'maxProperties',
  'minimum',
  'maximum',
  'additionalProperties',
];

/** A schema finding before severity and location are applied. */
export interface SchemaFinding {
  ruleId: string;
  keyword: string;
  category: Category;
  /** JSON Pointer of the field inside the entry. */
  field: string;
  messageId: MessageId;
  /** The message's data, texts in it not yet in a language (the report's edge renders them). */
  data: Record<string, TextArg>;
}

function valueText(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function pointerOf(error: ErrorObject): string {
  if (error.keyword === 'required') {
    return `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`;
  }
  if (error.keyword === 'additionalProperties') {
    return error.instancePath;
  }
  if (error.keyword === 'not' && error.instancePath === '') return '/share';
  return error.instancePath;
}

function matches(match: SchemaMatch, keyword: string, field: string): boolean {
  if (match.keyword && match.keyword !== keyword) return false;
  if (match.path === undefined) return true;
  const pattern = patternOf(field);
  return pattern === match.path || pattern.startsWith(`${match.path}/`);
}

const hintTexts = new WeakMap<object, BilingualText>();

/** The documented values of a field (its x-hint), or '' when it has none. */
function hintOf(field: string): TextArg {
  const hint = fieldInfo(field)?.hint;
  if (!hint) return '';
  let text = hintTexts.get(hint);
  if (!text) {
    text = both(hint.zh, hint.en);
    hintTexts.set(hint, text);
  }
  return text;
}

/** A value outside what the field allows (type, enum, const, pattern, format): what is allowed, in words. */
function describeAllowed(
  keyword: string,
  field: string,
  base: { label: TextArg; value: string },
  params: Record<string, unknown>,
): { messageId: SchemaFinding['messageId']; data: SchemaFinding['data'] } {
  const hint = hintOf(field);
  switch (keyword) {
    case 'type': {
      // A field with a documented value set (共享类型, 是否向社会开放): say which values are allowed.
      if (hint) return { messageId: 'schema.enum', data: { ...base, hint } };
      const expected = String(params.type).split(',')[0] ?? 'string';
      const typeId = `schema.type.${expected}`;
      return {
        messageId: 'schema.type',
        // A JSON type without a message of its own (null) is shown by its name.
        data: {
          ...base,
          expected: isMessageId(typeId) ? msg(typeId) : expected,
        },
      };
    }
    case 'pattern':
      return { messageId: 'schema.pattern', data: { ...base, hint: hint || String(params.pattern) } };
    case 'format':
      return { messageId: 'schema.format', data: { ...base, hint: hint || String(params.format) } };
    default: {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      return { messageId: 'schema.enum', data: { ...base, hint: hint || allowed.map(String).join(' / ') } };
    }
  }
}

function describe(
  error: ErrorObject,
  field: string,
  value: unknown,
): Omit<SchemaFinding, 'ruleId' | 'category' | 'keyword'> {
  const label = fieldLabelText(field);
  const base = { label, value: valueText(value) };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      if (field === '/share/method' && error.schemaPath.includes('/then/')) {
        return {
          field,
          messageId: 'schema.requiredShareMethod',
          data: { ...base, shareType: String(params.shareType ?? '1/2') },
        };
      }
      return { field, messageId: 'schema.required', data: base };
    case 'minLength':
      if (typeof value === 'string' && value.trim() === '')
        return { field, messageId: 'schema.empty', data: base };
      return { field, messageId: 'schema.minLength', data: { ...base, limit: Number(params.limit) } };
    case 'minItems':
      return { field, messageId: 'schema.emptyList', data: base };
    case 'maxLength':
      return { field, messageId: 'schema.maxLength', data: { ...base, limit: Number(params.limit) } };
    case 'maxItems':
    case 'maxProperties':
      return { field, messageId: 'schema.maxItems', data: { ...base, limit: Number(params.limit) } };
    case 'minimum':
      return { field, messageId: 'schema.minimum', data: { ...base, limit: Number(params.limit) } };
    case 'maximum':
      return { field, messageId: 'schema.maximum', data: { ...base, limit: Number(params.limit) } };
    case 'type':
    case 'enum':
    case 'const':
    case 'pattern':
    case 'format':
      return { field, ...describeAllowed(error.keyword, field, base, params) };
    case 'additionalProperties':
      return {
        field,
        messageId: 'schema.additionalProperties',
        data: { ...base, property: String(params.additionalProperty) },
      };
    case 'false schema':
      if (field === '/open/mode') return { field, messageId: 'schema.openModeWhenClosed', data: base };
      return { field, messageId: 'schema.falseSchema', data: { ...base, reason: '' } };
    case 'not':
      return { field, messageId: 'schema.openHasShare', data: base };
    default:
      return { field, messageId: 'schema.other', data: { ...base, detail: error.message ?? error.keyword } };
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node: unknown = data;
  for (const seg of pointer.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/**
 * Validates one entry against the schema of its catalog kind and returns findings, one per field at
 * most, minus those superseded by rules that report the same problem better.
 */
export function checkEntrySchema(
  entry: EntryData,
  kind: CatalogKind,
  superseded: readonly SchemaMatch[],
): SchemaFinding[] {
  const validate = getValidator(kind === 'shared' ? SCHEMA_IDS.sharedEntry : SCHEMA_IDS.openEntry);
  const valid = (validate as (data: unknown) => boolean)(entry);
  if (valid) return [];
  const best = new Map<string, ErrorObject>();
  for (const error of validate.errors ?? []) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    const field = pointerOf(error);
    const seen = best.get(field);
    if (!seen || PRIORITY.indexOf(error.keyword) < PRIORITY.indexOf(seen.keyword)) best.set(field, error);
  }
  const shareType = (entry.share as { type?: unknown } | undefined)?.type;
  const out: SchemaFinding[] = [];
  for (const [field, error] of best) {
    if (superseded.some((m) => matches(m, error.keyword, field))) continue;
    // Too many extra columns is reported like a list that is too long.
    const info = BY_KEYWORD.get(error.keyword === 'maxProperties' ? 'maxItems' : error.keyword);
    const described = describe(error, field, valueAt(entry, field));
    if (described.messageId === 'schema.requiredShareMethod') described.data.shareType = String(shareType);
    const category: Category =
      info?.category === 'completeness'
        ? 'completeness'
        : (fieldInfo(field)?.category ?? info?.category ?? 'metadata');
    out.push({
      ruleId: info?.id ?? 'schema/other',
      keyword: error.keyword,
      category: described.messageId === 'schema.empty' ? 'completeness' : category,
      ...described,
    });
  }
  return out;
}
