// naming/document-not-data: the entry is not a notice, policy or report document published as data.
import { both } from '../../../src/i18n/text.js';
import { defineRule } from '../../../src/rules/define.js';
import { stripGenericSuffixes } from '../../../src/rules/helpers/names.js';
import { listForMessage } from '../../../src/rules/helpers/text.js';
import { formatProfile, meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'naming/document-not-data',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '不把公文当作数据发布', en: 'no documents published as data' },
      basis:
        '002_ff8f7ac047c85c93.txt (四)1（开放目录中存在大量统计报告、政策法规、通告等政务公开、信息公开类资源或使用 doc、pdf 等非结构化格式）；000_828fab9d00fd14b0.txt D2-3 注①（统计报告、图表、通知、公告、法律法规、word、pdf 为非结构化）',
      recommended: true,
    },
    messages: {
      documentTitle: {
        zh: '名称“{{name}}”是{{kind}}：这是政务公开类文件，不是数据资源，应在政务公开栏目发布；若背后有数据，请按数据内容命名',
        en: 'the name "{{name}}" is {{kind}}: a public-affairs document, not a data resource; publish it as such, or name the data it holds',
      },
      documentWord: {
        zh: '名称“{{name}}”以“{{word}}”结尾，像{{group}}类文件：请核对它是不是结构化的数据；政务公开类文件不应作为数据资源编目，背后是数据的请按数据内容命名（如“中标公告”改为“政府采购中标结果”）',
        en: 'the name "{{name}}" ends in "{{word}}", like a {{group}} document: check whether it is structured data; such documents are not catalogued as data, and data behind such a name is better named for the data',
      },
      documentUnstructured: {
        zh: '名称“{{name}}”含“{{word}}”且格式只有{{formats}}等非结构化格式：这是以文件形式发布的{{group}}，不是数据资源',
        en: 'the name "{{name}}" contains "{{word}}" and the only formats are unstructured ({{formats}}): this is a {{group}} published as a file, not a data resource',
      },
    },
  },
  create(context) {
    const naming = context.seeds.ruleData.naming;
    const groupLabel = (g: { label: string; en: string }) => both(g.label, g.en);
    return {
      entry(entry) {
        const name = meaningful(context.seeds, entry.data.name);
        if (!name) return;
        const title = naming.documentTitles.find((p) => p.re.test(name));
        if (title) {
          context.report({
            messageId: 'documentTitle',
            field: '/name',
            data: { name, kind: both(title.label.zh, title.label.en) },
          });
          return;
        }
        const base = stripGenericSuffixes(name, naming);
        const exception = naming.documentExceptions.find((x) => base.endsWith(x));
        if (!exception) {
          const word = naming.documentWords.find((w) => base.endsWith(w.word) && base.length > w.word.length);
          if (word) {
            context.report({
              messageId: 'documentWord',
              field: '/name',
              data: { name, word: word.word, group: groupLabel(word.group) },
            });
            return;
          }
        }
        const profile = formatProfile(context.seeds, entry);
        if (!profile.unstructuredOnly) return;
        const cleaned = naming.documentExceptions.reduce((text, x) => text.split(x).join(''), name);
        const inside = naming.documentWords.find((w) => cleaned.includes(w.word));
        if (inside)
          context.report({
            messageId: 'documentUnstructured',
            field: '/name',
            data: {
              name,
              word: inside.word,
              group: groupLabel(inside.group),
              formats: listForMessage(profile.terms.map((t) => String(t.value))),
            },
          });
      },
    };
  },
});
