// dataset/fragmentation: entries of one provider whose names differ only by a year, period, region or department.
import { both } from '../../../src/i18n/text.js';
import { defineRule } from '../../../src/rules/define.js';
import {
  DepartmentSet,
  departmentNames,
  fragmentStem,
  stripGenericSuffixes,
} from '../../../src/rules/helpers/names.js';
import { foldText, listForMessage } from '../../../src/rules/helpers/text.js';
import { meaningful } from '../../../src/rules/helpers/values.js';
import { Repeats } from '../../../src/util/maps.js';

export default defineRule({
  meta: {
    id: 'dataset/fragmentation',
    category: 'dataset',
    scope: 'catalog',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '不是碎片化数据集', en: 'no fragmented data sets' },
      basis:
        '000_828fab9d00fd14b0.txt C2-2、D2-2 扣分项（经抽查发现碎片化数据集的，每个扣0.1分；注①碎片化数据集是指按照时间、行政区域、政府部门等被人为分割的数据集）；002_ff8f7ac047c85c93.txt (四)2（数据碎片化：人为按时间、地区等过度拆分）',
      recommended: true,
    },
    messages: {
      fragmented: {
        zh: '本条与同一提供方的第 {{others}} 条名称只差时间、地区或部门（共 {{count}} 条：{{names}}）：这是被人为拆分的碎片化数据集，请合并为一个资源，用数据项区分年份、地区或部门',
        en: 'this entry and entries {{others}} of the same provider differ only by a time, region or department ({{count}} entries: {{names}}): a fragmented data set; merge them into one resource with items for year, region or department',
      },
    },
  },
  create(context) {
    const { naming, regions } = context.seeds.ruleData;
    const rows: { index: number; name: string; provider: string }[] = [];
    const departments = new DepartmentSet();
    const seenProviders = new Set<string>();
    return {
      entry(entry) {
        const name = meaningful(context.seeds, entry.data.name);
        if (!name) return;
        const provider = meaningful(context.seeds, entry.data.provider) ?? '';
        rows.push({ index: entry.index, name, provider });
        if (provider && !seenProviders.has(provider)) {
          seenProviders.add(provider);
          for (const d of departmentNames(provider, naming, regions)) departments.add(d);
        }
      },
      end() {
        // Stems per provider: a stem met once is a number, not a list (nearly all of them).
        const repeats = new Repeats();
        // A catalog has few providers: each folded once.
        const foldedProviders = new Map<string, string>();
        rows.forEach((row, position) => {
          const stem = fragmentStem(row.name, naming, regions, departments);
          if (stem.length < 2) return;
          let provider = foldedProviders.get(row.provider);
          if (provider === undefined) {
            provider = foldText(row.provider);
            foldedProviders.set(row.provider, provider);
          }
          repeats.add(provider, stem, position);
        });
        for (const positions of repeats.groups()) {
          const members = positions.map((p) => rows[p]!);
          // Identical names are duplicates (naming/duplicate-in-provider), not fragments; so are names that
          // differ only by a generic word (劳务派遣经营许可证 / …信息): no time, region or department tells them apart.
          const plain = new Set(members.map((m) => foldText(stripGenericSuffixes(m.name, naming))));
          if (plain.size < 2) continue;
          const names = both(
            listForMessage(
              members.map((m) => `“${m.name}”`),
              5,
              '、',
            ),
            listForMessage(
              members.map((m) => `"${m.name}"`),
              5,
              ', ',
            ),
          );
          for (const m of members) {
            const others = members.filter((o) => o !== m).map((o) => o.index + 1);
            context.report({
              messageId: 'fragmented',
              entry: m.index,
              field: '/name',
              data: {
                others: both(listForMessage(others, 10, '、'), listForMessage(others, 10, ', ')),
                count: members.length,
                names,
              },
            });
          }
        }
      },
    };
  },
});
