// metadata/date-format: a date not written CCYY-MM-DD (2021/7/13, 2021年7月13日, an Excel serial), with its fix.
import { defineRule } from '../../../src/rules/define.js';

export default defineRule({
  meta: {
    id: 'metadata/date-format',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '日期应写作 CCYY-MM-DD', en: 'dates are written CCYY-MM-DD' },
      basis: '004_f07732752052f62b.txt 指南附录 1 第 12 项（发布日期：日期型，格式为 CCYY-MM-DD）',
      recommended: true,
    },
    fixable: true,
    messages: {
      notCanonical: {
        zh: '“{{label}}”写作“{{value}}”，应写作 CCYY-MM-DD 格式：{{date}}',
        en: '"{{label}}" is written "{{value}}"; write it as CCYY-MM-DD: {{date}}',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        for (const n of entry.normalizations) {
          if (n.kind !== 'date') continue;
          context.report({
            messageId: 'notCanonical',
            field: n.field,
            data: { value: String(n.from), date: String(n.to) },
            fix: { from: n.from, to: n.to },
          });
        }
      },
    };
  },
});
