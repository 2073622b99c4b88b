// metadata/data-type-length: data types that need a length (C, N) state it, and lengths make sense.
import { both } from '../../../src/i18n/text.js';
import { defineRule } from '../../../src/rules/define.js';
import { formatDataType } from '../../../src/rules/helpers/data-type.js';
import { textOf } from '../../../src/rules/helpers/text.js';
import { isPlaceholder } from '../../../src/rules/helpers/values.js';
import { matchValue } from '../../../src/rules/helpers/vocab-fields.js';

/** The pointer of a data item's type, made only for a finding: most data items have none. */
function typeField(index: number): string {
  return `/items/${index}/type`;
}

export default defineRule({
  meta: {
    id: 'metadata/data-type-length',
    category: 'metadata',
    scope: 'item',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '数据类型标明长度', en: 'data types state their length' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 8.2 项（属于结构化数据的，应标明数据类型及数据长度）；000_828fab9d00fd14b0.txt B2-1 注⑥（可发布目录应提供字段类型、字段长度）',
      recommended: true,
    },
    messages: {
      missingLength: {
        zh: '数据类型“{{value}}”（{{typeLabel}}）没有标明长度：请写成 {{example}} 这样的形式',
        en: 'data type "{{value}}" ({{typeLabel}}) states no length: write it like {{example}}',
      },
      zeroLength: {
        zh: '数据类型“{{value}}”的长度为 0：请填写实际长度',
        en: 'data type "{{value}}" has length 0: give the actual length',
      },
      badScale: {
        zh: '数据类型“{{value}}”的小数位数大于总长度：应为 N(总长度,小数位)，如 N(10,2)',
        en: 'data type "{{value}}" has more decimals than digits: write N(precision,scale), e.g. N(10,2)',
      },
      lengthMismatch: {
        zh: '数据类型“{{value}}”的长度 {{length}} 与字段长度 {{fieldLength}} 不一致：请核对',
        en: 'data type "{{value}}" gives length {{length}} but the field length is {{fieldLength}}: check them',
      },
    },
  },
  create(context) {
    const vocab = context.seeds.vocab('data-type');
    return {
      item(item, index) {
        const text = textOf(item.type);
        if (text === undefined || isPlaceholder(context.seeds, text)) return;
        const { match, dataType } = matchValue(vocab, text);
        if (!match || !dataType) return;
        const term = match.term;
        const fieldLength = typeof item.fieldLength === 'number' ? item.fieldLength : undefined;
        if (term.needsLength && dataType.length === undefined) {
          if (fieldLength !== undefined && fieldLength > 0) return;
          const code = String(term.value);
          context.report({
            messageId: 'missingLength',
            field: typeField(index),
            data: {
              value: text,
              typeLabel: both(term.label ?? code, term.en ?? code),
              example: code === 'N' ? 'N(10,2)' : formatDataType(code, 50),
            },
          });
          return;
        }
        if (dataType.length === 0) {
          context.report({ messageId: 'zeroLength', field: typeField(index), data: { value: text } });
          return;
        }
        if (
          dataType.length !== undefined &&
          dataType.scale !== undefined &&
          dataType.scale > dataType.length
        ) {
          context.report({ messageId: 'badScale', field: typeField(index), data: { value: text } });
          return;
        }
        if (dataType.length !== undefined && fieldLength !== undefined && fieldLength !== dataType.length)
          context.report({
            messageId: 'lengthMismatch',
            field: typeField(index),
            data: { value: text, length: dataType.length, fieldLength },
          });
      },
    };
  },
});
