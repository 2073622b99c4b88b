// naming/provider-name: a name is neither just the provider's name nor prefixed by it (某局_学校花名册).
import { defineRule } from '../../../src/rules/define.js';
import { departmentNames, stripGenericSuffixes } from '../../../src/rules/helpers/names.js';
import { foldText } from '../../../src/rules/helpers/text.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'naming/provider-name',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '名称不是提供方名称', en: "names are not the provider's name" },
      basis:
        '004_f07732752052f62b.txt 指南 5.2（2）（名称描述资源内容）与 5.2（4）（提供方另有专门的元数据项）；000_828fab9d00fd14b0.txt C2-1 ①、D2-1 ①；spec §1.1（名称以部门为前缀，如“某区某局_学校花名册”）',
      recommended: true,
    },
    messages: {
      onlyProvider: {
        zh: '名称“{{name}}”只是提供方（部门）的名称，看不出是什么数据：请改为描述资源内容的名称',
        en: 'the name "{{name}}" is only the provider\'s (department\'s) name and says nothing about the data: name the content',
      },
      providerPrefix: {
        zh: '名称“{{name}}”以提供方“{{prefix}}”开头：提供方已在“数据资源提供方”中填写，请核对名称是否只需描述资源内容，去掉前缀',
        en: 'the name "{{name}}" starts with the provider "{{prefix}}": the provider has its own field; check whether the name should describe only the content, without the prefix',
      },
    },
  },
  create(context) {
    const { naming, regions } = context.seeds.ruleData;
    const cache = new Map<string, { text: string; folded: string }[]>();
    const departments = (provider: string) => {
      let list = cache.get(provider);
      if (!list) {
        list = departmentNames(provider, naming, regions).map((text) => ({ text, folded: foldText(text) }));
        cache.set(provider, list);
      }
      return list;
    };
    return {
      entry(entry) {
        const name = meaningful(context.seeds, entry.data.name);
        const provider = meaningful(context.seeds, entry.data.provider);
        if (!name || !provider) return;
        const depts = departments(provider);
        const core = foldText(stripGenericSuffixes(name, naming));
        if (core === foldText(provider) || depts.some((d) => d.folded === core)) {
          context.report({ messageId: 'onlyProvider', field: '/name', data: { name } });
          return;
        }
        const folded = foldText(name);
        const prefix = depts.find((d) => folded.startsWith(d.folded) && folded.length - d.folded.length >= 2);
        if (prefix)
          context.report({
            messageId: 'providerPrefix',
            field: '/name',
            data: { name, prefix: prefix.text },
          });
      },
    };
  },
});
