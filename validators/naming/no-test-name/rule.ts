// naming/no-test-name: no test, sample or untitled names (测试数据1, 新建目录, 未命名).
import { both } from '../../../src/i18n/text.js';
import { defineRule } from '../../../src/rules/define.js';
import { isPlaceholder, meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'naming/no-test-name',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '不是测试或未命名的名称', en: 'no test or untitled names' },
      basis:
        '000_828fab9d00fd14b0.txt C2-1 ①、D2-1 ①（目录命名规范合格率）与 B2-1 注⑥（目录必须准确、规范发布）；spec §4.1（占位或测试名称）',
      recommended: true,
    },
    messages: {
      testName: {
        zh: '名称“{{name}}”是{{kind}}的名称：测试或未完成的目录不应发布，请改为描述资源内容的正式名称或删除该条',
        en: 'the name "{{name}}" is {{kind}}: test or unfinished entries are not published; give the real name or remove the entry',
      },
    },
  },
  create(context) {
    const patterns = context.seeds.ruleData.naming.testNames;
    return {
      entry(entry) {
        // An exact placeholder (测试, 无) is an empty name: completeness/placeholder-value reports it.
        if (isPlaceholder(context.seeds, entry.data.name)) return;
        const name = meaningful(context.seeds, entry.data.name);
        if (!name) return;
        const hit = patterns.find((p) => p.re.test(name));
        if (hit)
          context.report({
            messageId: 'testName',
            field: '/name',
            data: { name, kind: both(hit.label.zh, hit.label.en) },
          });
      },
    };
  },
});
