// classification/conditional-scope: 有条件共享 states a concrete condition and the scope it is shared within.
import { defineRule } from '../../../src/rules/define.js';
import { charCount, foldText } from '../../../src/rules/helpers/text.js';
import { containsAny, meaningful, shareTypeOf } from '../../../src/rules/helpers/values.js';

interface Options {
  minLength: number;
}

export default defineRule<Options>()({
  meta: {
    id: 'classification/conditional-scope',
    category: 'classification',
    scope: 'entry',
    defaultSeverity: 'error',
    kinds: ['shared'],
    docs: {
      title: { zh: '有条件共享写明条件和范围', en: 'conditional sharing states its condition and scope' },
      basis:
        '004_f07732752052f62b.txt 指南 5.1.3（列入有条件共享类的，需明确具体共享条件）与附录 1 第 9.2 项（有条件共享类还应注明共享条件和共享范围）；000_828fab9d00fd14b0.txt C2-1 ③（分级分类合理率）',
      recommended: true,
    },
    messages: {
      vague: {
        zh: '有条件共享的共享条件“{{condition}}”太笼统：请写明具体条件和范围，如“仅向民政、税务部门提供，用于低保资格审核，需经本单位审批”',
        en: 'the condition "{{condition}}" of a conditionally shared resource is too vague: state the concrete condition and scope, e.g. which departments, for what use, after which approval',
      },
      noScope: {
        zh: '有条件共享的共享条件“{{condition}}”没有说明共享范围（向哪些部门或单位提供、限于什么范围）：请补充',
        en: 'the condition "{{condition}}" of a conditionally shared resource does not say the scope (which departments, limited to what): add it',
      },
    },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['minLength'],
      properties: { minLength: { type: 'integer', minimum: 1, description: '共享条件最少字数' } },
    },
  },
  create(context) {
    const sharing = context.seeds.ruleData.sharing;
    return {
      entry(entry) {
        if (shareTypeOf(context.seeds, entry.data) !== 2) return;
        const condition = meaningful(context.seeds, entry.data.share?.condition);
        if (!condition) return;
        const folded = foldText(condition);
        if (sharing.vagueConditions.has(folded) || charCount(folded) < context.options.minLength) {
          context.report({ messageId: 'vague', field: '/share/condition', data: { condition } });
          return;
        }
        if (!containsAny(condition, sharing.scopeWords))
          context.report({ messageId: 'noScope', field: '/share/condition', data: { condition } });
      },
    };
  },
});
