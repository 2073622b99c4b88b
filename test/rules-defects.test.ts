// The rule set on a realistic 40-entry Nanning catalog: clean as given; with one defect injected per entry,
// every defect is found at its entry with the right rule and category, and the untouched entries stay clean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Category, Finding } from '../src/generated/schema-types.js';
import { registryRules } from '../src/rules/registry.js';
import { validateCatalog } from '../src/validate.js';
import { merge } from './helpers/catalog.js';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'nanning-40-entries.json'), 'utf8'),
) as Catalog & { entries: Record<string, unknown>[] };

interface Defect {
  entry: number;
  what: string;
  patch: Record<string, unknown>;
  /** Rules expected on this entry (the injected defect and what it necessarily implies). */
  rules: string[];
  /** Other entries a cross-entry defect also marks (duplicates, fragments). */
  partners?: Record<number, string[]>;
}

const items = (i: number) => fixture.entries[i]!.items as Record<string, unknown>[];
const withItem = (i: number, k: number, item: Record<string, unknown> | null) =>
  items(i)
    .map((x, j) => (j === k ? item : x))
    .filter((x) => x !== null);

const DEFECTS: Defect[] = [
  {
    entry: 0,
    what: '基础信息资源有条件共享（核对基础数据项）',
    patch: { share: { type: 2, condition: '仅向税务、人民银行部门提供，用于信贷和纳税核验' } },
    rules: ['classification/base-conditional-items'],
  },
  {
    entry: 1,
    what: '摘要复述名称',
    patch: { summary: '食品经营许可信息' },
    rules: ['metadata/summary-informative'],
  },
  {
    entry: 2,
    what: '更新周期写“每天”',
    patch: { updateCycle: '每天' },
    rules: ['metadata/vocabulary-synonym'],
  },
  {
    entry: 3,
    what: '代码分隔符未声明',
    patch: { code: '315018001-3' },
    rules: ['code/resource-code-format'],
  },
  {
    entry: 4,
    what: '提供方代码校验位错',
    patch: { providerCode: '114501000075223625' },
    rules: ['metadata/provider-code-check'],
  },
  {
    entry: 5,
    what: '按区县拆分的名称',
    patch: { name: '青秀区中小学校基本信息' },
    rules: ['naming/no-region-prefix'],
  },
  { entry: 6, what: '名称有竖线', patch: { name: '学校|幼儿园办园信息' }, rules: ['naming/no-punctuation'] },
  {
    entry: 7,
    what: '有条件共享的条件笼统',
    patch: { share: { condition: '有条件共享' } },
    rules: ['classification/conditional-scope', 'classification/usage-requirement'],
  },
  {
    entry: 9,
    what: '按年份拆分的低保名单',
    patch: {
      name: '2020年城乡低保对象信息',
      summary: '2020年享受城乡最低生活保障的家庭户主姓名、身份证号和保障金额。',
    },
    rules: ['naming/no-time-fragment', 'dataset/fragmentation'],
    partners: { 8: ['dataset/fragmentation'] },
  },
  { entry: 10, what: '更新周期自由文本', patch: { updateCycle: '随时' }, rules: ['metadata/vocabulary'] },
  {
    entry: 12,
    what: '不予共享没有依据',
    patch: { share: { condition: '根据相关法律法规不予共享' } },
    rules: ['classification/refusal-legal-basis'],
  },
  { entry: 13, what: '接口资源没有数据项', patch: { items: null }, rules: ['completeness/structured-items'] },
  {
    entry: 14,
    what: '数据项名称填了拼音缩写',
    patch: { items: withItem(14, 1, { name: 'jgmc', type: 'C(200)' }) },
    rules: ['field/item-name-chinese'],
  },
  {
    entry: 15,
    what: '发布日期 2 月 30 日',
    patch: { publishDate: '2021-02-30' },
    rules: ['metadata/date-valid'],
  },
  {
    entry: 16,
    what: '关联资源代码不存在',
    patch: { relatedCodes: ['315015001/9'] },
    rules: ['code/related-codes'],
  },
  {
    entry: 18,
    what: '同一提供方重名',
    patch: { name: '机动车驾驶人信息' },
    rules: ['naming/duplicate-in-provider'],
    partners: { 17: ['naming/duplicate-in-provider'] },
  },
  {
    entry: 20,
    what: '分类码带分隔符',
    patch: { classification: '1-01-002-001' },
    rules: ['code/classification-format'],
  },
  {
    entry: 21,
    what: '只用邮件、拷盘共享',
    patch: { share: { method: '邮件、拷盘' } },
    rules: ['classification/share-method-platform'],
  },
  {
    entry: 23,
    what: '字符型没有长度',
    patch: { items: withItem(23, 2, { name: '资质类别及等级', type: 'C' }) },
    rules: ['metadata/data-type-length'],
  },
  {
    entry: 24,
    what: '名称只是部门名',
    patch: { name: '南宁市住房和城乡建设局' },
    rules: ['naming/provider-name'],
  },
  {
    entry: 25,
    what: '许可公告当作数据',
    patch: { name: '道路运输经营许可公告' },
    rules: ['naming/document-not-data'],
  },
  { entry: 26, what: '数据量只有 6 条', patch: { recordCount: 6 }, rules: ['dataset/low-volume'] },
  {
    entry: 27,
    what: 'pdf 经服务接口共享',
    patch: { format: ['电子文件', 'pdf'] },
    rules: ['classification/share-method-format'],
  },
  {
    entry: 28,
    what: '数据项只有类型',
    patch: { items: withItem(28, 4, { type: 'N(4)' }) },
    rules: ['completeness/item-described'],
  },
  {
    entry: 29,
    what: '数据项名称重复',
    patch: { items: withItem(29, 1, { name: '统一社会信用代码', type: 'C(200)' }) },
    rules: ['field/unique-name'],
  },
  {
    entry: 30,
    what: '代码前段不是本条分类',
    patch: { code: '315020002/1' },
    rules: ['code/prefix-matches-classification'],
  },
  {
    entry: 32,
    what: '提供方代码写“无”',
    patch: { providerCode: '无' },
    rules: ['completeness/placeholder-value'],
  },
  {
    entry: 33,
    what: '代码与另一条重复',
    patch: { code: '315030001/1' },
    rules: ['code/unique'],
    partners: { 31: ['code/unique'] },
  },
  {
    entry: 34,
    what: '字段名称过长',
    patch: {
      items: withItem(34, 2, {
        name: '机构地址',
        type: 'C(300)',
        fieldName: 'yang_lao_ji_gou_xiang_xi_di_zhi',
        fieldType: 'VARCHAR',
        fieldLength: 300,
      }),
    },
    rules: ['field/physical-name'],
  },
  {
    entry: 35,
    what: '不予共享却向社会开放',
    patch: {
      share: { type: 3, condition: '依据《殡葬管理条例》第二十条的规定，涉及逝者个人信息，不予共享' },
    },
    rules: ['classification/refused-not-open'],
  },
  { entry: 36, what: '顺序码跳号', patch: { code: '315004001/3' }, rules: ['code/sequence-gaps'] },
  { entry: 37, what: '无条件共享缺共享方式', patch: { share: { method: null } }, rules: ['schema/required'] },
  {
    entry: 39,
    what: '标注为测试的目录',
    patch: { name: '出租汽车驾驶员从业资格信息（测试）' },
    rules: ['naming/no-test-name'],
  },
];

/** Categories of the schema pseudo-rules used above. */
const SCHEMA_CATEGORY: Record<string, Category> = { 'schema/required': 'completeness' };
const categoryOf = (ruleId: string): Category =>
  SCHEMA_CATEGORY[ruleId] ?? registryRules().find((r) => r.meta.id === ruleId)!.meta.category;

async function findings(catalog: Catalog): Promise<Finding[]> {
  const report = await validateCatalog({ catalog, name: 'nanning-40-entries.json' }, { today: '2021-11-23' });
  return report.files[0]!.findings;
}

describe('the rule set on a realistic 40-entry catalog', () => {
  it('finds nothing in the clean catalog', async () => {
    expect(fixture.entries).toHaveLength(40);
    expect((await findings(fixture)).map((f) => [f.entry, f.ruleId, f.message])).toEqual([]);
  });

  describe('with one defect injected per entry', () => {
    const entries = fixture.entries.map((e) => ({ ...e }));
    const expected = new Map<number, Set<string>>();
    const expect_ = (entry: number, rules: string[]) => {
      const set = expected.get(entry) ?? new Set<string>();
      for (const r of rules) set.add(r);
      expected.set(entry, set);
    };
    for (const d of DEFECTS) {
      entries[d.entry] = merge(entries[d.entry]!, d.patch);
      expect_(d.entry, d.rules);
      for (const [partner, rules] of Object.entries(d.partners ?? {})) expect_(Number(partner), rules);
    }
    let found: Finding[] = [];
    beforeAll(async () => {
      found = await findings({ ...fixture, entries } as Catalog);
    });
    const clean = fixture.entries.map((_, i) => i).filter((i) => !expected.has(i));

    it('injects a defect into 33 entries and leaves 4 untouched', () => {
      expect(DEFECTS).toHaveLength(33);
      expect(new Set(DEFECTS.map((d) => d.entry)).size).toBe(33);
      expect(clean).toEqual([11, 19, 22, 38]);
    });

    for (const d of DEFECTS) {
      it(`entry ${d.entry + 1}: ${d.what} → ${d.rules.join(', ')}`, () => {
        const here = found.filter((f) => f.entry === d.entry);
        expect(new Set(here.map((f) => f.ruleId))).toEqual(expected.get(d.entry));
        for (const f of here) expect(f.category, f.ruleId).toBe(categoryOf(f.ruleId));
        expect(here.find((f) => f.ruleId === d.rules[0])?.category).toBe(categoryOf(d.rules[0]!));
      });
    }

    it('marks the partners of cross-entry defects and nothing else on them', () => {
      for (const d of DEFECTS)
        for (const [partner, rules] of Object.entries(d.partners ?? {}))
          expect(new Set(found.filter((f) => f.entry === Number(partner)).map((f) => f.ruleId))).toEqual(
            new Set(rules),
          );
    });

    it('leaves the untouched entries without any finding', () => {
      expect(found.filter((f) => f.entry !== null && clean.includes(f.entry))).toEqual([]);
      expect(found.filter((f) => f.entry === null)).toEqual([]);
    });

    it('covers every rule category', () => {
      expect(new Set(found.map((f) => f.category))).toEqual(
        new Set(['naming', 'metadata', 'completeness', 'classification', 'code', 'field', 'dataset']),
      );
    });
  });
});
