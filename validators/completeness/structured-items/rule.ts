// completeness/structured-items: structured resources (database, spreadsheet, table, API) carry their data items.
import { defineRule } from '../../../src/rules/define.js';
import { listForMessage } from '../../../src/rules/helpers/text.js';
import { formatProfile } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'completeness/structured-items',
    category: 'completeness',
    scope: 'entry',
    defaultSeverity: 'error',
    kinds: ['shared'],
    docs: {
      title: { zh: '结构化资源须有数据项信息', en: 'structured resources list their data items' },
      basis:
        '004_f07732752052f62b.txt 指南 5.2（8）与附录 1 第 7、8 项（数据库类须明确表结构；数据项信息适用于数据库、电子表格等结构化资源）',
      recommended: true,
    },
    messages: {
      missing: {
        zh: '数据资源格式为“{{formats}}”的结构化资源没有数据项信息：请逐项填写数据项名称和数据类型（如 C(18)）',
        en: 'a structured resource (format {{formats}}) has no data items: list each item with its name and data type (e.g. C(18))',
      },
    },
  },
  create(context) {
    const vocab = context.seeds.vocab('resource-format');
    return {
      entry(entry) {
        const items = entry.data.items;
        if (items !== undefined && (!Array.isArray(items) || items.length > 0)) return;
        const profile = formatProfile(context.seeds, entry);
        if (!profile.structured) return;
        const formats = profile.terms.filter((t) => vocab.isStructured(t)).map((t) => String(t.value));
        context.report({ messageId: 'missing', field: '/items', data: { formats: listForMessage(formats) } });
      },
    };
  },
});
