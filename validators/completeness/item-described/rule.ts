// completeness/item-described: every data item says what it is (数据项名称 or 字段名称).
import { defineRule } from '../../../src/rules/define.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'completeness/item-described',
    category: 'completeness',
    scope: 'item',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '数据项须有名称', en: 'data items are named' },
      basis: '004_f07732752052f62b.txt 指南附录 1 第 8.1、8.2 项（对应“信息项名称”逐一描述其数据类型）',
      recommended: true,
    },
    messages: {
      unnamed: {
        zh: '第 {{number}} 个数据项只有数据类型“{{type}}”，没有数据项名称也没有字段名称：请填写数据项名称（中文）',
        en: 'data item {{number}} has only a data type ("{{type}}") and neither a name nor a field name: give its Chinese name',
      },
    },
  },
  create(context) {
    return {
      item(item, index) {
        if (meaningful(context.seeds, item.name) || meaningful(context.seeds, item.fieldName)) return;
        context.report({
          messageId: 'unnamed',
          field: `/items/${index}`,
          data: { number: index + 1, type: typeof item.type === 'string' ? item.type : '' },
        });
      },
    };
  },
});
