// field/item-name-chinese: 数据项名称 (the item's title) is written in Chinese.
import { defineRule } from '../../../src/rules/define.js';
import { hasHan } from '../../../src/rules/helpers/text.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'field/item-name-chinese',
    category: 'field',
    scope: 'item',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '数据项名称用中文', en: 'item names are Chinese' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 8.1 项（描述电子表格、数据库以及具有结构化数据内容资源中的各数据项（字段）标题采用中文表示）',
      recommended: true,
    },
    messages: {
      notChinese: {
        zh: '数据项名称“{{name}}”不是中文：数据项名称是给人看的标题，请写中文（如“统一社会信用代码”）；物理列名写在字段名称中',
        en: 'the item name "{{name}}" is not Chinese: the item name is the human title and is written in Chinese; the physical column name goes in the field name',
      },
    },
  },
  create(context) {
    return {
      item(item, index) {
        const name = meaningful(context.seeds, item.name);
        if (name && !hasHan(name))
          context.report({ messageId: 'notChinese', field: `/items/${index}/name`, data: { name } });
      },
    };
  },
});
