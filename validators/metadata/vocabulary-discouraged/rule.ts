// metadata/vocabulary-discouraged: known but discouraged values (每半年, 不定期, GBK) are warnings.
import { both, list } from '../../../src/i18n/text.js';
import { defineRule } from '../../../src/rules/define.js';
import { labelFor } from '../../../src/rules/helpers/labels.js';
import { allowedValues, reportableVocabularyValues } from '../../../src/rules/helpers/vocab-fields.js';

export default defineRule({
  meta: {
    id: 'metadata/vocabulary-discouraged',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '不推荐的取值', en: 'discouraged values' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 11 项（更新周期：实时、每日、每周、每月、每季度、每年等）；002_ff8f7ac047c85c93.txt (四)4（更新周期设置不合理、未按承诺周期更新）',
      recommended: true,
    },
    messages: {
      discouraged: {
        zh: '“{{label}}”的值“{{value}}”不是规范的取值（{{recommended}}）：{{advice}}',
        en: '"{{label}}" value "{{value}}" is not a standard value ({{recommended}}): {{advice}}',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        for (const v of reportableVocabularyValues(context.seeds, entry)) {
          if (v.match?.term.status !== 'discouraged') continue;
          const group = v.match.term.group;
          // Formats name their categories (电子文件、电子表格 …); other vocabularies their standard values.
          const recommended =
            !group && v.vocab.groups.size > 0
              ? allowedValues(v.vocab)
              : list(
                  v.vocab.terms
                    .filter((t) => (t.status ?? 'standard') === 'standard' && (!group || t.group === group))
                    .map((t) => String(t.value)),
                );
          const term = v.match.term;
          const advice = both(term.advice ?? '建议改为其中之一', term.adviceEn ?? 'prefer one of those');
          context.report({
            messageId: 'discouraged',
            field: v.pointer,
            data: { label: labelFor(v.pointer), value: v.text, recommended, advice },
          });
        }
      },
    };
  },
});
