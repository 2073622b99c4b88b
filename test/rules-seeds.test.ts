// Rule data in seeds/ (naming patterns, sharing words, regions): validated, compiled once, and behaving as documented.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDataSource } from '../src/data/node.js';
import { seedsDir } from '../src/paths.js';
import { loadSeeds } from '../src/seeds/index.js';
import { loadRuleData, RuleDataError } from '../src/seeds/rule-data.js';

describe('rule data in seeds/', () => {
  const { naming, sharing, regions } = loadSeeds().ruleData;

  it('lists Guangxi: the region, its 14 cities and 111 county-level divisions', () => {
    const count = (level: string) => regions.regions.filter((r) => r.level === level).length;
    expect([count('province'), count('city'), count('county')]).toEqual([1, 14, 111]);
    expect(regions.byCode.get('450100')?.name).toBe('南宁市');
    expect(regions.byName.get('横县')?.name).toBe('横州市');
    expect(regions.byName.get('青秀区')?.parent?.name).toBe('南宁市');
  });

  it('finds the deepest region at the start of a name, and only there', () => {
    expect(regions.leading('南宁市青秀区教育局', naming.separators)).toMatchObject({
      region: { name: '青秀区' },
      length: 6,
    });
    expect(regions.leading('兴宁区_学校花名册', naming.separators)).toMatchObject({ length: 4 });
    expect(regions.leading('广西壮族自治区教育厅', naming.separators)?.region.level).toBe('province');
    // Short names that are ordinary words are not regions.
    expect(regions.leading('资源环境承载力监测', naming.separators)).toBeUndefined();
    expect(regions.leading('来宾登记信息', naming.separators)).toBeUndefined();
    // A county of another city does not continue the chain.
    expect(regions.leading('柳州市青秀区', naming.separators)?.region.name).toBe('柳州市');
  });

  it('compiles naming patterns that hit the documented examples and miss ordinary words', () => {
    const year = naming.timeFragments.find((p) => p.id === 'year')!;
    expect(year.re.exec('2019年南宁市低保人员名单')?.[0]).toBe('2019年');
    expect(year.re.test('12345热线工单')).toBe(false);
    const any = (text: string) => naming.timeFragments.some((p) => p.re.test(text));
    expect(any('企业每月用电量')).toBe(false);
    expect(any('规模以上工业企业用电量第一季度')).toBe(true);
    expect(naming.documentWords[0]!.word.length).toBeGreaterThanOrEqual(
      naming.documentWords.at(-1)!.word.length,
    );
  });

  it('finds legal citations but not “无法” or vague phrases', () => {
    const cites = (text: string) =>
      sharing.legalBasis.some((p) => p.re.test(text.replace(sharing.vagueLegal, '，')));
    expect(cites('依据《中华人民共和国统计法》第二十五条')).toBe(true);
    expect(cites('按国办发〔2016〕51号文件要求')).toBe(true);
    expect(cites('涉及个人隐私，无法共享')).toBe(false);
    expect(cites('根据相关法律法规不予共享')).toBe(false);
  });

  it('rejects a seeds directory whose rule data is invalid, naming the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'govcat-seeds-'));
    const dir = join(root, 'seeds');
    cpSync(seedsDir(), dir, { recursive: true });
    const file = join(dir, 'rules', 'naming.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.timeFragments[0].pattern = '(unclosed';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadRuleData(nodeDataSource(root))).toThrow(RuleDataError);
    expect(() => loadRuleData(nodeDataSource(root))).toThrow(/naming\.json.*bad pattern/);
    delete data.timeFragments;
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadRuleData(nodeDataSource(root))).toThrow(/timeFragments/);
  });

  it('matches placeholders written with spaces or case, and rejects long texts without folding them', () => {
    const placeholder = loadSeeds().vocab('placeholder');
    expect(placeholder.lookup(' N / A ')).toMatchObject({ kind: 'form', term: { value: 'N/A' } });
    expect(placeholder.lookup('NONE')).toMatchObject({ term: { value: 'none' } });
    expect(placeholder.lookup('本市食品经营许可证的许可证编号和有效期')).toBeUndefined();
  });

  it('knows text encodings as data types of text resources', () => {
    const types = loadSeeds().vocab('data-type');
    expect(types.lookup('utf8')).toMatchObject({ kind: 'form', term: { value: 'UTF-8' } });
    expect(types.lookup('GBK')?.term.status).toBe('discouraged');
  });
});
