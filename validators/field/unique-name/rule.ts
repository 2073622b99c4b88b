// field/unique-name: field names and data item names are unique within one entry.
import { defineRule } from '../../../src/rules/define.js';
import { foldText } from '../../../src/rules/helpers/text.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'field/unique-name',
    category: 'field',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: {
        zh: '一条目录内字段名称和数据项名称不重复',
        en: 'field and item names are unique within an entry',
      },
      basis:
        '002_ff8f7ac047c85c93.txt (四)2（数据字段命名不符合数据库使用规范；字段的元数据描述不统一）；004_f07732752052f62b.txt 指南附录 1 第 8 项（对结构化资源逐项描述数据项）',
      recommended: true,
    },
    messages: {
      duplicateField: {
        zh: '第 {{number}} 个数据项的字段名称“{{fieldName}}”与第 {{first}} 个重复：同一张表的列名不能重复（不区分大小写）',
        en: 'the field name "{{fieldName}}" of item {{number}} repeats item {{first}}: column names of one table are unique (case-insensitive)',
      },
      duplicateItemName: {
        zh: '第 {{number}} 个数据项的名称“{{name}}”与第 {{first}} 个重复：请合并，或写明两者的区别',
        en: 'the name "{{name}}" of item {{number}} repeats item {{first}}: merge them or make the names say what differs',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        const items = entry.data.items;
        if (!Array.isArray(items)) return;
        const fields = new Map<string, number>();
        const names = new Map<string, number>();
        items.forEach((item, i) => {
          if (!item || typeof item !== 'object') return;
          const fieldName = meaningful(context.seeds, item.fieldName);
          if (fieldName) {
            const key = fieldName.toLowerCase();
            const first = fields.get(key);
            if (first === undefined) fields.set(key, i);
            else
              context.report({
                messageId: 'duplicateField',
                field: `/items/${i}/fieldName`,
                data: { fieldName, number: i + 1, first: first + 1 },
              });
          }
          const name = meaningful(context.seeds, item.name);
          if (name) {
            const key = foldText(name);
            const first = names.get(key);
            if (first === undefined) names.set(key, i);
            else
              context.report({
                messageId: 'duplicateItemName',
                field: `/items/${i}/name`,
                data: { name, number: i + 1, first: first + 1 },
              });
          }
        });
      },
    };
  },
});
