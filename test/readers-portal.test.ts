// Reading real exports: header spellings from real portals, value routing, the kind and its reason, wrapper
// objects, the file-level error when no column maps, and numeric lengths in separate columns.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogInputError } from '../src/errors.js';
import { readCatalogBytes } from '../src/io/readers/index.js';
import { resolveLimits } from '../src/limits.js';
import { headerIndex } from '../src/model/headers.js';
import { loadSeeds } from '../src/seeds/index.js';
import { validateCatalog } from '../src/validate.js';
import { runCli } from './helpers/cli.js';

const seeds = loadSeeds();
const options = { kind: 'auto' as const, limits: resolveLimits(), seeds };
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (name: string, doc: unknown) =>
  readCatalogBytes({ name, bytes: bytes(typeof doc === 'string' ? doc : JSON.stringify(doc)) }, options);

async function readError(name: string, doc: unknown): Promise<CatalogInputError> {
  try {
    await read(name, doc);
  } catch (err) {
    if (err instanceof CatalogInputError) return err;
    throw err;
  }
  throw new Error('expected an input error');
}

/** A Zhejiang-style record: 数源单位, 更新周期 with a note, 开放条件 holding a condition, two domain columns. */
const zhejiang = {
  标题: '农作物种子市场观测点备供种信息',
  摘要: '观测点名称、品种、备种数量、供种数量',
  标签: '种子、观测点',
  更新周期: '每年',
  资源格式: '数据库-sqlServer',
  数源单位: '省农业农村厅',
  数据领域: '工业农业',
  行业分类: '农、林、牧、渔业',
  开放条件: '开放网站',
  更新日期: '2023-06-02',
  发布日期: '2019-01-29',
  数据量: '19053',
  详情页网址: 'https://data.example.gov.cn/detail/data.do?iid=4208',
};

describe('portal exports', () => {
  it('maps the real header spellings of a portal and keeps a second column for the same field aside', async () => {
    const parsed = await read('zhejiang.json', [zhejiang]);
    expect(parsed.entries[0]!.data).toMatchObject({
      name: '农作物种子市场观测点备供种信息',
      provider: '省农业农村厅',
      summary: '观测点名称、品种、备种数量、供种数量',
      updateCycle: '每年',
      format: ['数据库-sqlServer'],
      domain: '工业农业',
      publishDate: '2019-01-29',
      updateDate: '2023-06-02',
      recordCount: 19053,
      // 开放条件 text that is no open mode is the open condition, not a bad 开放类型.
      open: { open: 1, condition: '开放网站' },
      extra: { 行业分类: '农、林、牧、渔业', 详情页网址: zhejiang.详情页网址 },
    });
    // The detail-page URL is a known portal column: kept, never reported as unknown.
    expect(parsed.notices.map((n) => [n.messageId, n.data.header])).toEqual([['duplicateKey', '行业分类']]);
  });

  it('routes open attributes by their value: a mode, a flag or a condition', async () => {
    const rows = [
      { 资源名称: 'a', 是否向社会开放: '申请后开放' },
      { 资源名称: 'b', 开放类型: '可开放', 开放条件: '无条件开放' },
      { 资源名称: 'c', 开放条件: '有条件开放' },
    ];
    const parsed = await read(
      'open.json',
      rows.map((r) => ({ ...r, 更新时间: '2023-01-01' })),
    );
    expect(parsed.kind).toBe('open');
    expect(parsed.entries.map((e) => e.data.open)).toEqual([
      { open: 1, mode: '申请后开放' },
      { open: 1, mode: '无条件开放' },
      { open: 1, mode: '有条件开放' },
    ]);
  });

  it('reads 发布日期 as the update date when the file also has 创建日期 (seeds: together)', async () => {
    const parsed = await read('yancheng.json', [
      { 目录名称: '旅行社信息', 创建日期: '2022-12-14', 发布日期: '2023-06-13', 开放条件: '无条件开放' },
    ]);
    expect(parsed.entries[0]!.data).toMatchObject({ publishDate: '2022-12-14', updateDate: '2023-06-13' });
    const alone = await read('other.json', [{ 目录名称: '旅行社信息', 发布日期: '2023-06-13', 数据量: 3 }]);
    expect(alone.entries[0]!.data).toMatchObject({ publishDate: '2023-06-13' });
    expect(alone.entries[0]!.data.updateDate).toBeUndefined();
  });

  it('reads 资源分类 as the classification of a shared catalog and as the domain of an open one', () => {
    const index = headerIndex(seeds.headerAliases);
    expect(index.resolve('资源分类', undefined, 'shared')).toBe('/classification');
    expect(index.resolve('资源分类', undefined, 'open')).toBe('/domain');
    expect(index.resolve('信息资源提供方名称：', undefined, 'open')).toBe('/provider');
  });

  it('says why a kind was chosen, naming the columns that showed it', async () => {
    const report = await validateCatalog(
      [
        { name: 'open.json', bytes: bytes(JSON.stringify([zhejiang])) },
        { name: 'plain.json', bytes: bytes(JSON.stringify([{ 数据资源名称: 'x', 数据资源摘要: 'y' }])) },
        { name: 'declared.json', bytes: bytes(JSON.stringify({ kind: 'open', entries: [] })) },
      ],
      { today: '2023-06-18' },
    );
    expect(report.files.map((f) => [f.kind, f.kindReason?.source, f.kindReason?.basis])).toEqual([
      ['open', 'detected', 'open'],
      ['shared', 'default', undefined],
      ['open', 'declared', undefined],
    ]);
    expect(report.files[0]!.kindReason?.evidence).toEqual([
      '数据量',
      '更新日期',
      '数据领域',
      '标签',
      '详情页网址',
    ]);
    expect(report.files[0]!.kindReason?.message).toBe(
      '有开放平台导出才有的列（数据量、更新日期、数据领域、标签、详情页网址），且没有共享属性，读作开放目录',
    );
    const forced = await validateCatalog(
      { name: 'open.json', bytes: bytes(JSON.stringify([zhejiang])) },
      { kind: 'shared', lang: 'en' },
    );
    expect(forced.files[0]!.kindReason).toEqual({
      source: 'option',
      evidence: [],
      message: 'read as a shared catalog as --kind (or the configuration) says',
    });
  });
});

describe('the portal header mapping of the corpus', () => {
  /** The mapping's canonical names and the fields govcat reads them into. */
  const FIELDS: Record<string, string[]> = {
    title: ['/name'],
    department: ['/provider'],
    description: ['/summary'],
    update_frequency: ['/updateCycle'],
    publish_time: ['/publishDate'],
    update_time: ['/updateDate'],
    data_formats: ['/format'],
    is_open: ['/open/mode', '/open/open'],
    data_volume: ['/recordCount'],
    tags: ['/tags'],
    industry: ['/domain'],
    category: ['/domain'],
  };

  it('has every real spelling as an alias of its field, a known column, or an exclusion with its reason', () => {
    const mapping = JSON.parse(
      readFileSync(new URL('./data/real-data/portal-header-mapping.json', import.meta.url), 'utf8'),
    ) as { common: Record<string, string>; 'ad-hoc': Record<string, Record<string, Record<string, string>>> };
    const spellings = Object.entries(mapping.common);
    for (const portals of Object.values(mapping['ad-hoc']))
      for (const headers of Object.values(portals)) spellings.push(...Object.entries(headers));
    expect(spellings.length).toBeGreaterThanOrEqual(159);
    const index = headerIndex(seeds.headerAliases);
    const excluded = new Set((seeds.headerAliases.excluded ?? []).map((x) => x.header));
    // A spelling one portal uses otherwise (数据主题: category in common, tags at one portal) may take either.
    const meanings = new Map<string, string[]>();
    for (const [header, canonical] of spellings)
      meanings.set(header, [...(meanings.get(header) ?? []), canonical]);
    const wrong: string[] = [];
    for (const [header, canonicals] of meanings) {
      if (excluded.has(header)) continue;
      const ok = canonicals.some((canonical) => {
        const fields = FIELDS[canonical];
        // Yancheng's 发布日期 means the update date only beside 创建日期 (seeds: together).
        const overrides = index.overridesFor(canonical === 'update_time' ? [header, '创建日期'] : [header]);
        const pointer = index.resolve(header, undefined, 'open', overrides);
        return fields ? fields.includes(pointer ?? '') : index.knownColumn(header) !== undefined;
      });
      if (!ok)
        wrong.push(
          `${header} (${canonicals.join(' / ')}) → ${index.resolve(header, undefined, 'open') ?? 'nothing'}`,
        );
    }
    expect(wrong).toEqual([]);
  });
});

describe('wrapped JSON exports', () => {
  const record = { 资源名称: '南通市省专精特新小巨人企业', 提供机构: '市工信局' };

  it.each([
    ['{"obj": [...]}', { success: true, obj: [record] }, '/obj/0'],
    ['{"data": {"list": [...]}}', { code: 200, data: { list: [record], total: 1 } }, '/data/list/0'],
    [
      '{"result": {"data": {"records": [...]}}}',
      { result: { data: { records: [record] } } },
      '/result/data/records/0',
    ],
  ])('reads the records of %s', async (_label, doc, pointer) => {
    const parsed = await read('api.json', doc);
    expect(parsed.entries.map((e) => e.data.provider)).toEqual(['市工信局']);
    expect(parsed.entries[0]!.locations.get('/name')?.pointer).toBe(`${pointer}/资源名称`);
  });

  it('names the keys it found when no wrapper holds the records', async () => {
    const err = await readError('api.json', { code: 200, payload: { items: 1 }, rows2: [record] });
    expect([err.code, err.messageId]).toEqual(['input/malformed', 'input.notCatalogKeys']);
    expect(err.data.keys).toBe('code、payload{}、rows2[1]');
    expect(err.render('zh')).toContain('找到的键：code、payload{}、rows2[1]');
  });
});

describe('a file where no column maps', () => {
  it('is one file-level error naming the keys and the nearest known headers, not entries with every field missing', async () => {
    const doc = [{ 资源名: '企业名录', 提供者: '市工信局', 条目说明: '企业名称、地址' }];
    const err = await readError('odd.json', doc);
    expect([err.code, err.messageId]).toEqual(['input/no-header', 'readers.noFieldMaps']);
    expect(err.data).toMatchObject({ headers: '资源名、提供者、条目说明' });
    expect(String(err.data.nearest)).toContain('资源名 → 资源名称');
    expect(String(err.data.nearest)).toContain('提供者 → 提供方');
    const report = await validateCatalog({ name: 'odd.json', bytes: bytes(JSON.stringify(doc)) });
    expect(report.files[0]).toMatchObject({ entries: 0, findings: [], error: { code: 'input/no-header' } });
  });

  it('exits 2 from the CLI with one line naming the columns, and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-portal-'));
    const file = join(dir, 'odd.json');
    writeFileSync(file, JSON.stringify([{ 资源名: '企业名录', 提供者: '市工信局' }]));
    const { code, stdout, stderr } = await runCli(['validate', file, '--no-config']);
    expect(code).toBe(2);
    expect(`${stdout}${stderr}`).toContain('没有一列能对应到目录字段');
    expect(`${stdout}${stderr}`).not.toMatch(/\bat \S+ \(/);
  });

  it('still reads canonical entries, empty entries and an empty catalog', async () => {
    expect((await read('a.json', [{}, null])).entries).toHaveLength(2);
    expect((await read('b.json', { kind: 'open', entries: [] })).entries).toHaveLength(0);
    expect((await read('c.json', [{ name: 'x', extra: { 备注: 'y' } }])).entries[0]!.data.name).toBe('x');
  });
});

describe('a numeric type with its precision and scale in separate columns', () => {
  const head =
    '数据资源分类,数据资源名称,数据资源代码,数据资源提供方,数据资源提供方代码,数据资源摘要,数据资源格式,数据项名称,数据类型,{{cols}},共享类型,共享条件,共享方式,是否向社会开放,更新周期,发布日期';
  const row = (values: string) =>
    `315018001,食品经营许可信息,315018001/1,南宁市市场监督管理局,11450100MB0H76326Q,本市食品经营许可证的许可证编号、经营者名称和注册资本,数据库,注册资本,N,${values},1,作为行政依据用于监管协同,共享平台,0,每日,2021-07-13`;

  it.each([
    ['字段长度', '"18,4"'],
    ['精度,小数位数', '18,4'],
    ['长度,精度', '18,4'],
    ['字段长度,小数位数', '18,4'],
  ])('reads N with %s as N(18,4), with no finding about its length', async (cols, values) => {
    const text = `${head.replace('{{cols}}', cols)}\n${row(values)}\n`;
    const report = await validateCatalog({ name: 'items.csv', bytes: bytes(text) }, { today: '2023-06-18' });
    const file = report.files[0]!;
    expect(file.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual([]);
    const parsed = await read('items.csv', text);
    expect(parsed.entries[0]!.data.items?.[0]).toMatchObject({
      type: 'N(18,4)',
      fieldLength: 18,
      fieldScale: 4,
    });
  });
});
