// Messages of schema (ajv) findings: one per JSON Schema keyword, naming the field by its label.
import type { MessageTable } from '../types.js';

export const schemaMessages = {
  'schema.required': {
    zh: '缺少必填项“{{label}}”，请填写{{label}}',
    en: 'required field "{{label}}" is missing; fill it in',
  },
  'schema.requiredShareMethod': {
    zh: '共享类型为 {{shareType}} 时必须填写“共享方式”，如 共享平台、接口、库表交换',
    en: 'sharing type {{shareType}} requires a sharing method, e.g. sharing platform, API, table exchange',
  },
  'schema.empty': {
    zh: '“{{label}}”为空，请填写{{label}}',
    en: '"{{label}}" is empty; fill it in',
  },
  'schema.emptyList': {
    zh: '“{{label}}”为空，至少填写一项',
    en: '"{{label}}" is empty; give at least one value',
  },
  'schema.type': {
    zh: '“{{label}}”的值“{{value}}”类型不对：应为{{expected}}',
    en: '"{{label}}" has a value of the wrong type ("{{value}}"): expected {{expected}}',
  },
  'schema.enum': {
    zh: '“{{label}}”的值“{{value}}”不在取值范围内：{{hint}}',
    en: '"{{label}}" value "{{value}}" is not allowed: {{hint}}',
  },
  'schema.pattern': {
    zh: '“{{label}}”的值“{{value}}”格式不对：{{hint}}',
    en: '"{{label}}" value "{{value}}" is malformed: {{hint}}',
  },
  'schema.format': {
    zh: '“{{label}}”的值“{{value}}”不是有效的日期：{{hint}}',
    en: '"{{label}}" value "{{value}}" is not a valid date: {{hint}}',
  },
  'schema.minLength': {
    zh: '“{{label}}”的值“{{value}}”太短：至少 {{limit}} 个字符',
    en: '"{{label}}" value "{{value}}" is too short: at least {{limit}} characters',
  },
  'schema.maxLength': {
    zh: '“{{label}}”超过 {{limit}} 个字符，请精简',
    en: '"{{label}}" is longer than {{limit}} characters; shorten it',
  },
  'schema.maxItems': {
    zh: '“{{label}}”超过 {{limit}} 项',
    en: '"{{label}}" has more than {{limit}} values',
  },
  'schema.minimum': {
    zh: '“{{label}}”的值 {{value}} 不能小于 {{limit}}',
    en: '"{{label}}" value {{value}} must not be below {{limit}}',
  },
  'schema.maximum': {
    zh: '“{{label}}”的值 {{value}} 不能大于 {{limit}}',
    en: '"{{label}}" value {{value}} must not exceed {{limit}}',
  },
  'schema.additionalProperties': {
    zh: '“{{label}}”中有未知字段“{{property}}”：请检查拼写，规范字段见 schemas/entry.schema.json',
    en: '"{{label}}" has an unknown field "{{property}}"; check the spelling (see schemas/entry.schema.json)',
  },
  'schema.falseSchema': {
    zh: '不应填写“{{label}}”：{{reason}}',
    en: '"{{label}}" must not be given: {{reason}}',
  },
  'schema.openModeWhenClosed': {
    zh: '是否向社会开放为 0（否）时不应填写开放类型',
    en: 'an open mode makes no sense when the resource is not open (0)',
  },
  'schema.openHasShare': {
    zh: '开放目录的条目不应包含共享属性；如果这是共享目录，请用 --kind shared',
    en: 'entries of an open catalog carry no sharing attributes; if this is a shared catalog use --kind shared',
  },
  'schema.other': {
    zh: '“{{label}}”不符合规范：{{detail}}',
    en: '"{{label}}" does not conform: {{detail}}',
  },
  'schema.type.string': { zh: '文本', en: 'text' },
  'schema.type.integer': { zh: '整数', en: 'an integer' },
  'schema.type.number': { zh: '数字', en: 'a number' },
  'schema.type.boolean': { zh: '是/否', en: 'yes/no' },
  'schema.type.array': { zh: '列表', en: 'a list' },
  'schema.type.object': { zh: '对象', en: 'an object' },
} satisfies MessageTable;
