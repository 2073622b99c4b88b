// code/related-codes: each 关联资源代码 names a code in the catalog (or a declared external one), not the entry itself.
import { defineRule } from '../../../src/rules/define.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'code/related-codes',
    category: 'code',
    scope: 'catalog',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '关联资源代码指向真实的资源', en: 'related codes point to real resources' },
      basis:
        '004_f07732752052f62b.txt 指南 5.2（13）与附录 1 第 13 项（资源确需在目录中重复出现时，标注重复出现的关联资源代码）',
      recommended: true,
    },
    messages: {
      self: {
        zh: '关联资源代码“{{code}}”就是本条自己的代码：关联资源代码应填写同一资源在目录中另一处的代码',
        en: 'related code "{{code}}" is this entry\'s own code: give the code of the same resource elsewhere in the catalog',
      },
      unresolved: {
        zh: '关联资源代码“{{code}}”在本目录中找不到：请核对代码；若它属于其他部门的目录，在配置的 externalCodes 中声明',
        en: 'related code "{{code}}" is not in this catalog: check it; if it belongs to another department\'s catalog, declare it in externalCodes',
      },
    },
  },
  create(context) {
    const codes = new Set<string>();
    const pending: { entry: number; field: string; code: string }[] = [];
    return {
      entry(entry) {
        const own = meaningful(context.seeds, entry.data.code);
        if (own) codes.add(own);
        const related = entry.data.relatedCodes;
        if (!Array.isArray(related)) return;
        related.forEach((raw, i) => {
          const code = meaningful(context.seeds, raw);
          if (!code) return;
          const field = `/relatedCodes/${i}`;
          if (code === own) context.report({ messageId: 'self', field, data: { code } });
          else pending.push({ entry: entry.index, field, code });
        });
      },
      end() {
        const external = context.settings.externalCodes;
        for (const p of pending) {
          if (codes.has(p.code) || external.has(p.code)) continue;
          context.report({ messageId: 'unresolved', entry: p.entry, field: p.field, data: { code: p.code } });
        }
      },
    };
  },
});
