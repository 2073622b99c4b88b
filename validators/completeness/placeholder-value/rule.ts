// completeness/placeholder-value: a required field filled with a placeholder (无, 暂无, /, -, 空, N/A, 测试 …) is empty.
import { defineRule } from '../../../src/rules/define.js';
import { labelFor } from '../../../src/rules/helpers/labels.js';
import { textOf } from '../../../src/rules/helpers/text.js';
import { isPlaceholder, shareTypeOf } from '../../../src/rules/helpers/values.js';
import { getSchema, SCHEMA_IDS } from '../../../src/schema/ajv.js';

/** Top-level required fields of each kind, read from the schemas (shared-entry, open-entry). */
function requiredOf(id: string): string[] {
  return ((getSchema(id).required as string[] | undefined) ?? []).filter((f) => f !== 'open');
}

export default defineRule({
  meta: {
    id: 'completeness/placeholder-value',
    category: 'completeness',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '必填项不能用占位词充数', en: 'required fields are not filled with placeholders' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1（各项“必选项”）；000_828fab9d00fd14b0.txt C2-2 ③、D2-2 ③（元数据信息完整性）；spec §4.2（无、暂无、/、-、空、N/A 不算填写）',
      recommended: true,
    },
    messages: {
      placeholder: {
        zh: '“{{label}}”填的是“{{value}}”，等于没有填写：请填写实际内容',
        en: '"{{label}}" holds the placeholder "{{value}}", which counts as empty: fill in the actual content',
      },
    },
  },
  create(context) {
    const required = requiredOf(context.kind === 'shared' ? SCHEMA_IDS.sharedEntry : SCHEMA_IDS.openEntry);
    const report = (field: string, value: unknown) =>
      context.report({
        messageId: 'placeholder',
        field,
        data: { label: labelFor(field), value: textOf(value) ?? '' },
        replacesSchema: true,
      });
    return {
      entry(entry) {
        const data = entry.data as Record<string, unknown>;
        for (const key of required) {
          const value = data[key];
          if (key === 'share') {
            const share = entry.data.share;
            if (!share || typeof share !== 'object') continue;
            if (isPlaceholder(context.seeds, share.condition)) report('/share/condition', share.condition);
            const type = shareTypeOf(context.seeds, entry.data);
            if ((type === 1 || type === 2) && isPlaceholder(context.seeds, share.method))
              report('/share/method', share.method);
          } else if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++)
              if (isPlaceholder(context.seeds, value[i])) report(`/${key}/${i}`, value[i]);
          } else if (isPlaceholder(context.seeds, value)) report(`/${key}`, value);
        }
      },
      item(item, index) {
        if (isPlaceholder(context.seeds, item.type)) report(`/items/${index}/type`, item.type);
      },
    };
  },
});
