// metadata/summary-informative: 数据资源摘要 says more than the name, and is long enough to say something.
import { defineRule } from '../../../src/rules/define.js';
import { charCount, foldText } from '../../../src/rules/helpers/text.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

interface Options {
  minLength: number;
  minExtra: number;
}

/** Separators between the items of a list of key fields (序号,船号,职务 / 名称 地址 统计日期). */
const LIST_SEPARATOR = /[、,，;；\s]+/u;

/** The key fields a summary lists beyond the name (“…名单、姓名、职称等”): two or more short items. */
function listsFields(text: string): boolean {
  const items = text.split(LIST_SEPARATOR).filter((t) => t !== '' && t !== '等');
  return items.length >= 2 && items.every((t) => t.length <= 15);
}

export default defineRule<Options>()({
  meta: {
    id: 'metadata/summary-informative',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '摘要不是名称的复述', en: 'the summary says more than the name' },
      basis:
        '004_f07732752052f62b.txt 指南 5.2（6）与附录 1 第 6 项（摘要是对资源内容或关键字段的概要描述）；002_ff8f7ac047c85c93.txt (四)1（内容描述不清晰）；spec §1.1（开放目录中摘要与标题相同很常见）',
      recommended: true,
    },
    messages: {
      copiesName: {
        zh: '摘要“{{summary}}”只是重复了名称“{{name}}”：请概述资源包含的内容或关键字段（如 统一社会信用代码、名称、登记日期）',
        en: 'the summary "{{summary}}" only repeats the name "{{name}}": describe the content or key fields',
      },
      tooShort: {
        zh: '摘要“{{summary}}”只有 {{length}} 个字，说明不了资源内容：请至少写 {{min}} 个字，概述内容或关键字段',
        en: 'the summary "{{summary}}" has only {{length}} characters: write at least {{min}}, describing the content or key fields',
      },
    },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['minLength', 'minExtra'],
      properties: {
        minLength: { type: 'integer', minimum: 1, description: '摘要最少字数（去掉空白和标点后）' },
        minExtra: { type: 'integer', minimum: 0, description: '摘要包含名称时，至少还要多写的字数' },
      },
    },
  },
  create(context) {
    const { minLength, minExtra } = context.options;
    return {
      entry(entry) {
        const summary = meaningful(context.seeds, entry.data.summary);
        if (!summary) return;
        const s = foldText(summary);
        const name = meaningful(context.seeds, entry.data.name);
        const n = name ? foldText(name) : '';
        // Key fields listed after the name describe the content (摘要 “名单、姓名、职称等”), however short;
        // worked out only when the summary would otherwise be reported.
        let fields: boolean | undefined;
        const listsKeyFields = () => {
          fields ??= listsFields(name ? summary.replace(name, '') : summary);
          return fields;
        };
        if (
          n &&
          (s === n || (s.includes(n) && charCount(s) - charCount(n) < minExtra && !listsKeyFields()))
        ) {
          context.report({ messageId: 'copiesName', field: '/summary', data: { summary, name: name! } });
          return;
        }
        const length = charCount(s);
        if (length < minLength && !listsKeyFields())
          context.report({
            messageId: 'tooShort',
            field: '/summary',
            data: { summary, length, min: minLength },
          });
      },
    };
  },
});
