// dataset/stale-update: an entry whose last update is older than its own 更新周期 allows (with a tolerance).
import { defineRule } from '../../../src/rules/define.js';
import { dayNumber, isoDay, staleness } from '../../../src/rules/helpers/staleness.js';

interface Options {
  graceDays: number;
}

export default defineRule<Options>()({
  meta: {
    id: 'dataset/stale-update',
    category: 'dataset',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '按承诺的周期更新', en: 'updated on the promised cycle' },
      basis:
        '002_ff8f7ac047c85c93.txt (四)4（数据时效性清理：未按承诺的周期时限进行更新，导致数据的时效性滞后）；000_828fab9d00fd14b0.txt C2-4（数据更新率：按时更新的次数 / 应更新的次数）、D2-4（按承诺更新周期更新的数据集占比率）；容许期依 004_f07732752052f62b.txt 指南 6.2.10（15 个工作日内更新）',
      recommended: true,
    },
    messages: {
      stale: {
        zh: '按“{{cycle}}”更新，最近一次更新在 {{last}}，应在 {{due}} 前再次更新，已超过 {{overdue}} 天（另容许 {{grace}} 天）：请按承诺的周期更新数据，或把更新周期改为实际的周期',
        en: 'updated "{{cycle}}", last on {{last}}: it fell due on {{due}} and is {{overdue}} days overdue (beyond {{grace}} days of tolerance); update the data on its promised cycle, or state the actual cycle',
      },
    },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['graceDays'],
      properties: {
        graceDays: {
          type: 'integer',
          minimum: 0,
          description: '一个周期之后再容许的天数（不超过一个周期）',
        },
      },
    },
  },
  create(context) {
    const today = dayNumber(context.settings.today);
    return {
      entry(entry) {
        if (today === undefined) return;
        const s = staleness(context.seeds, entry.data, today, context.options.graceDays);
        if (!s?.stale) return;
        context.report({
          messageId: 'stale',
          field: '/updateDate',
          data: {
            cycle: s.cycle,
            last: isoDay(s.last),
            due: isoDay(s.due),
            overdue: today - s.due,
            grace: s.grace,
          },
        });
      },
    };
  },
});
