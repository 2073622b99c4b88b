// metadata/orphan-item: rows of a separate data-item sheet whose resource code (or name) matches no entry.
import { defineRule } from '../../../src/rules/define.js';

export default defineRule({
  meta: {
    id: 'metadata/orphan-item',
    category: 'metadata',
    scope: 'catalog',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '数据项找不到所属目录', en: 'data items that belong to no entry' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 8 项（数据项信息逐项描述所属资源的数据项）；000_828fab9d00fd14b0.txt B2-1 注⑥（可发布目录应提供表名称、字段名称等数据项信息）',
      recommended: true,
    },
    messages: {
      unknownCode: {
        zh: '数据项表“{{sheet}}”中有 {{count}} 个数据项的资源代码“{{key}}”在目录中找不到，这些数据项没有挂到任何目录上：请核对资源代码',
        en: '{{count}} data items in sheet "{{sheet}}" carry resource code "{{key}}", which no entry has; they belong to no entry; check the code',
      },
      unknownName: {
        zh: '数据项表“{{sheet}}”中有 {{count}} 个数据项的资源名称“{{key}}”在目录中找不到，这些数据项没有挂到任何目录上：请核对名称',
        en: '{{count}} data items in sheet "{{sheet}}" carry resource name "{{key}}", which no entry has; they belong to no entry; check the name',
      },
      noKey: {
        zh: '数据项表“{{sheet}}”开头有 {{count}} 个数据项没有填写所属资源的代码或名称，没有挂到任何目录上：请补填',
        en: '{{count}} data items at the top of sheet "{{sheet}}" name no resource code or name; they belong to no entry; fill it in',
      },
    },
  },
  // Reported from reader notices (the reader joins the item sheet to the entries).
  create() {
    return {};
  },
});
