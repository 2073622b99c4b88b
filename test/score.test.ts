// Scoring against the bundled profiles: thresholds at their exact edges, tiers, caps, next steps, X/Y/ALL, grades.
import { describe, expect, it } from 'vitest';
import type { Rate, Score, ScoreIndicator, ScoringProfile } from '../src/generated/schema-types.js';
import { localize } from '../src/i18n/text.js';
import { loadProfiles } from '../src/indicators/data.js';
import { scoreProfile } from '../src/indicators/render.js';
import { deductionBonus, holds, nextStep, type ScoredFile } from '../src/indicators/score.js';
import type { CatalogKind } from '../src/model/types.js';

const profiles = loadProfiles();
const gx2021 = profiles.get('gx-2021-city')!;
const gx2019 = profiles.get('gx-2019-xy')!;
const guiyang = profiles.get('gy-2018')!;

/** A file whose rates are given as [conforming, total] (diagnostic rates unless the id is input-driven). */
function file(
  kind: CatalogKind,
  rates: Record<string, [number, number]>,
  weights: Record<string, number[]> = {},
): ScoredFile {
  const out: Record<string, Rate> = {};
  for (const [id, [c, t]] of Object.entries(rates)) {
    const input = ['published', 'mounted', 'interface', 'update', 'timely'].includes(id);
    out[id] = {
      label: id,
      conforming: c,
      total: t,
      rate: t === 0 ? null : c / t,
      unit: id === 'interface' ? 'interface' : id === 'update' ? 'update' : 'entry',
      source: input ? 'input' : id === 'structured' ? 'format' : 'diagnostics',
    };
  }
  return {
    kind,
    entries: Math.max(0, ...Object.values(rates).map(([, t]) => t)),
    rates: out,
    weights: Object.fromEntries(
      Object.entries(weights).map(([id, w]) => [id, new Map(w.map((n, i) => [i, n]))]),
    ),
    diagnostics: [],
  };
}

function score(profile: ScoringProfile, files: ScoredFile[]): Score {
  return scoreProfile({ profile, lang: 'zh', files, ruleIds: [] });
}

function indicator(s: Score, id: string): ScoreIndicator {
  const hit = s.indicators.find((i) => i.id === id);
  if (!hit) throw new Error(`no indicator ${id}`);
  return hit;
}

/** [earned, deducted, bonus] of one item. */
function pts(s: Score, ind: string, item: string): [number?, number?, number?] {
  const it = indicator(s, ind).items.find((i) => i.id === item)!;
  return [it.earned, it.deducted, it.bonus];
}

describe('thresholds compare exactly, inclusive or exclusive as written', () => {
  const th = (op: '>' | '>=' | '<' | '<=', percent: number) => ({ op, percent, text: 't' });
  it('treats exactly 80% as not “大于80%” but “大于80%（含）”', () => {
    expect(holds(th('>', 80), 8, 10)).toBe(false);
    expect(holds(th('>=', 80), 8, 10)).toBe(true);
    expect(holds(th('<', 80), 8, 10)).toBe(false);
    expect(holds(th('>', 80), 81, 100)).toBe(true);
    expect(holds(th('<', 80), 79, 100)).toBe(true);
  });
  it('has no floating-point drift at 70 %, 90 % and 100 % with awkward totals', () => {
    // 0.7 * 30 = 20.999999999999996 in floating point; the integer comparison is exact.
    expect(holds(th('>=', 70), 21, 30)).toBe(true);
    expect(holds(th('<', 70), 21, 30)).toBe(false);
    expect(holds(th('>', 90), 63, 70)).toBe(false);
    expect(holds(th('>=', 100), 49, 49)).toBe(true);
    expect(holds(th('>=', 100), 48, 49)).toBe(false);
  });
});

describe('gx-2021-city C2-1 (shared, “大于80%” exclusive)', () => {
  const run = (c: number, t = 10) =>
    score(gx2021, [file('shared', { naming: [c, t], metadata: [c, t], classification: [c, t] })]);

  it('at exactly 80 %: no points earned, no deduction', () => {
    expect(pts(run(8), 'C2-1', 'naming')).toEqual([0, 0, 0]);
    expect(pts(run(8), 'C2-1', 'classification')).toEqual([0, 0, 0]);
  });
  it('at 79 %: −0.3 (naming, metadata), −0.1 (classification)', () => {
    const s = run(79, 100);
    expect(pts(s, 'C2-1', 'naming')).toEqual([0, 0.3, 0]);
    expect(pts(s, 'C2-1', 'metadata')).toEqual([0, 0.3, 0]);
    expect(pts(s, 'C2-1', 'classification')).toEqual([0, 0.1, 0]);
  });
  it('at exactly 70 %: still the 80 % tier (−0.3), not the 70 % one', () => {
    expect(pts(run(7), 'C2-1', 'naming')).toEqual([0, 0.3, 0]);
    expect(pts(run(7), 'C2-1', 'classification')).toEqual([0, 0.1, 0]);
  });
  it('below 70 %: the larger tier only (−0.5, not −0.8)', () => {
    expect(pts(run(69, 100), 'C2-1', 'naming')).toEqual([0, 0.5, 0]);
    expect(pts(run(69, 100), 'C2-1', 'classification')).toEqual([0, 0.2, 0]);
  });
  it('at exactly 90 %: earned 0.5 but no bonus (“大于90%”); at 91 %: bonus 0.5', () => {
    expect(pts(run(9), 'C2-1', 'naming')).toEqual([0.5, 0, 0]);
    expect(pts(run(91, 100), 'C2-1', 'naming')).toEqual([0.5, 0, 0.5]);
  });
  it('at 100 % with three rates and no interface list: 1.5 earned, 1.5 bonus, partly assessed', () => {
    const ind = indicator(run(10), 'C2-1');
    expect([ind.earned, ind.deducted, ind.bonus, ind.net, ind.status]).toEqual([1.5, 0, 1.5, 3, 'partial']);
    const iface = ind.items.find((i) => i.id === 'interface')!;
    expect(iface.status).toBe('not-assessed');
    expect(iface.reason).toContain('--interfaces');
  });
  it('does not assess the interface item when there are no interfaces (“如数据接口总数为0，则不考核该项”)', () => {
    const s = score(gx2021, [file('shared', { naming: [10, 10], interface: [0, 0] })]);
    const iface = indicator(s, 'C2-1').items.find((i) => i.id === 'interface')!;
    expect(iface.status).toBe('not-assessed');
    expect(iface.reason).toBe('如数据接口总数为0，则不考核该项。');
  });
  it('scores the interface item with its own points: >80 % earns 1, <70 % deducts 0.3', () => {
    const s1 = score(gx2021, [file('shared', { interface: [17, 20] })]);
    expect(pts(s1, 'C2-1', 'interface')).toEqual([1, 0, 0]);
    const s2 = score(gx2021, [file('shared', { interface: [13, 20] })]);
    expect(pts(s2, 'C2-1', 'interface')).toEqual([0, 0.3, 0]);
  });
  it('caps the deduction at 1.5 and sums all four items when everything is poor', () => {
    const s = score(gx2021, [
      file('shared', { naming: [1, 10], metadata: [1, 10], classification: [1, 10], interface: [1, 10] }),
    ]);
    const ind = indicator(s, 'C2-1');
    expect(ind.status).toBe('assessed');
    expect(ind.deducted).toBe(1.5); // 0.5 + 0.5 + 0.2 + 0.3
    expect(ind.net).toBe(-1.5);
  });
});

describe('gx-2021-city D2 (open, “大于80%（含）” inclusive)', () => {
  it('D2-1 naming at exactly 80 %: earns 0.5; at 69 %: −1', () => {
    expect(pts(score(gx2021, [file('open', { naming: [8, 10] })]), 'D2-1', 'naming')).toEqual([0.5, 0, 0]);
    expect(pts(score(gx2021, [file('open', { naming: [69, 100] })]), 'D2-1', 'naming')).toEqual([0, 1, 0]);
  });
  it('D2-1 classification earns 1 at 80 % and deducts 0.5 below 70 %', () => {
    expect(pts(score(gx2021, [file('open', { classification: [4, 5] })]), 'D2-1', 'classification')).toEqual([
      1, 0, 0,
    ]);
    expect(pts(score(gx2021, [file('open', { classification: [6, 10] })]), 'D2-1', 'classification')).toEqual(
      [0, 0.5, 0],
    );
  });
  it('D2-3 structured below 80 % deducts both listed items (1 + 0.5); at 100 % the bonus is 1, not 1.5', () => {
    const low = indicator(score(gx2021, [file('open', { structured: [7, 10] })]), 'D2-3');
    expect(low.deducted).toBe(1.5);
    const full = indicator(score(gx2021, [file('open', { structured: [10, 10] })]), 'D2-3');
    expect([full.earned, full.deducted, full.bonus]).toEqual([1, 0, 1]);
  });
  it('D2-4 at exactly 60 %: −1 (the “低于60%” tier is exclusive); at 59 %: −2', () => {
    expect(pts(score(gx2021, [file('open', { timely: [6, 10] })]), 'D2-4', 'timely')).toEqual([0, 1, 0]);
    expect(pts(score(gx2021, [file('open', { timely: [59, 100] })]), 'D2-4', 'timely')).toEqual([0, 2, 0]);
  });
  it('C indicators are not applicable to an open catalog and D ones to a shared catalog', () => {
    const s = score(gx2021, [file('open', { naming: [1, 1] })]);
    expect(indicator(s, 'C2-1').status).toBe('not-applicable');
    expect(indicator(score(gx2021, [file('shared', { naming: [1, 1] })]), 'D2-1').status).toBe(
      'not-applicable',
    );
  });
});

describe('gx-2021-city B2 and C2-4 (input-driven rates)', () => {
  it('B2-1 completion at exactly 80 % earns 4; at 79 % deducts 1.5; at 100 % adds 1 (not 1.5)', () => {
    expect(pts(score(gx2021, [file('shared', { published: [8, 10] })]), 'B2-1', 'published')).toEqual([
      4, 0, 0,
    ]);
    expect(pts(score(gx2021, [file('shared', { published: [79, 100] })]), 'B2-1', 'published')).toEqual([
      0, 1.5, 0,
    ]);
    expect(pts(score(gx2021, [file('shared', { published: [9, 10] })]), 'B2-1', 'published')).toEqual([
      4, 0, 0,
    ]);
    expect(pts(score(gx2021, [file('shared', { published: [10, 10] })]), 'B2-1', 'published')).toEqual([
      4, 0, 1,
    ]);
  });
  it('B2-2 mounting tiers at 70 % and 60 % exactly', () => {
    const m = (c: number) => pts(score(gx2021, [file('open', { mounted: [c, 10] })]), 'B2-2', 'mounted');
    expect(m(7)).toEqual([0, 0.5, 0]);
    expect(m(6)).toEqual([0, 1, 0]);
    expect(m(5)).toEqual([0, 1.5, 0]);
    expect(m(8)).toEqual([2, 0, 0]);
  });
  it('C2-4 “达到80%” includes 80 %; “达到100%” adds 1', () => {
    const u = (c: number, t: number) =>
      pts(score(gx2021, [file('shared', { update: [c, t] })]), 'C2-4', 'update');
    expect(u(8, 10)).toEqual([1, 0, 0]);
    expect(u(79, 100)).toEqual([0, 0.5, 0]);
    expect(u(6, 10)).toEqual([0, 0.5, 0]);
    expect(u(59, 100)).toEqual([0, 1, 0]);
    expect(u(12, 12)).toEqual([1, 0, 1]);
  });
  it('sums B2-1 over a shared and an open catalog (it covers both platforms)', () => {
    const s = score(gx2021, [file('shared', { published: [6, 8] }), file('open', { published: [2, 2] })]);
    const item = indicator(s, 'B2-1').items.find((i) => i.id === 'published')!;
    expect(item.rate).toMatchObject({ conforming: 8, total: 10 });
    expect(item.earned).toBe(4);
  });
});

describe('what the next threshold takes', () => {
  const naming = gx2021.indicators.find((i) => i.id === 'C2-1')!.items.find((i) => i.id === 'naming')!;
  if (naming.type !== 'rate') throw new Error('naming is a rate item');

  it('names the fewest entries and findings to pass “大于80%”', () => {
    // 7/10: 80 % exactly does not pass; 9/10 does. Cheapest two failing entries carry 1 + 2 findings.
    const next = nextStep(naming, 7, 10, 'entry', [4, 1, 2])!;
    expect(next).toMatchObject({ need: 1, threshold: '≥ 80%', gain: 0.3 });
    // From 8/10 the deduction is gone; the next gain needs 9/10 (> 80 %).
    const from8 = nextStep(naming, 8, 10, 'entry', [3, 1])!;
    expect(from8).toMatchObject({ need: 1, threshold: '> 80%', gain: 0.5, findings: 1 });
  });
  it('reports the cheapest fixes from the real rate through scoreProfile', () => {
    const s = score(gx2021, [file('shared', { naming: [6, 10] }, { naming: [3, 1, 1, 5] })]);
    const item = indicator(s, 'C2-1').items.find((i) => i.id === 'naming')!;
    // 6/10 → 7/10 lifts the deduction from 0.5 to 0.3.
    expect(item.next).toMatchObject({ need: 1, findings: 1, gain: 0.2, threshold: '≥ 70%' });
  });
  it('has no next step at the top tier', () => {
    expect(nextStep(naming, 10, 10, 'entry')).toBeUndefined();
  });
});

describe('gx-2019-xy: X = (M − deductions) × N, Y only when X qualifies, bands and lists', () => {
  const ids = gx2019.indicators.map((i) => i.id);
  const deductionIds = gx2019.indicators.filter((i) => i.part === 'deduction').map((i) => i.id);
  const bonusIds = gx2019.indicators.filter((i) => i.part === 'bonus').map((i) => i.id);

  function run(indicators: Record<string, Record<string, number | boolean>>): Score {
    return scoreProfile({
      profile: gx2019,
      lang: 'zh',
      files: [file('shared', { published: [10, 10], mounted: [9, 10] })],
      ruleIds: [],
      assessment: { file: 'assessment.json', data: { indicators } },
    });
  }
  function all(
    deductions: Record<string, number>,
    bonus: Record<string, number> = {},
    missing: Record<string, number> = {},
  ) {
    const out: Record<string, Record<string, number | boolean>> = {};
    for (const id of deductionIds)
      out[id] = id in missing ? { missing: true, points: missing[id]! } : { deducted: deductions[id] ?? 0 };
    for (const id of bonusIds) out[id] = { bonus: bonus[id] ?? 0 };
    return out;
  }

  it('lists 12 deduction and 10 bonus indicators from the text', () => {
    expect(ids).toHaveLength(22);
    expect(deductionIds).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'C1', 'C2', 'C3']);
  });
  it('is not assessed from a catalog alone: X, Y and ALL wait for the assessment', () => {
    const s = scoreProfile({
      profile: gx2019,
      lang: 'zh',
      files: [file('shared', { published: [9, 10] })],
      ruleIds: [],
    });
    expect(s.aggregate).toMatchObject({ x: null, y: null, all: null });
    expect(s.aggregate?.pending).toEqual(deductionIds);
    const b1 = indicator(s, 'B1').items.find((i) => i.id === 'published')!;
    expect(b1.target).toEqual({ text: expect.stringContaining('100%'), met: false });
  });
  it('X with no missing indicators is 100 − deductions', () => {
    const s = run(all({ A5: 10, B1: 2.5 }, { D1: 5 }));
    expect(s.aggregate).toMatchObject({
      x: 87.5,
      m: 100,
      n: 1,
      y: 5,
      all: 92.5,
      band: '非常高',
      bonusQualified: true,
    });
    expect(s.aggregate?.lists).toEqual(['红榜']);
  });
  it('X with missing A1 (10 points) and B3 (10 points): M = 80, N = 1.25', () => {
    const s = run(all({ A5: 8 }, {}, { A1: 10, B3: 10 }));
    // X = (80 − 8) × 1.25 = 90
    expect(s.aggregate).toMatchObject({ m: 80, n: 1.25, deductions: 8, x: 90, missing: ['A1', 'B3'] });
  });
  it('Y counts at exactly X = 70 but not at 69.5', () => {
    const at70 = run(all({ A5: 30 }, { D1: 5, E1: 3 }));
    expect(at70.aggregate).toMatchObject({ x: 70, bonusQualified: true, y: 8, all: 78, band: '中' });
    const below = run(all({ A5: 30.5 }, { D1: 5 }));
    expect(below.aggregate).toMatchObject({ x: 69.5, bonusQualified: false, y: 0, all: 69.5, band: '低' });
  });
  it('bands and lists at their edges: [90,150] 非常高, [80,90) 高 + 红榜 from 80, 黑榜 below 60', () => {
    const band = (d: number) => run(all({ A5: d })).aggregate!;
    expect(band(10)).toMatchObject({ all: 90, band: '非常高', lists: ['红榜'] });
    expect(band(10.5)).toMatchObject({ all: 89.5, band: '高' });
    expect(band(20)).toMatchObject({ all: 80, band: '高', lists: ['红榜'] });
    expect(band(20.5)).toMatchObject({ all: 79.5, band: '中', lists: [] });
    expect(band(40)).toMatchObject({ all: 60, band: '低', lists: [] });
    expect(band(40.5)).toMatchObject({ all: 59.5, band: '低', lists: ['黑榜'] });
  });
  it('caps Y at 50', () => {
    const bonus = Object.fromEntries(bonusIds.map((id) => [id, 9]));
    expect(run(all({}, bonus)).aggregate).toMatchObject({ x: 100, y: 50, all: 150, band: '非常高' });
  });
  it('stays not assessed while an indicator has no result, naming it', () => {
    const partial = all({});
    delete partial.C3;
    expect(run(partial).aggregate).toMatchObject({ x: null, pending: ['C3'] });
  });
  it('rejects marking a non-optional indicator missing', () => {
    expect(() => run({ A5: { missing: true, points: 10 } })).toThrow(/A5/);
  });
  it('deductionBonus is the formula itself', () => {
    const s = run(all({ C1: 4 }, {}, { A2: 20 }));
    expect(localize(deductionBonus(gx2019, s.indicators), 'en')).toMatchObject({
      m: 80,
      n: 1.25,
      x: 95,
      band: 'very high',
    });
  });
});

describe('gy-2018 (Guiyang): grades are named but not defined', () => {
  it('shows the catalog rates for reference and leaves the grade not assessed', () => {
    const s = score(guiyang, [file('shared', { naming: [9, 10], metadata: [10, 10] })]);
    expect(s.grade?.label).toBeNull();
    expect(s.grade?.reason).toContain('等级');
    const catalog = indicator(s, 'GY-10-2');
    const naming = catalog.items.find((i) => i.id === 'naming')!;
    expect(naming).toMatchObject({ status: 'informational', rate: { conforming: 9, total: 10 } });
    expect(naming).not.toHaveProperty('earned');
    expect(catalog.status).toBe('not-assessed');
    expect(s.totals).toMatchObject({ earned: 0, deducted: 0, bonus: 0, assessed: 0 });
  });
});

describe('profiles are data validated when they load', () => {
  it('rejects a profile whose threshold is not transcribed as op + percent + text', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { SeedError } = await import('../src/seeds/index.js');
    const { nodeDataSource } = await import('../src/data/node.js');
    const root = mkdtempSync(join(tmpdir(), 'govcat-profiles-'));
    const dir = join(root, 'seeds');
    mkdirSync(join(dir, 'profiles'), { recursive: true });
    const broken = structuredClone(gx2021) as unknown as {
      indicators: { items: { earn?: { when: object }[] }[] }[];
    };
    const c21 = broken.indicators.findIndex((i) => (i as { id?: string }).id === 'C2-1');
    broken.indicators[c21]!.items[0]!.earn![0]!.when = { op: '>', percent: 80 }; // the original text is missing
    writeFileSync(join(dir, 'profiles', 'gx-2021-city.json'), JSON.stringify(broken));
    expect(() => loadProfiles(nodeDataSource(root))).toThrow(SeedError);
    copyFileSync(
      join(import.meta.dirname, '..', 'seeds', 'profiles', 'gy-2018.json'),
      join(dir, 'profiles', 'gx-2021-city.json'),
    );
    expect(() => loadProfiles(nodeDataSource(join(root, 'x')))).not.toThrow();
    expect(() => loadProfiles(nodeDataSource(root))).toThrow(/must equal the file name/);
  });
});

describe('per-finding deductions (C2-2 碎片化数据集: 0.1 each, at most 0.5)', () => {
  const diag = (entry: number, ruleId: string) =>
    ({
      ruleId,
      category: 'naming',
      severity: 'error',
      messageId: 'x',
      message: 'x',
      data: {},
      entry,
      location: {},
    }) as const;
  function run(
    entries: number[],
    ruleIds = ['dataset/fragmentation'],
    flagged = 'dataset/fragmentation',
  ): ScoreIndicator {
    const f = file('shared', { completeness: [10, 10] });
    f.diagnostics = entries.map((e) => diag(e, flagged));
    return indicator(scoreProfile({ profile: gx2021, lang: 'zh', files: [f], ruleIds }), 'C2-2');
  }
  it('counts entries flagged by a matching rule and caps the deduction', () => {
    expect(run([1, 2, 2]).items.find((i) => i.id === 'fragmented')).toMatchObject({
      count: 2,
      deducted: 0.2,
    });
    const eight = run([0, 1, 2, 3, 4, 5, 6, 7]).items.find((i) => i.id === 'fragmented')!;
    expect(eight).toMatchObject({ count: 8, deducted: 0.5 });
    // 8 flagged, cap reached at 5: fixing 4 brings the count to 4 and the deduction to 0.4.
    expect(eight.next).toMatchObject({ need: 4, unit: 'finding', gain: 0.1 });
  });
  it('is not assessed while no enabled rule can detect it', () => {
    const item = run([1], []).items.find((i) => i.id === 'fragmented')!;
    expect(item.status).toBe('not-assessed');
    expect(item.reason).toContain('dataset/fragmentation');
  });
  it('counts fragmentation findings only, not a name that merely carries a time', () => {
    const rules = ['dataset/fragmentation', 'naming/no-time-fragment'];
    const item = run([1, 2], rules, 'naming/no-time-fragment').items.find((i) => i.id === 'fragmented')!;
    expect(item).toMatchObject({ status: 'assessed', count: 0, deducted: 0 });
  });
});

describe('gx-2021-city on an open catalog through the pipeline (D1-1, D2-1 ③, D2-3, D2-4)', () => {
  const entry = (name: string, patch: Record<string, unknown>) => ({
    name,
    provider: '南宁市发展和改革委员会',
    summary: '本市公共充电桩的站点名称、运营单位、地址、经纬度和收费标准。',
    format: ['接口'],
    open: { open: 1, mode: '无条件开放' },
    updateCycle: '每月',
    recordCount: 1842,
    publishDate: '2022-06-30',
    updateDate: '2023-06-01',
    ...patch,
  });
  const catalog = {
    kind: 'open',
    entries: [
      entry('公共充电桩位置信息', {}),
      entry('公共停车场信息', { format: ['数据库-oracle'], recordCount: 6 }),
      entry('旅游景区信息', { format: ['xls', 'json', 'csv'], updateDate: '2023-01-10' }),
      entry('体育场馆信息', {
        format: ['pdf'],
        recordCount: 9,
        updateCycle: '每年',
        publishDate: '2021-06-21',
        updateDate: '2021-12-23',
      }),
    ],
  };

  async function scored(): Promise<Score> {
    const { validateCatalog } = await import('../src/validate.js');
    const report = await validateCatalog(
      { name: 'open.json', catalog: catalog as never },
      { today: '2023-06-18', profile: gx2021 },
    );
    return report.score!;
  }

  it('deducts 0.5 per low-volume data set (D1-1), counted from dataset/low-volume', async () => {
    const item = indicator(await scored(), 'D1-1').items.find((i) => i.id === 'low-volume')!;
    expect(item).toMatchObject({ status: 'assessed', count: 2, deducted: 1 });
  });

  it('gives no points for classification no rule checks in an open catalog (未考核)', async () => {
    const item = indicator(await scored(), 'D2-1').items.find((i) => i.id === 'classification')!;
    expect(item.status).toBe('not-assessed');
    expect(item.reason).toBe('没有规则为开放目录检查这一项');
    expect(item.earned).toBeUndefined();
  });

  it('counts 库表及接口 as structured (D2-3), not spreadsheet or CSV files', async () => {
    const item = indicator(await scored(), 'D2-3').items.find((i) => i.id === 'structured')!;
    expect(item.rate).toMatchObject({ conforming: 2, total: 4 });
  });

  it('counts stale structured data sets against D2-4 when no update log is given', async () => {
    const item = indicator(await scored(), 'D2-4').items.find((i) => i.id === 'timely')!;
    // The API and the database table are structured; neither is stale as of 2023-06-18.
    expect(item.rate).toMatchObject({ conforming: 2, total: 2 });
    const { validateCatalog } = await import('../src/validate.js');
    const report = await validateCatalog(
      { name: 'open.json', catalog: catalog as never },
      { today: '2023-06-18' },
    );
    // Every entry with a cycle and an update date counts for 数据更新率: the xls one (每月, 2023-01-10) and the
    // pdf one (每年, 2021-12-23) are stale.
    expect(report.files[0]!.rates.update).toMatchObject({ conforming: 2, total: 4, source: 'diagnostics' });
    expect(report.files[0]!.rates.update?.failing?.map((f) => f.entry)).toEqual([2, 3]);
  });
});
