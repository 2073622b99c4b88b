// naming/no-time-fragment: a name carries no year, quarter, month or date (“2019年…”, “…第一季度”); a warning
// that asks whether the resource was split by time (a time series such as “1978年以来” is no fragment).
import { both } from '../../../src/i18n/text.js';
import { defineRule } from '../../../src/rules/define.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'naming/no-time-fragment',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '名称不含时间片段', en: 'names carry no time fragment' },
      basis:
        '002_ff8f7ac047c85c93.txt (四)2（数据碎片化：人为按时间过度拆分；仅提供部分时段数据）；000_828fab9d00fd14b0.txt C2-1 ①、D2-1 ①（目录命名规范合格率）；004_f07732752052f62b.txt 指南附录 1 第 2 项（名称缩略描述资源内容）',
      recommended: true,
    },
    messages: {
      timeFragment: {
        zh: '名称“{{name}}”含有{{kind}}“{{fragment}}”，这条目录只有一个时段的数据：请核对同一资源是否按时间拆成了多条目录（或只提供了部分时段）；是的话合并为一条，去掉名称中的时间，用数据项中的日期字段区分各期',
        en: 'the name "{{name}}" contains a {{kind}} ("{{fragment}}"), so the entry holds one period: check whether the resource was split by time into several entries (or covers only part of the time); if so, merge them, drop the time from the name and tell periods apart by a date item',
      },
    },
  },
  create(context) {
    const {
      timeFragments: patterns,
      timeSeries,
      anyTimeFragment,
      anyTimeSeries,
    } = context.seeds.ruleData.naming;
    return {
      entry(entry) {
        const name = meaningful(context.seeds, entry.data.name);
        if (!name) return;
        // A series (1978年以来, 1993-2021年) covers many periods: it is no fragment of one.
        let text = name;
        // Most names hold no time at all: one scan says so before each pattern is tried.
        if (anyTimeSeries?.test(text) !== false)
          for (const s of timeSeries) text = text.replace(s.global, ' ');
        if (anyTimeFragment?.test(text) === false) return;
        for (const p of patterns) {
          const m = p.re.exec(text);
          if (!m) continue;
          context.report({
            messageId: 'timeFragment',
            field: '/name',
            data: { name, fragment: m[0], kind: both(p.label.zh, p.label.en) },
          });
          return;
        }
      },
    };
  },
});
