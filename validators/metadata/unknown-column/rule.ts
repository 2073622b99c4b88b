// metadata/unknown-column: a column (or XML/JSON key) that maps to no catalog field, reported once; values kept.
import { defineRule } from '../../../src/rules/define.js';

export default defineRule({
  meta: {
    id: 'metadata/unknown-column',
    category: 'metadata',
    scope: 'catalog',
    defaultSeverity: 'info',
    docs: {
      title: { zh: '无法识别的列', en: 'column that maps to no field' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1（元数据说明，13 项核心元数据）与附录 2（政务数据资源目录模板表头）',
      recommended: true,
    },
    messages: {
      unknown: {
        zh: '第 {{column}} 列“{{header}}”不是可识别的目录字段，其值已原样保留在“其他列”中：如果它是某个字段的别称，请在配置的 aliases 中加入',
        en: 'column {{column}} "{{header}}" maps to no catalog field; its values are kept as they are under "other columns"; if it is another name for a field, add it to the aliases in the configuration',
      },
      unknownInItems: {
        zh: '数据项表第 {{column}} 列“{{header}}”不是可识别的数据项字段，其值未读取：如果它是某个字段的别称，请在配置的 aliases 中加入',
        en: 'column {{column}} "{{header}}" of the data-item sheet maps to no data-item field and was not read; if it is another name for a field, add it to the aliases in the configuration',
      },
      duplicate: {
        zh: '第 {{column}} 列“{{header}}”与前面的列对应同一字段，只读取前一列；本列的值保留在“其他列”中，请删除重复的列',
        en: 'column {{column}} "{{header}}" names the same field as an earlier column; only the earlier one is read and this one is kept under "other columns"; remove the duplicate column',
      },
      unnamed: {
        zh: '第 {{column}} 列有数据但没有列名，其值保留在“其他列”中：请补上列名或删除该列',
        en: 'column {{column}} holds data but has no header; its values are kept under "other columns"; add a header or remove the column',
      },
      unknownKey: {
        zh: '“{{header}}”不是可识别的目录字段，其值已原样保留在“其他列”中：如果它是某个字段的别称，请在配置的 aliases 中加入',
        en: '"{{header}}" maps to no catalog field; its values are kept as they are under "other columns"; if it is another name for a field, add it to the aliases in the configuration',
      },
      duplicateKey: {
        zh: '“{{header}}”与前面的“{{first}}”对应同一字段，只读取前者；“{{header}}”的值保留在“其他列”中',
        en: '"{{header}}" names the same field as "{{first}}" before it; only "{{first}}" is read and the values of "{{header}}" are kept under "other columns"',
      },
      unknownItemKey: {
        zh: '数据项中的“{{header}}”不是可识别的数据项字段，其值未读取：如果它是某个字段的别称，请在配置的 aliases 中加入',
        en: '"{{header}}" inside data items maps to no data-item field and was not read; if it is another name for a field, add it to the aliases in the configuration',
      },
    },
  },
  // Reported from reader notices (the reader sees the columns); nothing to check per entry.
  create() {
    return {};
  },
});
