// Small text pieces of formatters and the CLI (locations, parentheses, option help) as messages, not code.
import type { MessageTable } from '../types.js';

export const formatMessages = {
  'format.sheetRow': { zh: '{{sheet}}!第{{row}}行', en: '{{sheet}}!row {{row}}' },
  'format.row': { zh: '第{{row}}行', en: 'row {{row}}' },
  'format.aside': { zh: '（{{text}}）', en: ' ({{text}})' },
  'format.labelled': { zh: '{{label}}：{{text}}', en: '{{label}}: {{text}}' },
  'format.heading': { zh: '{{label}}：', en: '{{label}}:' },
  'format.valueNamed': { zh: '{{value}}（{{name}}）', en: '{{value}} ({{name}})' },
  'format.rate': { zh: '{{label}} {{percent}}（{{count}}）', en: '{{label}} {{percent}} ({{count}})' },
  'format.conformingTotal': { zh: '合格 / 总数', en: 'conforming / total' },
  'format.htmlLang': { zh: 'zh-CN', en: 'en' },
  'format.sarifLanguage': { zh: 'zh-CN', en: 'en-US' },
  'format.sarifHelp': { zh: '{{title}}。依据：{{basis}}', en: '{{title}}. Basis: {{basis}}' },
  'format.basis': { zh: '依据', en: 'Basis' },
  'format.entryField': { zh: '目录条目', en: 'entry' },
  'cli.optionDefault': {
    zh: '{{description}}（默认 {{value}}）',
    en: '{{description}} (default {{value}})',
  },
  'cli.helpDefault': { zh: '{{description}}（默认 {{value}}）', en: '{{description}} (default: {{value}})' },
  'cli.optionMaxWarnings': {
    zh: '警告超过 n 个时以退出码 1 结束',
    en: 'exit 1 when there are more than n warnings',
  },
  'cli.optionQuiet': {
    zh: '只报告错误，不列出警告和提示（所有格式）',
    en: 'report errors only (every format)',
  },
  'cli.compile.optionQuiet': {
    zh: '只报告错误，不列出修复和代码',
    en: 'report errors only; do not list fixes and codes',
  },
  'cli.score.optionFindings': {
    zh: 'stylish 格式同时列出每个发现',
    en: 'with the stylish format, also list every finding',
  },
  'cli.optionJobs': {
    zh: '同时校验的文件数（工作线程）；默认：文件足够大时为可用核数 {{cores}}，否则为 1',
    en: 'files validated at once on worker threads (default: the available cores, {{cores}}, when the files are big enough to repay a worker; else 1)',
  },
  'cli.optionPeriod': {
    zh: '更新记录的统计期 CCYY-MM-DD..CCYY-MM-DD（默认当年 1 月 1 日至 --today）',
    en: 'period of the update log, CCYY-MM-DD..CCYY-MM-DD (default: 1 January to --today)',
  },
  'cli.optionRateSeverities': {
    zh: '计入合格率的发现级别，逗号分隔（默认取评分档案的设置，否则只计 error）',
    en: 'severities that count against rates, comma separated (default: the profile’s, else error)',
  },
  'cli.score.description': {
    zh: '按考核档案评分：每项指标的合格率、得分、扣分、加分，以及达到下一个门槛还差多少',
    en: 'score catalogs against an assessment profile: rate, points earned, deducted, bonus, and what the next threshold takes',
  },
  'cli.score.optionProfile': {
    zh: '评分档案：{{profiles}}，或档案 JSON 文件（默认 {{profile}}）',
    en: 'scoring profile: {{profiles}}, or a profile JSON file (default {{profile}})',
  },
  'cli.score.optionAssessment': {
    zh: '评估人员给出的指标结果（JSON，schemas/assessment.schema.json），用于目录无法计算的指标',
    en: 'indicator results given by an assessor (JSON, schemas/assessment.schema.json)',
  },
} satisfies MessageTable;
