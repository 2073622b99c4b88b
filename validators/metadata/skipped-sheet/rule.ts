// metadata/skipped-sheet: a non-empty sheet without a catalog header, which was therefore not read.
import { defineRule } from '../../../src/rules/define.js';

export default defineRule({
  meta: {
    id: 'metadata/skipped-sheet',
    category: 'metadata',
    scope: 'catalog',
    defaultSeverity: 'info',
    docs: {
      title: { zh: '未读取的工作表', en: 'sheet that was not read' },
      basis: '004_f07732752052f62b.txt 指南附录 2（政务数据资源目录模板的表头）',
      recommended: true,
    },
    messages: {
      noHeader: {
        zh: '工作表“{{sheet}}”有内容，但找不到目录表头，未读取：如果其中有目录，请按模板补上表头',
        en: 'sheet "{{sheet}}" has content but no catalog header and was not read; if it holds entries, give it the template header',
      },
    },
  },
  // Reported from reader notices.
  create() {
    return {};
  },
});
