// code/resource-code-format: 数据资源代码 = classification code + separator + sequence number (from 1).
import { defineRule } from '../../../src/rules/define.js';
import { splitCode } from '../../../src/rules/helpers/codes.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

const DIGITS = /^[0-9]+$/;

export default defineRule({
  meta: {
    id: 'code/resource-code-format',
    category: 'code',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: {
        zh: '资源代码由分类码、分隔符和顺序码组成',
        en: 'resource codes are classification + separator + sequence',
      },
      basis:
        '004_f07732752052f62b.txt 指南 5.3（前段码为分类码，后段码为顺序码）、5.3.2（顺序码不定长度，以 1 为起始、连续的阿拉伯数字）与附录 3',
      recommended: true,
    },
    messages: {
      wrongSeparator: {
        zh: '数据资源代码“{{value}}”用“{{separator}}”分隔，本目录约定的分隔符是“{{expected}}”：请改为“{{suggested}}”；若整个目录都用“{{separator}}”，在配置中设置 codeSeparator',
        en: 'resource code "{{value}}" uses "{{separator}}", but this catalog\'s separator is "{{expected}}": write "{{suggested}}"; if the whole catalog uses "{{separator}}", set codeSeparator in the configuration',
      },
      noSeparatorGuess: {
        zh: '数据资源代码“{{value}}”没有分隔符，看不出分类码和顺序码的分界：按本条的分类应为“{{suggested}}”',
        en: 'resource code "{{value}}" has no separator, so classification and sequence cannot be told apart: given this entry\'s classification it should be "{{suggested}}"',
      },
      noSeparator: {
        zh: '数据资源代码“{{value}}”没有分隔符：应为 分类码 + “{{expected}}” + 顺序码，如 315018001{{expected}}1',
        en: 'resource code "{{value}}" has no separator: write classification + "{{expected}}" + sequence, e.g. 315018001{{expected}}1',
      },
      zeroSequence: {
        zh: '数据资源代码“{{value}}”的顺序码是 0：顺序码从 1 开始',
        en: 'resource code "{{value}}" has sequence number 0: sequence numbers start at 1',
      },
      badPrefix: {
        zh: '数据资源代码“{{value}}”的前段“{{prefix}}”不是分类码：应以类 1、2 或 3 开头，至少 6 位',
        en: 'the first part "{{prefix}}" of resource code "{{value}}" is not a classification code: it starts with class 1, 2 or 3 and has at least 6 digits',
      },
      malformed: {
        zh: '数据资源代码“{{value}}”格式不对：应为 分类码 + “{{expected}}” + 顺序码，如 315018001{{expected}}1',
        en: 'resource code "{{value}}" is malformed: write classification + "{{expected}}" + sequence, e.g. 315018001{{expected}}1',
      },
    },
    supersedes: [
      { keyword: 'pattern', path: '/code' },
      { keyword: 'minLength', path: '/code' },
      { keyword: 'maxLength', path: '/code' },
    ],
  },
  create(context) {
    const expected = context.settings.codeSeparator;
    return {
      entry(entry) {
        const raw = entry.data.code;
        if (typeof raw !== 'string') return;
        const value = meaningful(context.seeds, raw);
        if (!value) return;
        const split = splitCode(value);
        if (!split) {
          if (DIGITS.test(value)) {
            const classification = meaningful(context.seeds, entry.data.classification);
            if (
              classification &&
              DIGITS.test(classification) &&
              value.length > classification.length &&
              value.startsWith(classification)
            ) {
              const suggested = `${classification}${expected}${value.slice(classification.length)}`;
              context.report({ messageId: 'noSeparatorGuess', field: '/code', data: { value, suggested } });
            } else context.report({ messageId: 'noSeparator', field: '/code', data: { value, expected } });
            return;
          }
          context.report({ messageId: 'malformed', field: '/code', data: { value, expected } });
          return;
        }
        if (split.prefix.length < 6 || !'123'.includes(split.prefix[0]!)) {
          context.report({ messageId: 'badPrefix', field: '/code', data: { value, prefix: split.prefix } });
          return;
        }
        if (split.separator !== expected) {
          context.report({
            messageId: 'wrongSeparator',
            field: '/code',
            data: {
              value,
              separator: split.separator,
              expected,
              suggested: `${split.prefix}${expected}${split.sequence}`,
            },
          });
          return;
        }
        if (split.number === 0)
          context.report({ messageId: 'zeroSequence', field: '/code', data: { value } });
      },
    };
  },
});
