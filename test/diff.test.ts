// diffCatalogs over realistic version pairs: the examples and a real portal catalog, edited by script.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../src/diff/diff.js';
import { matchFindings, reportFindingKey } from '../src/diff/findings.js';
import { diffSources } from '../src/diff/sources.js';
import type { CatalogDiff, EntryDiff, Finding } from '../src/generated/schema-types.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { nextSharedVersion, sharedExample } from './helpers/versions.js';

const TODAY = { today: '2024-01-01' };

/** [status, match, old index, new index, changed fields, items +/-/~] per listed entry. */
function compact(d: CatalogDiff) {
  return d.entries.map((e: EntryDiff) => [
    e.status,
    e.match ?? null,
    e.old?.entry ?? null,
    e.new?.entry ?? null,
    e.changes.map((c) => c.field),
    e.items ? [e.items.added, e.items.removed, e.items.changed.map((c) => c.name)] : null,
  ]);
}

const findingIds = (list: { ruleId: string; field?: string }[]) => list.map((f) => `${f.ruleId}@${f.field}`);

describe('diffCatalogs on the shared example and its next submission', async () => {
  const old = sharedExample();
  const d = await diffSources(
    { name: 'old.json', catalog: old },
    { name: 'new.json', catalog: nextSharedVersion(old) },
    TODAY,
  );

  it('lists added, removed, renamed, re-coded and edited entries with the reason they matched', () => {
    expect(compact(d)).toEqual([
      ['changed', 'code', 0, 0, ['name'], null],
      ['changed', 'name-provider', 1, 1, [], null],
      ['changed', 'code', 2, 2, [], [['缴费基数'], ['个人账户累计储存额'], ['公民身份号码']]],
      ['changed', 'code', 3, 3, ['share.type'], null],
      ['changed', 'code', 6, 6, ['providerCode'], null],
      ['added', null, null, 11, [], null],
      ['added', null, null, 12, [], null],
      ['removed', null, 11, null, [], null],
    ]);
    expect(d.summary).toMatchObject({
      added: 2,
      removed: 1,
      changed: 5,
      unchanged: 6,
      recoded: 1,
      codeReused: 1,
    });
    expect(d.entries[1]!.recoded).toEqual({ from: '202001001/1', to: '202001001/9' });
    expect(d.entries[2]!.items!.changed[0]!.changes).toEqual([
      { field: 'type', before: 'C(18)', after: 'C(20)' },
    ]);
    expect(d.entries[3]!.changes).toEqual([{ field: 'share.type', before: 2, after: 1 }]);
  });

  it('reports the code given to another resource', () => {
    expect(d.codeReused).toEqual([
      {
        code: '101002001/1',
        old: {
          entry: 11,
          code: '101002001/1',
          name: '不动产登记信息',
          provider: '南宁市自然资源局不动产登记中心',
        },
        new: { entry: 11, code: '101002001/1', name: '城市道路停车泊位信息', provider: '南宁市城市管理局' },
      },
    ]);
  });

  it('tells findings that are new, fixed and still open, per entry, by rule and field', () => {
    const byEntry = d.entries.map((e) => [
      findingIds(e.findings.new),
      findingIds(e.findings.fixed),
      e.findings.open,
    ]);
    expect(byEntry).toEqual([
      [[], [], 0],
      [['code/sequence-gaps@code'], [], 1],
      [['field/unique-name@items[3].name', 'code/sequence-gaps@code'], [], 0],
      [[], ['classification/conditional-scope@share.condition'], 1],
      [
        [],
        ['metadata/provider-code-check@providerCode', 'metadata/provider-code-consistent@providerCode'],
        0,
      ],
      [['code/prefix-matches-classification@code'], [], 0],
      [['schema/required@code', 'metadata/date-valid@publishDate'], [], 0],
      [[], [], 0],
    ]);
    expect(d.summary.findings).toEqual({ new: 6, fixed: 3, open: 7, newErrors: 4 });
    expect([d.old.errors, d.new.errors]).toEqual([7, 9]);
  });

  it('gives each rate before → after', () => {
    const metadata = d.rates.find((r) => r.id === 'metadata')!;
    expect([metadata.before, metadata.after]).toEqual([
      { conforming: 7, total: 12, rate: 7 / 12 },
      { conforming: 6, total: 13, rate: 6 / 13 },
    ]);
  });

  it('fits schemas/diff.schema.json', () => {
    const validate = getValidator(SCHEMA_IDS.diff);
    expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is empty between a version and itself', async () => {
    const same = await diffSources({ name: 'a.json', catalog: old }, { name: 'b.json', catalog: old }, TODAY);
    expect(same.entries).toEqual([]);
    expect(same.summary).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 12,
      recoded: 0,
      codeReused: 0,
      findings: { new: 0, fixed: 0, open: 10, newErrors: 0 },
    });
  });
});

describe('diffCatalogs on a real portal catalog (贺州) and a scripted next version', async () => {
  const raw = readFileSync(new URL('./data/real-data/guangxi_hezhou.json', import.meta.url), 'utf8');
  const before: Record<string, string>[] = JSON.parse(raw);
  const after = structuredClone(before);
  after[20]!['数据量'] = '120';
  after[30]!['开放条件'] = '有条件开放';
  after[40]!['标题'] = '贺州市本级事业单位法人注销登记信息';
  after.splice(10, 1);
  after.push({ ...before[0]!, 标题: '茶叶种植技术培训统计表' });
  const bytes = (rows: unknown) => new TextEncoder().encode(JSON.stringify(rows));
  const d = await diffSources(
    { name: 'hezhou-2023.json', bytes: bytes(before) },
    { name: 'hezhou-2024.json', bytes: bytes(after) },
    TODAY,
  );

  it('pairs by name and provider when there are no codes: a rename is one removed and one added', () => {
    expect(compact(d).filter((e) => e[0] !== 'unchanged')).toEqual([
      ['changed', 'name-provider', 20, 19, ['recordCount'], null],
      ['changed', 'name-provider', 30, 29, ['open.mode'], null],
      ['added', null, null, 39, [], null],
      ['added', null, null, 575, [], null],
      ['removed', null, 10, null, [], null],
      ['removed', null, 40, null, [], null],
    ]);
    expect(d.entries.find((e) => e.status === 'changed' && e.old?.entry === 20)!.changes).toEqual([
      { field: 'recordCount', before: 48, after: 120 },
    ]);
    expect(d.summary).toMatchObject({
      added: 2,
      removed: 2,
      changed: 2,
      unchanged: 572,
      recoded: 0,
      codeReused: 0,
    });
  });
});

describe('findings matched without row numbers', () => {
  const f = (ruleId: string, row: number, code: string, field: string): Finding => ({
    ruleId,
    severity: 'error',
    category: 'naming',
    message: 'm',
    entry: row - 2,
    resourceCode: code,
    location: { row, field },
  });

  it('a finding that moved rows is existing; one more of the same key is new', () => {
    const old = [f('naming/x', 3, 'A/1', 'name'), f('code/y', 4, 'B/1', 'items[2].type')];
    const now = [
      f('naming/x', 9, 'A/1', 'name'),
      f('code/y', 10, 'B/1', 'items[5].type'),
      f('code/y', 11, 'B/1', 'items[6].type'),
    ];
    const m = matchFindings(old, now, reportFindingKey);
    expect(m.existing).toEqual([true, true, false]);
    expect(m.fixed).toEqual([]);
    expect(matchFindings(now, old.slice(1), reportFindingKey).fixed.map((x) => x.location.row)).toEqual([
      9, 11,
    ]);
  });

  it('diffCatalogs works on plain objects (no files, no Node): the library core', () => {
    const d = diffCatalogs(
      { file: 'a', entries: [{ code: 'A/1', name: '甲' }], findings: [] },
      { file: 'b', entries: [{ code: 'A/1', name: '甲', provider: '乙局' }], findings: [] },
    );
    expect(compact(d)).toEqual([['changed', 'code', 0, 0, ['provider'], null]]);
  });
});
