// Messages of the report formatters: headings, summary lines, rate labels.
import type { MessageTable } from '../types.js';

export const reportMessages = {
  'report.severity.error': { zh: '错误', en: 'error' },
  'report.severity.warning': { zh: '警告', en: 'warning' },
  'report.severity.info': { zh: '提示', en: 'info' },
  'report.entryHeading': { zh: '第 {{number}} 条 {{name}}{{code}}', en: 'entry {{number}} {{name}}{{code}}' },
  'report.unnamed': { zh: '（未命名）', en: '(unnamed)' },
  'report.fileLevel': { zh: '文件', en: 'file' },
  'report.summary': {
    zh: '{{entries}} 条目录，{{errors}} 个错误，{{warnings}} 个警告，{{infos}} 个提示',
    en: '{{entries}} entries, {{errors}} errors, {{warnings}} warnings, {{infos}} infos',
  },
  'report.summarySuppressed': { zh: '，{{suppressed}} 个已抑制', en: ', {{suppressed}} suppressed' },
  'report.summaryUnreadable': { zh: '，{{count}} 个文件无法读取', en: ', {{count}} unreadable files' },
  'report.clean': {
    zh: '{{file}}：{{entries}} 条目录，未发现问题',
    en: '{{file}}: {{entries}} entries, no problems',
  },
  'report.fileError': { zh: '无法读取', en: 'unreadable' },
  'report.rates': { zh: '合格率', en: 'rates' },
  'report.truncated': {
    zh: '发现过多，只列出前 {{limit}} 个（--max-findings）',
    en: 'too many findings; only the first {{limit}} are listed (--max-findings)',
  },
  'report.kind.shared': { zh: '共享目录', en: 'shared catalog' },
  'report.kind.open': { zh: '开放目录', en: 'open catalog' },
  'report.kindReason.option': {
    zh: '按 --kind（或配置的 kind）读作{{kindLabel}}',
    en: 'read as a {{kindLabel}} as --kind (or the configuration) says',
  },
  'report.kindReason.declared': {
    zh: '文件声明 kind 为 {{kind}}，读作{{kindLabel}}',
    en: 'the file declares kind {{kind}}: read as a {{kindLabel}}',
  },
  'report.kindReason.share': {
    zh: '有共享属性列（{{evidence}}），读作共享目录',
    en: 'it has sharing attributes ({{evidence}}): read as a shared catalog',
  },
  'report.kindReason.open': {
    zh: '有开放平台导出才有的列（{{evidence}}），且没有共享属性，读作开放目录',
    en: 'it has columns only open-portal exports carry ({{evidence}}) and no sharing attributes: read as an open catalog',
  },
  'report.kindReason.code': {
    zh: '有数据资源分类、代码或提供方代码列（{{evidence}}），读作共享目录',
    en: 'it has a classification, resource code or provider code ({{evidence}}): read as a shared catalog',
  },
  'report.kindReason.no-share': {
    zh: '规范 JSON 形式的条目没有 share 和 classification，读作开放目录',
    en: 'the canonical entries have no share or classification: read as an open catalog',
  },
  'report.kindReason.default': {
    zh: '没有能区分目录类型的列，按共享目录读取（可用 --kind 指定）',
    en: 'no column tells the kind: read as a shared catalog (use --kind to say otherwise)',
  },
  'rate.naming': { zh: '目录命名规范合格率', en: 'naming conformance rate' },
  'rate.metadata': { zh: '元数据描述规范合格率', en: 'metadata description rate' },
  'rate.completeness': { zh: '元数据信息完整性合格率', en: 'metadata completeness rate' },
  'rate.classification': { zh: '分级分类合理率', en: 'classification reasonableness rate' },
  'rate.structured': { zh: '结构化数据资源占比率', en: 'structured resource share' },
  'rate.notAssessed.open': {
    zh: '没有规则为开放目录检查这一项',
    en: 'no rule checks this for open catalogs',
  },
  'rate.notAssessed.shared': {
    zh: '没有规则为共享目录检查这一项',
    en: 'no rule checks this for shared catalogs',
  },
} satisfies MessageTable;
