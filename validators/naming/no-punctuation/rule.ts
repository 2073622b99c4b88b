// naming/no-punctuation: a name has no punctuation, spaces or emoji (brackets allowed by default).
import { defineRule } from '../../../src/rules/define.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

interface Options {
  allowed: string;
}

const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
// Pictographs, regional indicators, and the joiner / variation selector that glue emoji sequences together.
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u200d|\ufe0f/u;

export default defineRule<Options>({
  meta: {
    id: 'naming/no-punctuation',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: { zh: '名称不含标点、空格和表情符号', en: 'names have no punctuation, spaces or emoji' },
      basis:
        '004_f07732752052f62b.txt 指南 5.2（2）与附录 1 第 2 项（名称是缩略描述资源内容的标题）；000_828fab9d00fd14b0.txt C2-1 ①、D2-1 ①（目录命名规范合格率）；spec §4.1',
      recommended: true,
    },
    messages: {
      punctuation: {
        zh: '名称“{{name}}”含有标点符号“{{chars}}”：名称是简洁的标题，请删去标点（并列的内容可拆成数据项或改写为一个概括的名称）',
        en: 'the name "{{name}}" contains punctuation ("{{chars}}"): a name is a concise title; remove it',
      },
      spaces: {
        zh: '名称“{{name}}”中间有空格：请删去空格，改为“{{fixed}}”',
        en: 'the name "{{name}}" contains spaces: remove them, "{{fixed}}"',
      },
      emoji: {
        zh: '名称“{{name}}”含有表情符号“{{chars}}”：请删去，改为“{{fixed}}”',
        en: 'the name "{{name}}" contains emoji ("{{chars}}"): remove them, "{{fixed}}"',
      },
    },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['allowed'],
      properties: {
        allowed: { type: 'string', description: '允许出现在名称中的标点，默认全角和半角括号' },
      },
    },
  },
  create(context) {
    const allowed = new Set(context.options.allowed);
    return {
      entry(entry) {
        const raw = entry.data.name;
        const name = meaningful(context.seeds, raw);
        if (!name) return;
        const punctuation = new Set<string>();
        const emoji = new Set<string>();
        let spaces = false;
        for (const ch of name) {
          if (WORD.test(ch) || allowed.has(ch)) continue;
          if (SPACE.test(ch)) spaces = true;
          else if (EMOJI.test(ch)) emoji.add(ch);
          else punctuation.add(ch);
        }
        if (punctuation.size > 0) {
          context.report({
            messageId: 'punctuation',
            field: '/name',
            data: { name, chars: [...punctuation].join('') },
          });
          return;
        }
        if (!spaces && emoji.size === 0) return;
        // Only spaces and emoji: removing them changes no word, so the fix is safe.
        let fixed = '';
        for (const ch of name) if (!SPACE.test(ch) && !EMOJI.test(ch)) fixed += ch;
        if (emoji.size > 0)
          context.report({
            messageId: 'emoji',
            field: '/name',
            data: { name, chars: [...emoji].join(''), fixed },
            fix: { from: raw, to: fixed },
          });
        else
          context.report({
            messageId: 'spaces',
            field: '/name',
            data: { name, fixed },
            fix: { from: raw, to: fixed },
          });
      },
    };
  },
});
