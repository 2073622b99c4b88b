// classification/refused-not-open: a resource not shared between departments is not opened to the public.
import { defineRule } from '../../../src/rules/define.js';
import { openFlagOf, shareTypeOf } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'classification/refused-not-open',
    category: 'classification',
    scope: 'entry',
    defaultSeverity: 'error',
    kinds: ['shared'],
    docs: {
      title: { zh: '不予共享的资源不向社会开放', en: 'resources not shared are not opened to the public' },
      basis:
        '004_f07732752052f62b.txt 指南 5.1.3（不宜提供给其他部门共享使用的资源属于不予共享类）与附录 1 第 9.1、10.1 项；spec §4.4（是否向社会开放为 1 而共享类型为 3 是矛盾）',
      recommended: true,
    },
    messages: {
      refusedButOpen: {
        zh: '共享类型为 3（不予共享）却向社会开放（是否向社会开放为 1）：不能提供给其他部门的资源更不能向社会开放，请核对共享类型或开放属性',
        en: 'the resource is not shared (type 3) yet open to the public (1): what other departments may not use cannot be open to everyone; check the sharing type or the open flag',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        if (shareTypeOf(context.seeds, entry.data) === 3 && openFlagOf(context.seeds, entry.data) === 1)
          context.report({ messageId: 'refusedButOpen', field: '/open/open' });
      },
    };
  },
});
