// code/sequence-gaps: sequence numbers within one classification prefix start at 1 and have no gaps.
import { defineRule } from '../../../src/rules/define.js';
import { splitCode } from '../../../src/rules/helpers/codes.js';
import { listForMessage } from '../../../src/rules/helpers/text.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

const SHOWN = 10;

export default defineRule({
  meta: {
    id: 'code/sequence-gaps',
    category: 'code',
    scope: 'catalog',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '顺序码从 1 起连续', en: 'sequence numbers start at 1 without gaps' },
      basis: '004_f07732752052f62b.txt 指南 5.3.2（顺序码原则上以 1 为起始、连续的阿拉伯数字）',
      recommended: true,
    },
    messages: {
      gaps: {
        zh: '分类“{{prefix}}”下的顺序码缺少 {{missing}}（共缺 {{count}} 个，最大为 {{max}}）：顺序码应从 1 起连续；若缺号对应已撤销的资源，可在配置中抑制本警告并写明理由',
        en: 'sequence numbers under classification "{{prefix}}" miss {{missing}} ({{count}} missing, highest {{max}}): they should run from 1 without gaps; if the gaps are withdrawn resources, suppress this warning with a reason',
      },
    },
  },
  create(context) {
    const byPrefix = new Map<string, { first: number; numbers: number[] }>();
    return {
      entry(entry) {
        const code = meaningful(context.seeds, entry.data.code);
        const split = code ? splitCode(code) : undefined;
        if (!split || !Number.isSafeInteger(split.number)) return;
        const slot = byPrefix.get(split.prefix);
        if (slot) slot.numbers.push(split.number);
        else byPrefix.set(split.prefix, { first: entry.index, numbers: [split.number] });
      },
      end() {
        for (const [prefix, { first, numbers }] of byPrefix) {
          numbers.sort((a, b) => a - b);
          const shown: number[] = [];
          let count = 0;
          let next = 1;
          for (const n of numbers) {
            if (n > next) {
              count += n - next;
              for (let k = next; k < n && shown.length < SHOWN; k++) shown.push(k);
            }
            if (n >= next) next = n + 1;
          }
          if (count === 0) continue;
          context.report({
            messageId: 'gaps',
            entry: first,
            field: '/code',
            data: { prefix, missing: listForMessage(shown, SHOWN), count, max: numbers[numbers.length - 1]! },
          });
        }
      },
    };
  },
});
