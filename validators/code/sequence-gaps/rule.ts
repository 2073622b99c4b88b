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
        zh: '分类“{{prefix}}”下，本条的顺序码 {{number}} 之前缺少 {{missing}}（共 {{count}} 个）：顺序码应从 1 起连续；若缺号对应已撤销的资源，可在配置中抑制本警告并写明理由',
        en: 'under classification "{{prefix}}", sequence numbers {{missing}} ({{count}} in all) are missing before this entry\'s {{number}}: they should run from 1 without gaps; if the gaps are withdrawn resources, suppress this warning with a reason',
      },
    },
  },
  create(context) {
    const byPrefix = new Map<string, { number: number; index: number }[]>();
    return {
      entry(entry) {
        const code = meaningful(context.seeds, entry.data.code);
        const split = code ? splitCode(code) : undefined;
        if (!split || !Number.isSafeInteger(split.number)) return;
        const slot = byPrefix.get(split.prefix);
        const item = { number: split.number, index: entry.index };
        if (slot) slot.push(item);
        else byPrefix.set(split.prefix, [item]);
      },
      end() {
        for (const [prefix, list] of byPrefix) {
          list.sort((a, b) => a.number - b.number || a.index - b.index);
          let next = 1;
          for (const { number, index } of list) {
            if (number > next) {
              // The gap is reported on the entry right after it, where an editor sees the jump.
              const shown: number[] = [];
              for (let k = next; k < number && shown.length < SHOWN; k++) shown.push(k);
              context.report({
                messageId: 'gaps',
                entry: index,
                field: '/code',
                data: { prefix, missing: listForMessage(shown, SHOWN), count: number - next, number },
              });
            }
            if (number >= next) next = number + 1;
          }
        }
      },
    };
  },
});
