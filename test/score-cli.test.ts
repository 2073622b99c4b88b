// govcat score on the command line: profiles, inputs, assessment files, exit codes and one-line errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { catalogOf } from './helpers/catalog.js';
import { runCli } from './helpers/cli.js';

const root = join(import.meta.dirname, '..');
const example = join(root, 'examples', 'nanning-shared-catalog.json');

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-score-'));
  writeFileSync(
    join(dir, 'clean.json'),
    JSON.stringify(
      catalogOf('shared', [
        {},
        { code: '315018001/2', name: '食品生产许可信息' },
        { code: '315018001/3', name: '特殊食品生产许可信息' },
        { code: '315018001/4', name: '食品小作坊登记信息' },
        { code: '315018001/5', name: '食用农产品市场销售主体信息' },
      ]),
    ),
  );
  return dir;
}

describe('govcat score', () => {
  it('prints each indicator with rate, points and the next threshold in Chinese', async () => {
    const r = await runCli(['score', example, '--today', '2021-11-23']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // the example has errors
    expect(r.stdout).toContain(
      '评分：2021年广西政务数据资源管理与应用改革评估指标（设区市）（gx-2021-city）',
    );
    expect(r.stdout).toMatch(
      /C2-1 规范性\s+部分考核\s+基础分 2\.5\s+得分 1\s+扣分 0\.5\s+加分 1\s+小计 1\.5/,
    );
    expect(r.stdout).toMatch(/元数据描述规范合格率\s+58\.3%（7\/12）\s+得 0\s+扣 0\.5\s+加 0/);
    expect(r.stdout).toContain('→ 修正 2 个问题（2 条目录）即可 ≥ 70%，+0.2 分');
    expect(r.stdout).toContain('D2-1 规范性  不适用  没有开放目录');
    expect(r.stdout).not.toContain('entries[10].providerCode'); // findings are listed by validate, or with --findings
    const withFindings = await runCli(['score', example, '--findings']);
    expect(withFindings.stdout).toContain('entries[10].providerCode');
  });

  it('speaks English with --lang en', async () => {
    const r = await runCli(['score', example, '--lang', 'en']);
    expect(r.stdout).toContain('Score: Guangxi 2021 assessment indicators for cities');
    expect(r.stdout).toContain('not applicable');
  });

  it('exits 0 on a clean catalog and scores the input lists', async () => {
    const dir = workdir();
    writeFileSync(
      join(dir, 'published.csv'),
      '资源代码\n315018001/1\n315018001/2\n315018001/3\n315018001/4\n',
    );
    writeFileSync(
      join(dir, 'interfaces.json'),
      JSON.stringify([{ 接口名称: '食品经营许可查询', 检查结果: '合格' }]),
    );
    const r = await runCli(
      [
        'score',
        'clean.json',
        '--published',
        'published.csv',
        '--interfaces',
        'interfaces.json',
        '-f',
        'json',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(getValidator(SCHEMA_IDS.report)(report)).toBe(true);
    const b21 = report.score.indicators.find((i: { id: string }) => i.id === 'B2-1');
    const published = b21.items.find((i: { id: string }) => i.id === 'published');
    // 4/5 = 80 % exactly: “高于80%（含）” earns 4 points.
    expect(published).toMatchObject({ rate: { conforming: 4, total: 5 }, earned: 4, deducted: 0, bonus: 0 });
    expect(published.next).toMatchObject({ need: 1, threshold: '> 90% / ≥ 100%', gain: 1 });
    const iface = report.score.indicators.find((i: { id: string }) => i.id === 'C2-1').items[3];
    expect(iface).toMatchObject({ id: 'interface', earned: 1, bonus: 0.5 });
  });

  it('computes X/Y/ALL of the 2019 profile from an assessment file', async () => {
    const dir = workdir();
    const indicators: Record<string, object> = {};
    for (const id of ['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'C1', 'C2', 'C3'])
      indicators[id] = { deducted: 1 };
    indicators.A1 = { missing: true, points: 20 };
    for (const id of ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'E1', 'E2'])
      indicators[id] = { bonus: 1 };
    writeFileSync(join(dir, 'assessment.json'), JSON.stringify({ profile: 'gx-2019-xy', indicators }));
    const r = await runCli(
      ['score', 'clean.json', '--profile', 'gx-2019-xy', '--assessment', 'assessment.json'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    // M = 80, N = 1.25, deductions 11 → X = 86.25; Y = 10; ALL = 96.25.
    expect(r.stdout).toContain(
      'X = 86.25（M = 80，N = 1.25，扣分 11），Y = 10，总分 ALL = 96.25，等级“非常高”',
    );
    expect(r.stdout).toContain('列入红榜');
  });

  it('shows the Guiyang grade as not assessed', async () => {
    const r = await runCli(['score', join(workdir(), 'clean.json'), '--profile', 'gy-2018']);
    expect(r.stdout).toContain('等级：未考核（原文未给出各等级的分数线，等级未考核）');
  });

  it('accepts a profile file (another province is a new file) and rejects unknown profiles', async () => {
    const dir = workdir();
    const profile = {
      id: 'demo-province',
      title: '某省目录质量考核',
      basis: '示例',
      indicators: [
        {
          id: 'Q1',
          title: '命名',
          basis: '示例',
          kinds: ['shared'],
          basePoints: 1,
          maxDeduction: 1,
          maxBonus: 0,
          items: [
            {
              type: 'rate',
              id: 'naming',
              label: '命名合格率',
              rate: 'naming',
              earn: [{ points: 1, when: { op: '>=', percent: 95, text: '达到95%得1分' } }],
            },
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'demo.json'), JSON.stringify(profile));
    const ok = await runCli(['score', 'clean.json', '--profile', 'demo.json'], { cwd: dir });
    expect(ok.stdout).toMatch(/Q1 命名\s+已考核\s+基础分 1\s+得分 1/);
    const bad = await runCli(['score', 'clean.json', '--profile', 'gx-2030'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'govcat：未知的评分档案“gx-2030”：可用 gx-2019-xy、gx-2021-city、gy-2018，或给出档案文件路径\n',
    );
  });

  it('gives one-line errors with exit 2 for bad lists, periods and assessment files', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'log.csv'), '数据资源代码,备注\n315018001/1,x\n');
    writeFileSync(join(dir, 'bad-assessment.json'), JSON.stringify({ indicators: { Z9: { deducted: 1 } } }));
    const cases: [string[], RegExp][] = [
      [['--published', 'missing.csv'], /^govcat：找不到清单文件 missing\.csv（input\/not-found）\n$/],
      [['--updates', 'log.csv'], /^govcat：清单文件 log\.csv 缺少 “更新日期” \/ “应更新次数” 列/],
      [['--period', '2021-12-31..2021-01-01'], /^govcat：--period“2021-12-31\.\.2021-01-01”无效/],
      [['--rate-severities', 'error,fatal'], /^govcat：--rate-severities“error,fatal”无效/],
      [
        ['--assessment', 'bad-assessment.json'],
        /^govcat：评估文件 bad-assessment\.json 中的指标 Z9 不在档案 gx-2021-city 中\n$/,
      ],
    ];
    for (const [args, pattern] of cases) {
      const r = await runCli(['score', 'clean.json', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(pattern);
      expect(r.stdout).toBe('');
    }
  });

  it('lets validate take the same lists and count warnings with --rate-severities', async () => {
    const dir = workdir();
    writeFileSync(
      join(dir, 'mounted.csv'),
      '数据资源代码,挂载状态\n315018001/1,已挂载\n315018001/2,未挂载\n',
    );
    const r = await runCli(
      ['validate', 'clean.json', '--mounted', 'mounted.csv', '--rate-severities', 'error,warning'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('数据资源挂载完成率 20.0%（1/5）');
  });
});
