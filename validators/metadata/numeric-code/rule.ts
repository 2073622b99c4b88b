// metadata/numeric-code: a code typed into a numeric (General) Excel cell, its digits lost or shown as 1.14501E+17.

import { numberText } from '../../../src/model/normalize.js';
import { defineRule } from '../../../src/rules/define.js';

/** A code Excel displayed in scientific notation and that was saved as that text (a CSV export, a paste). */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E\+?\d+$/i;

/** The code fields: text in the guide, never numbers. */
const FIELDS = ['/providerCode', '/classification', '/code'] as const;

export default defineRule({
  meta: {
    id: 'metadata/numeric-code',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '代码列是文本，不是数字', en: 'code columns hold text, not numbers' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 1、3、5 项（数据资源分类、数据资源代码、数据资源提供方代码均为字符型）',
      recommended: true,
    },
    messages: {
      numeric: {
        zh: '“{{label}}”所在单元格是数值格式，Excel 只保留 15 位有效数字，现为“{{value}}”：请把该列设为文本格式后重新输入代码',
        en: '"{{label}}" is in a numeric cell and Excel kept only 15 digits, leaving "{{value}}": set the column to text and re-enter the code',
      },
      scientific: {
        zh: '“{{label}}”写作“{{value}}”，是 Excel 把数值格式的代码显示成科学计数法后保存下来的，末尾数字已丢失：请把该列设为文本格式后重新输入代码',
        en: '"{{label}}" is written "{{value}}", the scientific notation Excel shows for a code in a numeric cell; its last digits are lost: set the column to text and re-enter the code',
      },
    },
    supersedes: FIELDS.map((path) => ({ keyword: 'type', path })),
  },
  create(context) {
    return {
      entry(entry) {
        for (const field of FIELDS) {
          const value = entry.data[field.slice(1) as 'providerCode' | 'classification' | 'code'];
          if (typeof value === 'number') {
            context.report({ messageId: 'numeric', field, data: { value: numberText(value) } });
          } else if (typeof value === 'string' && SCIENTIFIC.test(value.trim())) {
            context.report({ messageId: 'scientific', field, data: { value: value.trim() } });
          }
        }
      },
    };
  },
});
