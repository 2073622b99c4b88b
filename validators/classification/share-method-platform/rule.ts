// classification/share-method-platform: resources are shared through the sharing platform in principle.
import { defineRule } from '../../../src/rules/define.js';
import { sharedMethodOf } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'classification/share-method-platform',
    category: 'classification',
    scope: 'entry',
    defaultSeverity: 'warning',
    kinds: ['shared'],
    docs: {
      title: { zh: '原则上通过共享平台共享', en: 'sharing goes through the platform in principle' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 9.3 项（原则上应通过共享平台方式获取；确因条件所限可采用邮件、拷盘、介质交换等方式）与细则第二十条（二）（原则上通过自治区数据共享交换平台共享交换）',
      recommended: true,
    },
    messages: {
      offline: {
        zh: '共享方式“{{method}}”是线下方式：原则上应通过数据共享交换平台共享（服务接口、库表交换或文件交换）；确因条件所限的，请在共享条件中说明原因',
        en: 'the sharing method "{{method}}" is offline: sharing goes through the data sharing platform in principle (API, table or file exchange); if conditions really require it, say why in the condition',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        const shared = sharedMethodOf(context.seeds, entry.data);
        if (!shared) return;
        const { method, kinds } = shared;
        if (kinds.has('offline') && !kinds.has('platform') && !kinds.has('api') && !kinds.has('table'))
          context.report({ messageId: 'offline', field: '/share/method', data: { method } });
      },
    };
  },
});
