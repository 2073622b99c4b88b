// metadata/vocabulary: 共享类型, 是否向社会开放, 开放类型, 更新周期, 数据资源格式 and 数据类型 take values from their vocabularies.
import { defineRule } from '../../../src/rules/define.js';
import { labelFor } from '../../../src/rules/helpers/labels.js';
import {
  allowedValues,
  DATA_TYPE_VOCABULARY,
  reportableVocabularyValues,
} from '../../../src/rules/helpers/vocab-fields.js';

export default defineRule({
  meta: {
    id: 'metadata/vocabulary',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '取值在词表范围内', en: 'values come from their vocabularies' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 7 项（数据资源格式）、第 8.2 项（数据类型 C/N/Y/D/T/L/M/G/B/I/F）、第 9.1 项（共享类型 1/2/3）、第 10.1 项（是否向社会开放 1/0）、第 11 项（更新周期）',
      recommended: true,
    },
    messages: {
      unknown: {
        zh: '“{{label}}”的值“{{value}}”不在取值范围内：应为 {{allowed}}',
        en: '"{{label}}" value "{{value}}" is not allowed: use one of {{allowed}}',
      },
      malformedType: {
        zh: '数据类型“{{value}}”写法不对：应为 类型代码 或 类型代码(长度)，如 C(18)、N(10,2)、D',
        en: 'data type "{{value}}" is malformed: write a type code with an optional length, e.g. C(18), N(10,2), D',
      },
    },
    supersedes: [
      { keyword: 'type', path: '/share/type' },
      { keyword: 'enum', path: '/share/type' },
      { keyword: 'type', path: '/open/open' },
      { keyword: 'enum', path: '/open/open' },
    ],
  },
  create(context) {
    return {
      entry(entry) {
        for (const v of reportableVocabularyValues(context.seeds, entry)) {
          if (v.match) continue;
          if (v.vocab.id === DATA_TYPE_VOCABULARY && v.malformed) {
            context.report({ messageId: 'malformedType', field: v.pointer, data: { value: v.text } });
            continue;
          }
          context.report({
            messageId: 'unknown',
            field: v.pointer,
            data: {
              label: labelFor(v.pointer),
              value: v.text,
              allowed: allowedValues(v.vocab),
            },
          });
        }
      },
    };
  },
});
