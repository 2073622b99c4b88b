// code/classification-format: 数据资源分类 is 类 (1/2/3) + 项 (2 digits) + 目 (3 digits) + 细目 (digits).
import { both, list, type TextArg } from '../../../src/i18n/text.js';
import { defineRule } from '../../../src/rules/define.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

const DIGITS = /^[0-9]+$/;
const WITH_SEPARATORS = /^[0-9]+(?:[\s./_\-、]+[0-9]+)+$/;

export default defineRule({
  meta: {
    id: 'code/classification-format',
    category: 'code',
    scope: 'entry',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: { zh: '数据资源分类码格式正确', en: 'classification codes are well-formed' },
      basis:
        '004_f07732752052f62b.txt 指南 5.3.1（类 1 位：1 基础、2 主题、3 部门；项 2 位；目 3 位；细目不定长度）与附录 1 第 1 项、附录 3',
      recommended: true,
    },
    messages: {
      badClass: {
        zh: '数据资源分类“{{value}}”的第 1 位（类）是“{{first}}”：类只能是 {{classes}}',
        en: 'classification "{{value}}" starts with class "{{first}}": the class must be {{classes}}',
      },
      tooShort: {
        zh: '数据资源分类“{{value}}”只有 {{length}} 位：至少应有 类 1 位 + 项 2 位 + 目 3 位 = 6 位，细目另加',
        en: 'classification "{{value}}" has only {{length}} digits: class (1) + item (2) + category (3) make at least 6, plus the sub-category',
      },
      separators: {
        zh: '数据资源分类“{{value}}”的各级之间有分隔符：分类码是连续的数字，应为“{{digits}}”',
        en: 'classification "{{value}}" has separators between its levels: the code is one run of digits, "{{digits}}"',
      },
      malformed: {
        zh: '数据资源分类“{{value}}”不是分类码：应为数字，类 1 位 + 项 2 位 + 目 3 位 + 细目，如 315018001',
        en: 'classification "{{value}}" is not a classification code: digits, class (1) + item (2) + category (3) + sub-category, e.g. 315018001',
      },
    },
    supersedes: [
      { keyword: 'pattern', path: '/classification' },
      { keyword: 'minLength', path: '/classification' },
    ],
  },
  create(context) {
    const classes = new Map<string, { zh: string; en: string }>();
    for (const tree of context.seeds.classification.values())
      for (const c of tree.classes)
        if (c.code && !classes.has(c.code)) classes.set(c.code, { zh: c.label, en: c.en ?? c.label });
    const classList = list(
      [...classes].map(([code, label]) => both(`${code}（${label.zh}）`, `${code} (${label.en})`)),
    );
    /** The first problem of a digit string, or undefined. */
    const problemOf = (
      digits: string,
    ): { messageId: 'badClass' | 'tooShort'; data: Record<string, TextArg> } | undefined => {
      if (!classes.has(digits[0]!))
        return { messageId: 'badClass', data: { first: digits[0]!, classes: classList } };
      if (digits.length < 6) return { messageId: 'tooShort', data: { length: digits.length } };
      return undefined;
    };
    return {
      entry(entry) {
        const raw = entry.data.classification;
        if (typeof raw !== 'string') return;
        const value = meaningful(context.seeds, raw);
        if (!value) return;
        if (DIGITS.test(value)) {
          const problem = problemOf(value);
          if (problem)
            context.report({
              messageId: problem.messageId,
              field: '/classification',
              data: { value, ...problem.data },
            });
          return;
        }
        if (WITH_SEPARATORS.test(value)) {
          const digits = value.replace(/[^0-9]/g, '');
          if (!problemOf(digits)) {
            context.report({
              messageId: 'separators',
              field: '/classification',
              data: { value, digits },
              fix: { from: raw, to: digits },
            });
            return;
          }
        }
        context.report({ messageId: 'malformed', field: '/classification', data: { value } });
      },
    };
  },
});
