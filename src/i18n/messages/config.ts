// Messages of configuration errors.
import type { MessageTable } from '../types.js';

export const configMessages = {
  'config.notFound': {
    zh: '找不到配置文件 {{file}}',
    en: 'configuration file not found: {{file}}',
  },
  'config.malformed': {
    zh: '配置文件 {{file}} 不是有效的 JSON：{{reason}}',
    en: 'configuration file {{file}} is not valid JSON: {{reason}}',
  },
  'config.invalid': {
    zh: '配置文件 {{file}} 有误：{{problem}}',
    en: 'configuration file {{file}} is invalid: {{problem}}',
  },
  'config.badRuleOptions': {
    zh: '配置文件 {{file}} 中规则“{{rule}}”的选项有误：{{problem}}',
    en: 'configuration file {{file}} gives invalid options to rule "{{rule}}": {{problem}}',
  },
  'config.malformedAt': {
    zh: '配置文件 {{file}} 不是有效的 JSON：第 {{line}} 行第 {{column}} 列附近有语法错误',
    en: 'configuration file {{file}} is not valid JSON: syntax error near line {{line}}, column {{column}}',
  },
  'config.detail.unknownKey': {
    zh: '{{at}}有未知的配置项“{{key}}”',
    en: 'unknown setting "{{key}}"{{at}}',
  },
  'config.detail.didYouMean': {
    zh: '，是否指“{{suggestion}}”？',
    en: '; did you mean "{{suggestion}}"?',
  },
  'config.detail.required': {
    zh: '{{at}}缺少“{{key}}”',
    en: '"{{key}}" is missing{{at}}',
  },
  'config.detail.enum': {
    zh: '{{path}} 的值“{{value}}”不对：应为 {{allowed}}',
    en: '{{path}} is "{{value}}": use {{allowed}}',
  },
  'config.detail.type': {
    zh: '{{path}} 应为{{expected}}',
    en: '{{path}} must be {{expected}}',
  },
  'config.detail.date': {
    zh: '{{path}} 的值“{{value}}”不是 CCYY-MM-DD 格式的日期',
    en: '{{path}} "{{value}}" is not a CCYY-MM-DD date',
  },
  'config.detail.ruleIdPattern': {
    zh: '规则 id“{{value}}”格式不对：应为 类别/名称，如 naming/no-time-fragment',
    en: 'rule id "{{value}}" is malformed: write category/name, e.g. naming/no-time-fragment',
  },
  'config.detail.severity': {
    zh: '规则“{{rule}}”的级别“{{value}}”不对：应为 off、info、warning 或 error，或写成 [级别, 选项]',
    en: 'rule "{{rule}}" has level "{{value}}": use off, info, warning or error, or [level, options]',
  },
  'config.detail.tooShort': {
    zh: '{{path}} 太短：至少 {{limit}} 个字符',
    en: '{{path}} is too short: at least {{limit}} characters',
  },
  'config.detail.minimum': {
    zh: '{{path}} 不能小于 {{limit}}',
    en: '{{path}} must not be below {{limit}}',
  },
  'config.detail.other': {
    zh: '{{path}}：{{detail}}',
    en: '{{path}}: {{detail}}',
  },
  'config.detail.unknownRuleAt': {
    zh: '{{path}} 中的规则“{{rule}}”不存在',
    en: '{{path}} names an unknown rule "{{rule}}"',
  },
  'config.detail.seeRules': {
    zh: '（运行 govcat rules 查看全部规则）',
    en: ' (run govcat rules to list them)',
  },
  'config.detail.unknownVocabulary': {
    zh: 'vocabularies 中的词表“{{id}}”不存在：可用 {{available}}',
    en: 'vocabularies names an unknown vocabulary "{{id}}": available are {{available}}',
  },
  'config.detail.unknownExtends': {
    zh: 'extends 中的“{{name}}”不存在：可用 {{available}}',
    en: 'extends names an unknown "{{name}}": available are {{available}}',
  },
  'config.detail.badProfile': {
    zh: 'extends 中的档案“{{name}}”（{{path}}）无法读取：{{reason}}',
    en: 'the profile "{{name}}" named in extends ({{path}}) cannot be read: {{reason}}',
  },
  'config.detail.topLevel': { zh: '（顶层）', en: '(top level)' },
} satisfies MessageTable;
