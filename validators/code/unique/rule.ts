// code/unique: 数据资源代码 must be unique within the catalog.
import { defineRule } from '../../../src/rules/define.js';
import { Repeats } from '../../../src/util/maps.js';

export default defineRule({
  meta: {
    id: 'code/unique',
    category: 'code',
    scope: 'catalog',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '资源代码在目录内唯一', en: 'resource codes are unique in the catalog' },
      basis: '004_f07732752052f62b.txt 指南 5.2（3）“政务数据资源唯一不变的标识代码”与附录 1 第 3 项',
      recommended: true,
    },
    messages: {
      duplicate: {
        zh: '数据资源代码“{{code}}”与第 {{others}} 条目录重复：代码必须唯一，请为其中一条重新编码（或用 govcat compile 生成）',
        en: 'resource code "{{code}}" is also used by entry {{others}}: codes must be unique; recode one of them (or let govcat compile assign one)',
      },
    },
  },
  create(context) {
    // A code met once is a number, not a list (nearly all of them).
    const repeats = new Repeats();
    return {
      entry(entry) {
        if (!entry.code) return;
        repeats.add('', entry.code, entry.index);
      },
      end() {
        for (const indexes of repeats.groups()) {
          const code = context.entries[indexes[0]!]!.code!;
          for (const index of indexes) {
            const others = indexes
              .filter((i) => i !== index)
              .map((i) => i + 1)
              .join('、');
            context.report({ messageId: 'duplicate', entry: index, field: '/code', data: { code, others } });
          }
        }
      },
    };
  },
});
