// classification/usage-requirement: 无条件 and 有条件共享 state the usage requirement (行政依据, 工作参考, 数据校核, 业务协同 …).
import { defineRule } from '../../../src/rules/define.js';
import { containsAny, meaningful, shareTypeOf } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'classification/usage-requirement',
    category: 'classification',
    scope: 'entry',
    defaultSeverity: 'warning',
    kinds: ['shared'],
    docs: {
      title: { zh: '共享条件标明使用要求', en: 'the condition states the usage requirement' },
      basis:
        '004_f07732752052f62b.txt 指南 5.2（9）与附录 1 第 9.2 项（无条件共享类和有条件共享类应标明使用要求，包括作为行政依据、工作参考，用于数据校核、业务协同等）',
      recommended: true,
    },
    messages: {
      noUsage: {
        zh: '共享条件“{{condition}}”没有标明使用要求：请写明数据用作什么，如“作为行政依据”“作为工作参考”“用于数据校核”“用于业务协同”',
        en: 'the condition "{{condition}}" states no usage requirement: say what the data is for, e.g. as an administrative basis, for reference, for data verification or business coordination',
      },
    },
  },
  create(context) {
    const words = context.seeds.ruleData.sharing.usageWords;
    return {
      entry(entry) {
        const type = shareTypeOf(context.seeds, entry.data);
        if (type !== 1 && type !== 2) return;
        const condition = meaningful(context.seeds, entry.data.share?.condition);
        if (condition && !containsAny(condition, words))
          context.report({ messageId: 'noUsage', field: '/share/condition', data: { condition } });
      },
    };
  },
});
