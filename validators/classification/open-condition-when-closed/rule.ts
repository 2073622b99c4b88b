// classification/open-condition-when-closed: 开放条件 is only given when the resource is open to the public.
import { defineRule } from '../../../src/rules/define.js';
import { meaningful, openFlagOf } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'classification/open-condition-when-closed',
    category: 'classification',
    scope: 'entry',
    defaultSeverity: 'warning',
    // Every entry of an open catalog is open to the public: there is no closed entry to check.
    kinds: ['shared'],
    docs: {
      title: { zh: '不开放时不填开放条件', en: 'no open condition when not open' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 10.2 项（当“是否向社会开放”取值为 1 时，描述开放条件）；spec §4.4（开放条件只在取值为 1 时有意义）',
      recommended: true,
    },
    messages: {
      conditionWhenClosed: {
        zh: '是否向社会开放为 0（否），却填写了开放条件“{{condition}}”：开放条件只在开放时填写；若资源确实开放，请把是否向社会开放改为 1',
        en: 'the resource is not open (0) but has the open condition "{{condition}}": it is only given for open resources; if the resource is open, set the flag to 1',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        if (openFlagOf(context.seeds, entry.data) !== 0) return;
        const condition = meaningful(context.seeds, entry.data.open?.condition);
        if (condition)
          context.report({ messageId: 'conditionWhenClosed', field: '/open/condition', data: { condition } });
      },
    };
  },
});
