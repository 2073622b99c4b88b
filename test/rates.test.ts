// Rates against hand-computed expectations: category rates from findings, severities counted, per provider,
// and the input-driven rates (published, mounted, interfaces, update log) with their list formats and errors.
import { describe, expect, it } from 'vitest';
import { CatalogInputError } from '../src/errors.js';
import type { Rate, Report } from '../src/generated/schema-types.js';
import { type IndicatorInputSet, parseDay, windowsWithin } from '../src/indicators/input-rates.js';
import { type InputKind, parseInputTable } from '../src/indicators/inputs.js';
import { defineRule } from '../src/rules/define.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { validateCatalog } from '../src/validate.js';
import providerCodeCheck from '../validators/metadata/provider-code-check/rule.js';
import { catalogOf } from './helpers/catalog.js';

/** A naming rule for the test only: a name carrying a year is a warning (so severities matter). */
const yearInName = defineRule({
  meta: {
    id: 'naming/test-year',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'warning',
    docs: { title: { zh: '测试', en: 'test' }, basis: 'test', recommended: true },
    messages: { year: { zh: '名称含年份', en: 'year in name' } },
  },
  create(context) {
    return {
      entry(entry) {
        if (entry.name && /\d{4}年/.test(entry.name)) context.report({ messageId: 'year', field: '/name' });
      },
    };
  },
});

const catalog = catalogOf('shared', [
  { updateCycle: '每月' },
  {
    code: '315018001/2',
    name: '2021年第三季度食品抽检信息',
    format: ['pdf'],
    items: null,
    updateCycle: '不定期',
  },
  { code: '315018001/3', name: '食品生产许可信息', providerCode: null, updateCycle: '每年' },
  {
    code: '315018001/4',
    name: '中小学校基本信息',
    provider: '南宁市教育局',
    providerCode: '114501000075410880',
    format: ['电子表格'],
    updateCycle: '每月',
  },
  {
    code: '315018001/5',
    name: '执业医师注册信息',
    provider: '南宁市卫生健康委员会医政医管科',
    providerCode: '11450100MB1A38262B',
    updateCycle: '每季度',
    publishDate: '2021-02-10',
  },
]);

const limits = { maxBytes: 1_000_000, maxRows: 1000, maxCellChars: 1000 };
const table = (kind: InputKind, name: string, text: string) =>
  parseInputTable(new TextEncoder().encode(text), name, kind, limits);

async function validate(options: Parameters<typeof validateCatalog>[1] = {}): Promise<Report> {
  const report = await validateCatalog(
    { name: 'nanning.json', catalog: catalog as never },
    { today: '2021-12-31', rules: [providerCodeCheck, yearInName], ...options },
  );
  const check = getValidator(SCHEMA_IDS.report);
  expect(check(report), JSON.stringify(check.errors)).toBe(true);
  return report;
}

const pick = (r: Rate | undefined) =>
  r ? [r.conforming, r.total, r.failing?.map((f) => f.entry)] : undefined;

describe('category rates from findings', () => {
  it('count errors only by default, per category', async () => {
    const rates = (await validate()).files[0]!.rates;
    expect(pick(rates.naming)).toEqual([5, 5, []]);
    expect(pick(rates.completeness)).toEqual([4, 5, [2]]);
    expect(pick(rates.metadata)).toEqual([4, 5, [4]]);
    // No rule of this run checks classification: not assessed, rather than 100 % for free.
    expect(rates.classification).toMatchObject({ total: 0, rate: null, notAssessed: expect.any(String) });
    // D2-3 counts database tables and APIs: the spreadsheet (entry 3) and the pdf (entry 1) are not.
    expect(pick(rates.structured)).toEqual([3, 5, [1, 3]]);
    expect(rates.naming?.severities).toEqual(['error']);
  });
  it('count warnings too when asked (a profile or --rate-severities)', async () => {
    const rates = (await validate({ countSeverities: ['error', 'warning'] })).files[0]!.rates;
    expect(pick(rates.naming)).toEqual([4, 5, [1]]);
    expect(rates.naming?.rate).toBe(0.8);
  });
  it('break rates down by provider', async () => {
    const rates = (await validate()).files[0]!.rates;
    expect(rates.metadata?.byProvider).toEqual({
      南宁市市场监督管理局食品经营监管科: { conforming: 3, total: 3, rate: 1 },
      南宁市教育局: { conforming: 1, total: 1, rate: 1 },
      南宁市卫生健康委员会医政医管科: { conforming: 0, total: 1, rate: 0 },
    });
  });
  it('sum several files into report.rates without repeating the failing lists', async () => {
    const report = await validateCatalog(
      [
        { name: 'a.json', catalog: catalog as never },
        {
          name: 'b.json',
          catalog: catalogOf('shared', [{}, { code: '315018001/2', providerCode: null }]) as never,
        },
      ],
      { today: '2021-12-31', rules: [providerCodeCheck] },
    );
    expect(report.rates?.completeness).toMatchObject({ conforming: 5, total: 7 });
    expect(report.rates?.completeness).not.toHaveProperty('failing');
  });
});

describe('input-driven rates', () => {
  const published = table(
    'published',
    'published.csv',
    [
      '数据资源代码,数据资源名称,发布状态',
      '315018001/1,食品经营许可信息,已发布',
      '315018001/2,,已发布',
      ',中小学校基本信息,已发布',
      '315018001/5,执业医师注册信息,未发布',
      '315099001/1,不存在的目录,已发布',
      '315018001/3,,待审核',
    ].join('\n'),
  );

  it('可发布目录完成率: published / publishable, with unmatched and unusable rows reported', async () => {
    const report = await validate({ inputs: { published } });
    expect(pick(report.files[0]!.rates.published)).toEqual([3, 5, [2, 4]]);
    const all = report.rates!.published!;
    expect([all.conforming, all.total, all.unmatchedCount, all.invalidCount]).toEqual([3, 5, 1, 1]);
    expect(all.unmatched?.[0]).toEqual({ row: 6, resourceCode: '315099001/1', name: '不存在的目录' });
    expect(all.invalid?.[0]).toMatchObject({ row: 7, resourceCode: '315018001/3' });
  });

  it('挂载完成率: mounted / published (a bare JSON list of codes)', async () => {
    const mounted = table('mounted', 'mounted.json', '["315018001/1", "315018001/5"]');
    const report = await validate({ inputs: { published, mounted } });
    // Published: entries 0, 1, 3; of those only entry 0 is mounted (entry 4 is mounted but not published).
    expect(pick(report.files[0]!.rates.mounted)).toEqual([1, 3, [1, 3]]);
    // Without a published list every entry counts as published.
    const alone = await validate({ inputs: { mounted } });
    expect(pick(alone.files[0]!.rates.mounted)).toEqual([2, 5, [1, 2, 3]]);
  });

  it('接口设计规范合格率: one result per interface, the last check wins, rows without codes count overall', async () => {
    const interfaces = table(
      'interfaces',
      'interfaces.csv',
      [
        '接口名称,数据资源代码,检查结果,问题',
        '食品经营许可查询,315018001/1,合格,',
        '食品经营许可查询,315018001/1,不合格,缺少分页参数',
        '学校信息查询,315018001/4,合格,',
        '执业医师查询,,通过,',
        '证照核验,,待定,',
      ].join('\n'),
    );
    const report = await validate({ inputs: { interfaces } });
    const all = report.rates!.interface!;
    expect([all.conforming, all.total, all.unit, all.invalidCount]).toEqual([2, 3, 'interface', 1]);
    expect(all.failingRecords).toEqual([
      { row: 3, interface: '食品经营许可查询', resourceCode: '315018001/1', reason: '缺少分页参数' },
    ]);
    const perFile = report.files[0]!.rates.interface!;
    expect([perFile.conforming, perFile.total, perFile.failing?.map((f) => f.entry)]).toEqual([1, 2, [0]]);
  });

  it('数据更新率 from dates: due cycles inside the period after publication, one update per cycle', async () => {
    const updates = table(
      'updates',
      'updates.csv',
      [
        '数据资源代码,更新时间',
        '315018001/1,2021-08-05',
        '315018001/1,2021-08-20 10:00:00',
        '315018001/1,2021-09-30',
        '315018001/1,2021/11/1',
        '315018001/1,2021年12月31日',
        '315018001/5,2021-09-15',
        '315018001/5,2021-10-08',
        '315018001/5,2021-13-01',
        '315077001/1,2021-09-01',
      ].join('\n'),
    );
    const inputs: IndicatorInputSet = { updates, period: { from: '2021-07-01', to: '2021-12-31' } };
    const report = await validate({ inputs });
    const update = report.files[0]!.rates.update!;
    // Entry 0 (每月, published 07-13): Aug–Dec due, Oct missed → 4/5. Entry 3 (每月): 0/5.
    // Entry 4 (每季度, published in Feb): Q3 and Q4 due, both updated → 2/2. 不定期 and 每年 owe nothing here.
    expect([update.conforming, update.total, update.unit]).toEqual([6, 12, 'update']);
    expect(update.failing?.map((f) => f.entry)).toEqual([0, 3]);
    expect(update.period).toEqual({ from: '2021-07-01', to: '2021-12-31' });
    // D2-4: structured data sets (库表、接口: entries 0 and 4, not the spreadsheet 3) with cycles due; on cycle
    // only entry 4.
    expect(pick(report.files[0]!.rates.timely)).toEqual([1, 2, [0]]);
    expect(report.rates!.update).toMatchObject({ invalidCount: 1, unmatchedCount: 1 });
  });

  it('数据更新率 from a platform statistic (应更新次数 / 按时更新次数)', async () => {
    const updates = table(
      'updates',
      'stats.csv',
      [
        '数据资源代码,应更新次数,按时更新次数',
        '315018001/1,12,10',
        '315018001/4,4,4',
        '315018001/5,2,3',
      ].join('\n'),
    );
    const report = await validate({ inputs: { updates } });
    expect(pick(report.files[0]!.rates.update)).toEqual([14, 16, [0]]);
    expect(report.rates!.update?.invalidCount).toBe(1);
    // The spreadsheet (315018001/4) is no structured data set for D2-4.
    expect(pick(report.files[0]!.rates.timely)).toEqual([0, 1, [0]]);
  });
});

describe('update windows and dates', () => {
  const day = (s: string) => parseDay(s)!;
  const count = (unit: Parameters<typeof windowsWithin>[0], from: string, to: string) =>
    windowsWithin(unit, day(from), day(to)).length;

  it('counts only whole calendar windows inside the period', () => {
    expect(count('week', '2021-11-01', '2021-11-30')).toBe(4); // Mon 1st … Sun 28th
    expect(count('week', '2021-11-02', '2021-11-30')).toBe(3);
    expect(count('month', '2021-07-13', '2021-12-31')).toBe(5);
    expect(count('quarter', '2021-02-10', '2021-12-31')).toBe(3);
    expect(count('half-year', '2021-01-01', '2021-12-31')).toBe(2);
    expect(count('year', '2021-01-01', '2021-12-30')).toBe(0);
    expect(count('day', '2021-02-27', '2021-03-01')).toBe(3);
  });
  it('parses the date spellings platforms export and rejects impossible dates', () => {
    expect(parseDay('2021-02-28')).toBe(parseDay('2021/2/28'));
    expect(parseDay('2021年2月28日')).toBe(parseDay('20210228'));
    expect(parseDay('2021-02-29')).toBeUndefined();
    expect(parseDay('28/02/2021')).toBeUndefined();
  });
});

describe('list files', () => {
  it('reads GB18030 CSV exports', () => {
    const header = [0xca, 0xfd, 0xbe, 0xdd, 0xd7, 0xca, 0xd4, 0xb4, 0xb4, 0xfa, 0xc2, 0xeb]; // 数据资源代码
    const bytes = new Uint8Array([...header, 0x0a, ...new TextEncoder().encode('315018001/1\n')]);
    const t = parseInputTable(bytes, 'gbk.csv', 'published', limits);
    expect(t.rows).toEqual([{ row: 2, values: { code: '315018001/1' } }]);
  });
  it('names the file and the missing column in a one-line error', () => {
    try {
      table('updates', 'log.csv', '数据资源代码,备注\n315018001/1,x');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CatalogInputError);
      expect((err as CatalogInputError).code).toBe('input/no-header');
      expect((err as CatalogInputError).render('zh')).toBe(
        '清单文件 log.csv 缺少 “更新日期” / “应更新次数” 列（列标题见 README“合格率、评分与输出格式”）',
      );
    }
  });
  it('rejects other formats, malformed JSON and lists over the row limit', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as CatalogInputError).code;
      }
      return 'ok';
    };
    expect(code(() => table('published', 'list.xlsx', 'x'))).toBe('input/unsupported-format');
    expect(code(() => table('published', 'list.json', '{"rows": 3'))).toBe('input/malformed');
    expect(code(() => table('published', 'list.json', '{"code": "1"}'))).toBe('input/malformed');
    const rows = ['数据资源代码', ...Array.from({ length: 5 }, (_, i) => `31501800${i}/1`)].join('\n');
    expect(
      code(() =>
        parseInputTable(new TextEncoder().encode(rows), 'big.csv', 'published', { ...limits, maxRows: 4 }),
      ),
    ).toBe('input/limit');
    expect(
      code(() =>
        parseInputTable(new TextEncoder().encode(rows), 'ok.csv', 'published', { ...limits, maxRows: 5 }),
      ),
    ).toBe('ok');
  });
});
