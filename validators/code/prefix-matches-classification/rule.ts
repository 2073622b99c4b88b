// code/prefix-matches-classification: the classification part of 数据资源代码 equals the entry's 数据资源分类.
import { defineRule } from '../../../src/rules/define.js';
import { splitCode } from '../../../src/rules/helpers/codes.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'code/prefix-matches-classification',
    category: 'code',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '资源代码前段等于本条分类', en: "the code starts with the entry's classification" },
      basis:
        '004_f07732752052f62b.txt 指南 5.3（前段码由类、项、目、细目组成，作为资源的分类码）与 5.3.2（分类码与顺序码组合形成完整的资源代码）',
      recommended: true,
    },
    messages: {
      mismatch: {
        zh: '数据资源代码的前段“{{prefix}}”与本条的数据资源分类“{{classification}}”不一致：代码应以本条的分类码开头，请核对分类或代码',
        en: 'the code\'s classification part "{{prefix}}" differs from this entry\'s classification "{{classification}}": the code must start with it; check the classification or the code',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        const code = meaningful(context.seeds, entry.data.code);
        const classification = meaningful(context.seeds, entry.data.classification);
        if (!code || !classification) return;
        const split = splitCode(code);
        if (!split) return;
        // Separators inside the classification are code/classification-format's finding; compare the digits.
        const digits = classification.replace(/[^0-9]/g, '');
        if (digits.length === 0 || digits === split.prefix) return;
        context.report({
          messageId: 'mismatch',
          field: '/code',
          data: { prefix: split.prefix, classification },
        });
      },
    };
  },
});
