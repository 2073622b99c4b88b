// metadata/template-version: the workbook was made from an older govcat init template than seeds/template.json.
import { defineRule } from '../../../src/rules/define.js';

export default defineRule({
  meta: {
    id: 'metadata/template-version',
    category: 'metadata',
    scope: 'catalog',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '模板是最新版本', en: 'the template is the current version' },
      basis:
        'seeds/template.json（模板版本、下拉列表与文本格式列）；004_f07732752052f62b.txt 指南附录 2（目录模板）',
      recommended: true,
    },
    messages: {
      outdated: {
        zh: '本工作簿由第 {{version}} 版 govcat 模板生成，当前为第 {{current}} 版（下拉列表或填写要求已更新）：请运行 govcat init 生成新模板，把目录复制过去',
        en: 'this workbook was made from govcat template version {{version}}; the current version is {{current}} (dropdown lists or rules changed): run govcat init for a new template and copy the entries over',
      },
    },
  },
  // Reported from reader notices: the xlsx reader reads the version from the workbook properties.
  create() {
    return {};
  },
});
