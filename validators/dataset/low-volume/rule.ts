// dataset/low-volume: a stated record count (数据量) of 10 or fewer marks a low-volume data set.
import { defineRule } from '../../../src/rules/define.js';

interface Options {
  threshold: number;
}

export default defineRule<Options>()({
  meta: {
    id: 'dataset/low-volume',
    category: 'dataset',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '不是低容量数据集', en: 'no low-volume data sets' },
      basis:
        '000_828fab9d00fd14b0.txt C1-1 扣分项注①、D1-1 扣分项注①（低容量数据集是指数据条数不超过 10 条的数据量；经抽查发现的每个扣分）；002_ff8f7ac047c85c93.txt (四)2（数据容量低）',
      recommended: true,
    },
    messages: {
      lowVolume: {
        zh: '数据量只有 {{count}} 条（不超过 {{threshold}} 条即为低容量数据集，考核扣分）：请挂载全量数据，或与同类资源合并',
        en: 'the data set has only {{count}} records ({{threshold}} or fewer is a low-volume data set, which the assessment penalizes): publish the full data or merge it with its siblings',
      },
    },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['threshold'],
      properties: { threshold: { type: 'integer', minimum: 0, description: '数据条数不超过此值即为低容量' } },
    },
  },
  create(context) {
    return {
      entry(entry) {
        const raw = entry.data.recordCount;
        const count =
          typeof raw === 'number'
            ? raw
            : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)
              ? Number(raw)
              : undefined;
        if (count === undefined || count > context.options.threshold) return;
        context.report({
          messageId: 'lowVolume',
          field: '/recordCount',
          data: { count, threshold: context.options.threshold },
        });
      },
    };
  },
});
