// metadata/provider-code-check: 数据资源提供方代码 is an 18-character unified social credit code with a valid check character.
import { defineRule } from '../../../src/rules/define.js';
import { charCount } from '../../../src/rules/helpers/text.js';
import { checkUscc, USCC_CHARSET } from '../../../src/rules/helpers/uscc.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

const CHARSET = new Set(USCC_CHARSET);
// An old organization code (组织机构代码, GB 11714): 8 characters, optional hyphen, check character.
/** Whether every UTF-16 unit of the text is one of the characters (a surrogate never is). */
function allIn(text: string, chars: ReadonlySet<string>): boolean {
  for (let i = 0; i < text.length; i++) if (!chars.has(text[i]!)) return false;
  return true;
}

const ORG_CODE = /^[0-9A-Z]{8}-?[0-9X]$/;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E\+?\d+$/i;

export default defineRule({
  meta: {
    id: 'metadata/provider-code-check',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: {
        zh: '提供方代码是有效的统一社会信用代码',
        en: 'provider code is a valid unified social credit code',
      },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 5 项（采用法人和其他组织统一社会信用代码）；GB 32100-2015 第 4、5 章',
      recommended: true,
    },
    messages: {
      badCheck: {
        zh: '数据资源提供方代码“{{code}}”的校验位应为“{{expected}}”而不是“{{actual}}”：代码可能抄错，请核对该部门的统一社会信用代码',
        en: 'provider code "{{code}}" should end in check character "{{expected}}", not "{{actual}}": the code is probably mistyped; check the department\'s unified social credit code',
      },
      wrongLength: {
        zh: '数据资源提供方代码“{{code}}”有 {{length}} 位：统一社会信用代码应为 18 位，请核对',
        en: 'provider code "{{code}}" has {{length}} characters: a unified social credit code has 18',
      },
      orgCode: {
        zh: '数据资源提供方代码“{{code}}”像是旧的组织机构代码：请改填该部门 18 位的统一社会信用代码',
        en: 'provider code "{{code}}" looks like an old organization code: give the department\'s 18-character unified social credit code',
      },
      badChars: {
        zh: '数据资源提供方代码“{{code}}”含有统一社会信用代码不用的字符“{{chars}}”（不用 I、O、Z、S、V 和汉字）：请核对',
        en: 'provider code "{{code}}" contains characters a unified social credit code never uses ("{{chars}}"; no I, O, Z, S, V): check it',
      },
      lowercase: {
        zh: '数据资源提供方代码“{{code}}”含小写字母：统一社会信用代码用大写字母，应为“{{upper}}”',
        en: 'provider code "{{code}}" has lower-case letters: write it in upper case, "{{upper}}"',
      },
    },
    supersedes: [
      { keyword: 'pattern', path: '/providerCode' },
      { keyword: 'minLength', path: '/providerCode' },
      { keyword: 'maxLength', path: '/providerCode' },
    ],
  },
  create(context) {
    return {
      entry(entry) {
        const raw = entry.data.providerCode;
        if (typeof raw !== 'string') return;
        const code = meaningful(context.seeds, raw);
        if (!code) return;
        // 1.14501E+17: a numeric cell's display saved as text, reported by metadata/numeric-code.
        if (SCIENTIFIC.test(code)) return;
        const upper = code.toUpperCase();
        if (ORG_CODE.test(upper)) {
          context.report({ messageId: 'orgCode', field: '/providerCode', data: { code } });
          return;
        }
        // The list of wrong characters is made only when there is one.
        const bad = allIn(upper, CHARSET) ? [] : [...new Set([...upper].filter((ch) => !CHARSET.has(ch)))];
        if (bad.length > 0) {
          context.report({
            messageId: 'badChars',
            field: '/providerCode',
            data: { code, chars: bad.join('') },
          });
          return;
        }
        const length = charCount(code);
        if (length !== 18) {
          context.report({ messageId: 'wrongLength', field: '/providerCode', data: { code, length } });
          return;
        }
        const problem = checkUscc(upper);
        if (problem?.problem === 'check' && problem.expected) {
          context.report({
            messageId: 'badCheck',
            field: '/providerCode',
            data: { code, expected: problem.expected, actual: upper.slice(-1) },
          });
          return;
        }
        if (upper !== code)
          context.report({
            messageId: 'lowercase',
            field: '/providerCode',
            data: { code, upper },
            fix: { from: raw, to: upper },
          });
      },
    };
  },
});
