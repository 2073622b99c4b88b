// classification/share-method-format: 共享方式 fits 数据资源格式 (interfaces and table exchange need structured data).
import { defineRule } from '../../../src/rules/define.js';
import { listForMessage } from '../../../src/rules/helpers/text.js';
import { formatProfile, sharedMethodOf } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'classification/share-method-format',
    category: 'classification',
    scope: 'entry',
    defaultSeverity: 'error',
    kinds: ['shared'],
    docs: {
      title: { zh: '共享方式与资源格式一致', en: 'the sharing method fits the format' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 7 项（数据资源格式）与第 9.3 项（共享方式）；第三十四条（三）（挂载资源主要通过库表交换、文件交换、服务接口方式）；spec §4.4（共享方式与格式一致）',
      recommended: true,
    },
    messages: {
      needsStructured: {
        zh: '共享方式“{{method}}”是接口或库表交换，但数据资源格式只有 {{formats}} 等非结构化格式：接口和库表只能提供结构化数据，请核对格式或改为文件交换',
        en: 'the sharing method "{{method}}" is an API or table exchange but every format is unstructured ({{formats}}): APIs and tables carry structured data only; check the format or use file exchange',
      },
      apiOffline: {
        zh: '数据资源格式是接口，共享方式却是“{{method}}”这样的线下方式：接口资源应通过共享平台调用，请核对',
        en: 'the resource is an API but the sharing method "{{method}}" is offline: an API is called through the sharing platform; check it',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        const shared = sharedMethodOf(context.seeds, entry.data);
        if (!shared) return;
        const { method, kinds } = shared;
        const profile = formatProfile(context.seeds, entry);
        if ((kinds.has('api') || kinds.has('table')) && profile.unstructuredOnly) {
          context.report({
            messageId: 'needsStructured',
            field: '/share/method',
            data: { method, formats: listForMessage(profile.terms.map((t) => String(t.value))) },
          });
          return;
        }
        if (profile.groups.has('api') && kinds.has('offline') && !kinds.has('platform') && !kinds.has('api'))
          context.report({ messageId: 'apiOffline', field: '/share/method', data: { method } });
      },
    };
  },
});
