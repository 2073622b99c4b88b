// naming/no-time-fragment: a name carries no year, quarter, month or date (“2019年…”, “…第一季度”).
import { defineRule } from '../../../src/rules/define.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'naming/no-time-fragment',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '名称不含时间片段', en: 'names carry no time fragment' },
      basis:
        '002_ff8f7ac047c85c93.txt (四)2（数据碎片化：人为按时间过度拆分；仅提供部分时段数据）；000_828fab9d00fd14b0.txt C2-1 ①、D2-1 ①（目录命名规范合格率）；004_f07732752052f62b.txt 指南附录 1 第 2 项（名称缩略描述资源内容）',
      recommended: true,
    },
    messages: {
      timeFragment: {
        zh: '名称“{{name}}”含有{{kind}}“{{fragment}}”：同一资源不应按时间拆成多条目录，请去掉时间，用数据项中的日期字段区分各期数据',
        en: 'the name "{{name}}" contains a {{kind}} ("{{fragment}}"): one resource is not split by time into several entries; drop it and distinguish periods by a date item',
      },
    },
  },
  create(context) {
    const patterns = context.seeds.ruleData.naming.timeFragments;
    return {
      entry(entry) {
        const name = meaningful(context.seeds, entry.data.name);
        if (!name) return;
        for (const p of patterns) {
          const m = p.re.exec(name);
          if (!m) continue;
          context.report({
            messageId: 'timeFragment',
            field: '/name',
            data: { name, fragment: m[0], kind: p.label[context.lang] },
          });
          return;
        }
      },
    };
  },
});
