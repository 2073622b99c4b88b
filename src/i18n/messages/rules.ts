// Messages of the rules area: stylish output details (suppressions, fixes) and the `govcat rules` listing.
import type { MessageTable } from '../types.js';

export const rulesMessages = {
  'stylish.expired': {
    zh: '（对本条的抑制已于 {{expires}} 到期，重新计入；原理由：{{reason}}）',
    en: ' (the suppression for this entry expired on {{expires}} and no longer applies; reason was: {{reason}})',
  },
  'stylish.suppressedHeading': {
    zh: '已抑制 {{count}} 个发现（不计入错误和警告）：',
    en: '{{count}} suppressed findings (not counted as errors or warnings):',
  },
  'stylish.suppressedReason': { zh: '理由：{{reason}}', en: 'reason: {{reason}}' },
  'stylish.until': { zh: '（有效期至 {{expires}}）', en: ' (until {{expires}})' },
  'stylish.summaryExpired': {
    zh: '，{{count}} 个抑制已到期',
    en: ', {{count}} with an expired suppression',
  },
  'stylish.summaryFixable': {
    zh: '；{{count}} 个附有安全修复',
    en: '; {{count}} with a safe fix',
  },
  'rules.header': {
    zh: '规则|类别|默认级别|说明',
    en: 'rule|category|severity|title',
  },
  'rules.footer': {
    zh: '共 {{rules}} 条规则（{{recommended}} 条默认启用）和 {{schema}} 个 schema 检查；govcat rules --format md 生成 README 中的规则表',
    en: '{{rules}} rules ({{recommended}} on by default) and {{schema}} schema checks; govcat rules --format md writes the README rule table',
  },
  'rules.unknownCategory': {
    zh: '没有类别“{{category}}”：可用 {{categories}}',
    en: 'no category "{{category}}": available are {{categories}}',
  },
  'rules.optionCategory': {
    zh: '只列出该类别的规则（naming、metadata、completeness、classification、code、field、dataset）',
    en: 'list only the rules of this category (naming, metadata, completeness, classification, code, field, dataset)',
  },
} satisfies MessageTable;
