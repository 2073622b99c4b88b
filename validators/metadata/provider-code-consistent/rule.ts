// metadata/provider-code-consistent: one provider, one 数据资源提供方代码 across the catalog.
import { defineRule } from '../../../src/rules/define.js';
import { foldText, listForMessage } from '../../../src/rules/helpers/text.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'metadata/provider-code-consistent',
    category: 'metadata',
    scope: 'catalog',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '同一提供方使用同一代码', en: 'one provider, one provider code' },
      basis:
        '004_f07732752052f62b.txt 指南 5.2（5）与附录 1 第 5 项（提供方细化到内设处室或所属事业单位的，其代码仍使用部门代码）',
      recommended: true,
    },
    messages: {
      inconsistent: {
        zh: '提供方“{{provider}}”在本条的代码是“{{code}}”，而在其他 {{count}} 条目录（第 {{entries}} 条）中是“{{expected}}”：同一部门应使用同一个统一社会信用代码，请核对',
        en: 'provider "{{provider}}" has code "{{code}}" here but "{{expected}}" in {{count}} other entries ({{entries}}): one department has one unified social credit code; check it',
      },
    },
  },
  create(context) {
    // provider (folded) → code → entry indexes, in first-seen order
    const byProvider = new Map<string, { provider: string; codes: Map<string, number[]> }>();
    return {
      entry(entry) {
        const provider = meaningful(context.seeds, entry.data.provider);
        const code = meaningful(context.seeds, entry.data.providerCode);
        if (!provider || !code) return;
        const key = foldText(provider);
        let slot = byProvider.get(key);
        if (!slot) {
          slot = { provider, codes: new Map() };
          byProvider.set(key, slot);
        }
        const normalized = code.toUpperCase();
        const list = slot.codes.get(normalized);
        if (list) list.push(entry.index);
        else slot.codes.set(normalized, [entry.index]);
      },
      end() {
        for (const { provider, codes } of byProvider.values()) {
          if (codes.size < 2) continue;
          let expected = '';
          let most = 0;
          for (const [code, list] of codes)
            if (list.length > most) {
              most = list.length;
              expected = code;
            }
          const majority = codes.get(expected)!;
          for (const [code, list] of codes) {
            if (code === expected) continue;
            for (const index of list)
              context.report({
                messageId: 'inconsistent',
                entry: index,
                field: '/providerCode',
                data: {
                  provider,
                  code,
                  expected,
                  count: majority.length,
                  entries: listForMessage(majority.map((i) => i + 1)),
                },
              });
          }
        }
      },
    };
  },
});
