// field/physical-name: 字段名称 is at most 30 characters of letters, digits and _, starts with a letter, not Chinese.
import { defineRule } from '../../../src/rules/define.js';
import { charCount, hasHan, textOf } from '../../../src/rules/helpers/text.js';
import { isPlaceholder } from '../../../src/rules/helpers/values.js';

interface Options {
  maxLength: number;
}

const ALLOWED = /^[A-Za-z0-9_]+$/;
const BAD_CHARS = /[^A-Za-z0-9_]/gu;

export default defineRule<Options>()({
  meta: {
    id: 'field/physical-name',
    category: 'field',
    scope: 'item',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '字段名称符合数据库命名规范', en: 'field names follow database naming rules' },
      basis:
        '002_ff8f7ac047c85c93.txt (四)2（数据字段命名不符合数据库使用规范：字段名超过 30 个字符、带有除“_”外的标点符号、使用中文字段名）；000_828fab9d00fd14b0.txt B2-1 注⑥（可发布目录提供字段名称）',
      recommended: true,
    },
    messages: {
      chinese: {
        zh: '字段名称“{{fieldName}}”使用了中文：字段名称是数据库中的物理列名，应由字母、数字和下划线组成（中文写在数据项名称中）',
        en: 'the field name "{{fieldName}}" is Chinese: a physical column name uses letters, digits and underscores (the Chinese title goes in the item name)',
      },
      badChars: {
        zh: '字段名称“{{fieldName}}”含有“{{chars}}”：除下划线“_”外不能有标点、空格或其他符号',
        en: 'the field name "{{fieldName}}" contains "{{chars}}": no punctuation, spaces or symbols except the underscore',
      },
      badStart: {
        zh: '字段名称“{{fieldName}}”不是以字母开头：请以英文字母开头',
        en: 'the field name "{{fieldName}}" does not start with a letter',
      },
      tooLong: {
        zh: '字段名称“{{fieldName}}”有 {{length}} 个字符，超过 {{max}} 个：请缩短',
        en: 'the field name "{{fieldName}}" has {{length}} characters, more than {{max}}: shorten it',
      },
    },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['maxLength'],
      properties: { maxLength: { type: 'integer', minimum: 1, description: '字段名称最多字符数' } },
    },
  },
  create(context) {
    const max = context.options.maxLength;
    return {
      item(item, index) {
        const fieldName = textOf(item.fieldName);
        if (fieldName === undefined || isPlaceholder(context.seeds, fieldName)) return;
        const field = `/items/${index}/fieldName`;
        if (hasHan(fieldName)) context.report({ messageId: 'chinese', field, data: { fieldName } });
        else if (!ALLOWED.test(fieldName)) {
          const chars = [...new Set(fieldName.match(BAD_CHARS) ?? [])].join('');
          context.report({ messageId: 'badChars', field, data: { fieldName, chars } });
        } else if (!/^[A-Za-z]/.test(fieldName))
          context.report({ messageId: 'badStart', field, data: { fieldName } });
        const length = charCount(fieldName);
        if (length > max) context.report({ messageId: 'tooLong', field, data: { fieldName, length, max } });
      },
    };
  },
});
