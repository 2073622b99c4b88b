// code/full-width: full-width digits, letters or ／ in a code (classification, resource, provider, related codes).
import { defineRule } from '../../../src/rules/define.js';

function text(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join('、') : String(value);
}

export default defineRule({
  meta: {
    id: 'code/full-width',
    category: 'code',
    scope: 'entry',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '代码中不应有全角字符', en: 'no full-width characters in codes' },
      basis:
        '004_f07732752052f62b.txt 指南 5.3（分类码、顺序码用阿拉伯数字表示）与附录 1 第 5 项（统一社会信用代码）；GB 32100-2015 第 4 章（代码字符集为阿拉伯数字和大写英文字母）',
      recommended: true,
    },
    fixable: true,
    messages: {
      fullWidth: {
        zh: '“{{label}}”“{{value}}”含全角字符（全角数字、字母或“／”），应改为半角：{{fixed}}',
        en: '"{{label}}" "{{value}}" contains full-width characters (digits, letters or "／"); use half-width: {{fixed}}',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        for (const n of entry.normalizations) {
          if (n.kind !== 'width') continue;
          context.report({
            messageId: 'fullWidth',
            field: n.field,
            data: { value: text(n.from), fixed: text(n.to) },
            fix: { from: n.from, to: n.to },
          });
        }
      },
    };
  },
});
