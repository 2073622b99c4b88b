// classification/base-unconditional: a base information resource (类 1) is not refused for sharing (type 3).
import { defineRule } from '../../../src/rules/define.js';
import { meaningful, shareTypeOf } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'classification/base-unconditional',
    category: 'classification',
    scope: 'entry',
    defaultSeverity: 'error',
    kinds: ['shared'],
    docs: {
      title: { zh: '基础信息资源不得不予共享', en: 'base information resources are not refused for sharing' },
      basis:
        '004_f07732752052f62b.txt 指南 5.1.3（人口、法人单位、自然资源和空间地理、电子证照等基础信息资源的基础数据项，必须在政务部门间实现无条件共享）与 5.3.1（类“1”代表基础信息资源类）',
      recommended: true,
    },
    messages: {
      notUnconditional: {
        zh: '本条属于基础信息资源（分类“{{classification}}”以 1 开头），共享类型却是 3（不予共享）：基础信息资源的基础数据项必须无条件共享，整条不予共享违反指南 5.1.3；请改为 1，若确有不宜共享的字段，请把它们拆到部门信息资源中登记',
        en: 'this is a base information resource (classification "{{classification}}" starts with 1) but it is not shared (type 3): its base data items must be shared unconditionally (guide 5.1.3); use 1, and list any restricted fields under a departmental resource',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        const classification = meaningful(context.seeds, entry.data.classification);
        if (!classification?.startsWith('1')) return;
        const type = shareTypeOf(context.seeds, entry.data);
        // 有条件共享 may be right (only its non-base items restricted): classification/base-conditional-items asks.
        if (type === 3)
          context.report({
            messageId: 'notUnconditional',
            field: '/share/type',
            data: { classification, type },
          });
      },
    };
  },
});
