// classification/base-conditional-items: a base information resource shared with conditions (type 2) must keep
// its base data items unconditional; a warning that asks the editor to check which items the conditions cover.
import { defineRule } from '../../../src/rules/define.js';
import { meaningful, shareTypeOf } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'classification/base-conditional-items',
    category: 'classification',
    scope: 'entry',
    defaultSeverity: 'warning',
    kinds: ['shared'],
    docs: {
      title: {
        zh: '有条件共享的基础信息资源核对基础数据项',
        en: 'conditionally shared base resources keep their base items unconditional',
      },
      basis:
        '004_f07732752052f62b.txt 指南 5.1.3（基础信息资源的基础数据项，必须在政务部门间实现无条件共享；有条件共享的需明确具体共享条件）与 5.3.1（类“1”代表基础信息资源类）',
      recommended: true,
    },
    messages: {
      checkItems: {
        zh: '本条属于基础信息资源（分类“{{classification}}”以 1 开头），共享类型是 2（有条件共享）：基础数据项必须无条件共享，请核对共享条件限制的是否只是非基础字段；基础数据项也受限的，请改为 1，或把受限字段拆到部门信息资源中登记',
        en: 'this is a base information resource (classification "{{classification}}" starts with 1) shared with conditions (type 2): its base data items must be shared unconditionally; check that the conditions restrict only non-base fields, else use 1 or list the restricted fields under a departmental resource',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        const classification = meaningful(context.seeds, entry.data.classification);
        if (!classification?.startsWith('1')) return;
        if (shareTypeOf(context.seeds, entry.data) === 2)
          context.report({ messageId: 'checkItems', field: '/share/type', data: { classification } });
      },
    };
  },
});
