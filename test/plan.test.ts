// score --plan: the listed fixes, applied to the catalog and scored again, gain exactly the predicted points.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog, PlanStep, Report } from '../src/generated/schema-types.js';
import { validateCatalog } from '../src/index.js';
import { loadProfiles } from '../src/indicators/index.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { catalogOf } from './helpers/catalog.js';
import { runCli } from './helpers/cli.js';

const NAMES = [
  '食品经营许可信息',
  '食品生产许可信息',
  '药品经营许可信息',
  '医疗器械经营备案信息',
  '特种设备使用登记信息',
  '工业产品生产许可信息',
  '计量器具检定信息',
  '广告经营许可信息',
  '企业年度报告信息',
  '个体工商户登记信息',
  '农民专业合作社登记信息',
  '商标质押登记信息',
  '产品质量监督抽查信息',
  '认证机构审批信息',
  '检验检测机构资质认定信息',
  '网络交易平台备案信息',
  '直销企业备案信息',
  '价格违法行为处罚信息',
  '消费投诉举报信息',
  '重要工业产品质量信息',
];
const PROVIDERS = ['南宁市市场监督管理局食品经营监管科', '南宁市市场监督管理局登记注册处'];
const GOOD_CODE = '11450100MB0H76326Q';
const BAD_CODE = '11450100MB0H76327Q';
const TEST_NAMED = new Set([1, 4, 7, 12, 15]);
const BAD_PROVIDER_CODE = new Set([2, 9, 18]);

/** 20 entries of two departments: five named like test data (naming), three with a wrong check digit (metadata). */
function catalog(): Catalog {
  return catalogOf(
    'shared',
    NAMES.map((name, i) => ({
      name: TEST_NAMED.has(i) ? `测试数据${i}` : name,
      code: `315018001/${i + 1}`,
      provider: PROVIDERS[i % 2],
      providerCode: BAD_PROVIDER_CODE.has(i) ? BAD_CODE : GOOD_CODE,
    })),
  ) as unknown as Catalog;
}

/** What a department does for each finding the plan lists. */
function applyStep(c: Catalog, step: PlanStep): Catalog {
  const out = structuredClone(c);
  for (const p of step.providers)
    for (const e of p.entries)
      for (const f of e.findings) {
        const entry = out.entries[e.entry]!;
        if (f.ruleId === 'naming/no-test-name') entry.name = NAMES[e.entry]!;
        else if (f.ruleId === 'metadata/provider-code-check') entry.providerCode = GOOD_CODE;
        else throw new Error(`no fix for ${f.ruleId}`);
      }
  return out;
}

const profile = loadProfiles().get('gx-2021-city')!;
const net = async (c: Catalog) =>
  (await validateCatalog({ name: 'c.json', catalog: c }, { profile, today: '2024-01-01' })).score!.totals.net;

describe('score --plan', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-plan-'));
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog()));
  const r = await runCli(
    ['score', 'catalog.json', '--plan', '-f', 'json', '--today', '2024-01-01', '--no-config'],
    {
      cwd: dir,
    },
  );
  const report = JSON.parse(r.stdout) as Report;
  const plan = report.plan!;

  it('lists the fixes that gain most first, each with its rate before → after', () => {
    expect(getValidator(SCHEMA_IDS.report)(report)).toBe(true);
    expect(
      plan.steps.map((s) => [
        s.indicator,
        s.item,
        s.entries,
        s.findings,
        s.before?.conforming,
        s.after?.conforming,
        s.gain,
      ]),
    ).toEqual([
      // 元数据 17/20 = 85 %: two fixes reach 95 % (> 90 %), +0.5 bonus.
      ['C2-1', 'metadata', 2, 2, 17, 19, 0.5],
      // 命名 15/20 = 75 % (< 80 %, −0.3): one fix reaches 80 %, the deduction goes.
      ['C2-1', 'naming', 1, 1, 15, 16, 0.3],
    ]);
  });

  it('groups each step by provider', () => {
    const naming = plan.steps.find((s) => s.item === 'naming')!;
    expect(naming.providers.map((p) => [p.provider, p.entries.map((e) => e.entry)])).toEqual([
      ['南宁市市场监督管理局登记注册处', [1]],
    ]);
    const metadata = plan.steps.find((s) => s.item === 'metadata')!;
    expect(metadata.providers.map((p) => [p.provider, p.entries.map((e) => e.entry)])).toEqual([
      // Providers with most entries first, then in pinyin order (登记 before 食品).
      ['南宁市市场监督管理局登记注册处', [9]],
      ['南宁市市场监督管理局食品经营监管科', [2]],
    ]);
  });

  it('gains exactly what score gives after applying the listed fixes', async () => {
    const before = await net(catalog());
    expect(before).toBe(report.score!.totals.net);
    for (const step of plan.steps)
      expect(await net(applyStep(catalog(), step)), step.item).toBe(before + step.gain);
  });

  it('prints the plan in Chinese under the score', async () => {
    const text = await runCli(['score', 'catalog.json', '--plan', '--today', '2024-01-01', '--no-config'], {
      cwd: dir,
    });
    expect(text.stdout).toContain('修正计划（gx-2021-city，得分最多的在前）');
  });
});
