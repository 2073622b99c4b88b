// naming/duplicate-in-provider: one provider does not list two entries under the same name.
import { defineRule } from '../../../src/rules/define.js';
import { foldText, listForMessage } from '../../../src/rules/helpers/text.js';
import { meaningful } from '../../../src/rules/helpers/values.js';
import { contentHash } from '../../../src/util/content-hash.js';
import { Repeats } from '../../../src/util/maps.js';

export default defineRule({
  meta: {
    id: 'naming/duplicate-in-provider',
    category: 'naming',
    scope: 'catalog',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '同一提供方的名称不重复', en: 'no duplicate names within one provider' },
      basis:
        '004_f07732752052f62b.txt 指南 6.2.6（审核汇总时发现重复采集的数据内容须协商确定第一采集部门）与附录 1 第 13 项（确需重复出现时标注关联资源代码）；000_828fab9d00fd14b0.txt C2-1 ①、D2-1 ①',
      recommended: true,
    },
    messages: {
      identical: {
        zh: '本条与第 {{first}} 条目录的每个字段都相同，是重复登记的同一条记录：请删除本条',
        en: 'every field of this entry equals entry {{first}}: the same record was listed twice; remove this one',
      },
      duplicate: {
        zh: '名称“{{name}}”与同一提供方的第 {{others}} 条目录重复：请合并为一条，或在名称中写明区别；确需重复出现的，请互相填写关联资源代码',
        en: 'the name "{{name}}" duplicates entry {{others}} of the same provider: merge them or make the names say what differs; if the resource must appear twice, link them by related codes',
      },
    },
  },
  create(context) {
    // Names per provider: a name met once is a number, not a list (nearly all of them).
    const repeats = new Repeats();
    // A catalog has few providers: each folded once.
    const foldedProviders = new Map<string, string>();
    // What the end needs of an entry, kept as it passes (the entries themselves may be let go by then): the
    // fingerprint of its content (JSON with sorted keys) by entry index, and its related codes when it has any.
    const contents: number[] = [];
    const relatedOf = new Map<number, Set<string>>();
    const infoOf = (index: number): { name: string; code?: string; related: ReadonlySet<string> } => {
      const ref = context.entries[index]!;
      // Entries in a group have a meaningful name; name and code as read are the values' trimmed texts.
      const name = ref.name!;
      const related = relatedOf.get(index) ?? NONE;
      const code = meaningful(context.seeds, ref.code);
      return code ? { name, code, related } : { name, related };
    };
    return {
      entry(entry) {
        const name = meaningful(context.seeds, entry.data.name);
        // One number for every entry, so the list stays packed (entries come in order).
        contents[entry.index] = name ? contentHash(entry.data) : 0;
        if (!name) return;
        const provider = meaningful(context.seeds, entry.data.provider) ?? '';
        let folded = foldedProviders.get(provider);
        if (folded === undefined) {
          folded = foldText(provider);
          foldedProviders.set(provider, folded);
        }
        repeats.add(folded, foldText(name), entry.index);
        const codes = entry.data.relatedCodes;
        if (Array.isArray(codes) && codes.length > 0) {
          const related = new Set<string>();
          for (const c of codes) if (typeof c === 'string') related.add(c.trim());
          relatedOf.set(entry.index, related);
        }
      },
      end() {
        const info = new Map<number, ReturnType<typeof infoOf>>();
        const get = (index: number) => {
          let found = info.get(index);
          if (!found) {
            found = infoOf(index);
            info.set(index, found);
          }
          return found;
        };
        const linked = (a: number, b: number) => {
          const x = get(a);
          const y = get(b);
          return (
            (y.code !== undefined && x.related.has(y.code)) || (x.code !== undefined && y.related.has(x.code))
          );
        };
        for (const members of repeats.groups()) {
          // A record listed twice word for word: only the later copies are reported, pointing at the first.
          const firstCopy = new Map<number, number>();
          const copies = new Set<number>();
          for (const index of members) {
            const content = contents[index]!;
            const first = firstCopy.get(content);
            if (first === undefined) firstCopy.set(content, index);
            else {
              copies.add(index);
              context.report({
                messageId: 'identical',
                entry: index,
                field: '/name',
                data: { first: first + 1 },
              });
            }
          }
          for (const index of members) {
            if (copies.has(index)) continue;
            const others = members.filter((o) => o !== index && !copies.has(o) && !linked(index, o));
            if (others.length === 0) continue;
            context.report({
              messageId: 'duplicate',
              entry: index,
              field: '/name',
              data: { name: get(index).name, others: listForMessage(others.map((o) => o + 1)) },
            });
          }
        }
      },
    };
  },
});

const NONE: ReadonlySet<string> = new Set();
