// Messages of the report formatters: headings, summary lines, rate labels.
import type { MessageTable } from '../index.js';

export const reportMessages: MessageTable = {
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
  'rate.naming': { zh: '目录命名规范合格率', en: 'naming conformance rate' },
  'rate.metadata': { zh: '元数据描述规范合格率', en: 'metadata description rate' },
  'rate.completeness': { zh: '元数据信息完整性合格率', en: 'metadata completeness rate' },
  'rate.classification': { zh: '分级分类合理率', en: 'classification reasonableness rate' },
  'rate.structured': { zh: '结构化数据资源占比率', en: 'structured resource share' },
};
