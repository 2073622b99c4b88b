// naming/no-region-prefix: no administrative-region prefix below the provider's own region (one resource split by region).
import { defineRule } from '../../../src/rules/define.js';
import { meaningful } from '../../../src/rules/helpers/values.js';
import type { Region } from '../../../src/seeds/index.js';

export default defineRule({
  meta: {
    id: 'naming/no-region-prefix',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'warning',
    docs: {
      title: { zh: '名称不以下级行政区划开头', en: 'names carry no sub-region prefix' },
      basis:
        '002_ff8f7ac047c85c93.txt (四)2（数据碎片化：人为按地区过度拆分；仅提供部分地区数据）；000_828fab9d00fd14b0.txt C2-2、D2-2 扣分项注①（按行政区域人为分割的数据集）；spec §1.1（名称以区县、部门为前缀）',
      recommended: true,
    },
    messages: {
      regionPrefix: {
        zh: '名称“{{name}}”以“{{region}}”开头，而提供方是“{{provider}}”：请核对是否把同一资源按区县（地区）拆成了多条目录，或只提供了部分地区的数据；是的话合并为一条，用“所属区划”数据项区分，名称去掉区划前缀',
        en: 'the name "{{name}}" starts with "{{region}}" while the provider is "{{provider}}": check whether one resource was split by region into several entries, or covers only part of the area; if so, merge them into one entry with a region item and drop the prefix',
      },
    },
  },
  create(context) {
    const { regions, naming } = context.seeds.ruleData;
    /** The provider's own region: from its name, else from the region digits (3–8) of its credit code. */
    const providerRegion = (provider: string, code: string | undefined): Region | undefined => {
      const lead = regions.leading(provider, naming.separators);
      if (lead) return lead.region;
      if (code?.length !== 18) return undefined;
      const area = code.slice(2, 8);
      return regions.byCode.get(area) ?? regions.byCode.get(`${area.slice(0, 4)}00`);
    };
    return {
      entry(entry) {
        const name = meaningful(context.seeds, entry.data.name);
        if (!name) return;
        const lead = regions.leading(name, naming.separators);
        if (!lead || lead.length >= name.length) return;
        const provider = meaningful(context.seeds, entry.data.provider) ?? '';
        const own = provider
          ? providerRegion(provider, meaningful(context.seeds, entry.data.providerCode))
          : undefined;
        // A prefix naming the provider's own region (or a region above it) does not split anything.
        if (own && regions.covers(lead.region, own)) return;
        if (!own && lead.region.level !== 'county') return;
        context.report({
          messageId: 'regionPrefix',
          field: '/name',
          data: { name, region: name.slice(0, lead.length).replace(/[^\p{Script=Han}]+$/u, ''), provider },
        });
      },
    };
  },
});
