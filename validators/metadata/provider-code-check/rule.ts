// metadata/provider-code-check: 数据资源提供方代码 must carry a valid GB 32100-2015 check character.
import { defineRule } from '../../../src/rules/define.js';
import { checkUscc } from '../../../src/rules/helpers/uscc.js';

export default defineRule({
  meta: {
    id: 'metadata/provider-code-check',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '提供方代码校验位正确', en: 'provider code has a valid check character' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 5 项（采用法人和其他组织统一社会信用代码）；GB 32100-2015 第 4、5 章',
      recommended: true,
    },
    messages: {
      badCheck: {
        zh: '数据资源提供方代码“{{code}}”的校验位应为“{{expected}}”而不是“{{actual}}”：代码可能抄错，请核对该部门的统一社会信用代码',
        en: 'provider code "{{code}}" should end in check character "{{expected}}", not "{{actual}}": the code is probably mistyped; check the department\'s unified social credit code',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        const code = entry.data.providerCode;
        if (typeof code !== 'string') return;
        const value = code.trim();
        // Length and characters are the schema's job (pattern); only the check character is judged here.
        if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return;
        const problem = checkUscc(value);
        if (problem?.problem === 'check' && problem.expected) {
          context.report({
            messageId: 'badCheck',
            field: '/providerCode',
            data: { code: value, expected: problem.expected, actual: value.slice(-1) },
          });
        }
      },
    };
  },
});
