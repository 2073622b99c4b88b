// naming/no-punctuation: a name has no characters titles do not use (* # | …), spaces or emoji; a warning.
import { defineRule } from '../../../src/rules/define.js';
import { onlyIdeographsLettersDigits } from '../../../src/rules/helpers/text.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

interface Options {
  allowed: string;
}

const WORD = /[\p{L}\p{N}]/u;

const SPACE = /\s/u;
// Pictographs, regional indicators, and the joiner / variation selector that glue emoji sequences together.
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u200d|\ufe0f/u;

export default defineRule<Options>()({
  meta: {
    id: 'naming/no-punctuation',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: {
        zh: '名称不含标题不用的符号、空格和表情符号',
        en: 'names have no symbols titles do not use, spaces or emoji',
      },
      basis:
        '004_f07732752052f62b.txt 指南 5.2（2）与附录 1 第 2 项（名称是缩略描述资源内容的标题）；000_828fab9d00fd14b0.txt C2-1 ①、D2-1 ①（目录命名规范合格率）；spec §4.1；标题中正常使用的标点在 seeds/rules/options.json 的 allowed 中',
      recommended: true,
    },
    messages: {
      punctuation: {
        zh: '名称“{{name}}”含有标题不用的符号“{{chars}}”：请核对是否是录入错误或系统导出时带入的字符，改为简洁的标题',
        en: 'the name "{{name}}" contains symbols titles do not use ("{{chars}}"): check whether they are a typing or export mistake and write a concise title',
      },
      spaces: {
        zh: '名称“{{name}}”中间有空格：请删去空格，改为“{{fixed}}”',
        en: 'the name "{{name}}" contains spaces: remove them, "{{fixed}}"',
      },
      lineBreak: {
        zh: '名称“{{name}}”中有换行（单元格内按了 Alt+Enter）：请删去换行，改为“{{fixed}}”',
        en: 'the name "{{name}}" contains a line break (Alt+Enter in the cell): remove it, "{{fixed}}"',
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
        allowed: { type: 'string', description: '允许出现在名称中的标点（默认是标题中正常使用的标点）' },
      },
    },
  },
  create(context) {
    const allowed = new Set(context.options.allowed);
    return {
      entry(entry) {
        const raw = entry.data.name;
        const name = meaningful(context.seeds, raw);
        // Most names are ideographs, letters and digits only: nothing to look at character by character.
        if (!name || onlyIdeographsLettersDigits(name)) return;
        const punctuation = new Set<string>();
        const emoji = new Set<string>();
        let spaces = false;
        let lineBreak = false;
        for (const ch of name) {
          if (WORD.test(ch) || allowed.has(ch)) continue;
          if (ch === '\n' || ch === '\r') lineBreak = true;
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
            messageId: lineBreak ? 'lineBreak' : 'spaces',
            field: '/name',
            data: { name, fixed },
            fix: { from: raw, to: fixed },
          });
      },
    };
  },
});
