// validate --baseline: findings marked new or existing against an earlier report or version; exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/generated/schema-types.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { runCli } from './helpers/cli.js';
import { nextSharedVersion, sharedExample } from './helpers/versions.js';

let dir: string;
const OPTS = ['--today', '2024-01-01', '--no-config'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-baseline-'));
  const old = sharedExample();
  writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
  writeFileSync(join(dir, 'new.json'), JSON.stringify(nextSharedVersion(old)));
  const fixed = structuredClone(old);
  fixed.entries[6]!.providerCode = '11450100MB1A38261B';
  writeFileSync(join(dir, 'fixed.json'), JSON.stringify(fixed));
  // The same entries in reverse order: every row moves, nothing else changes.
  writeFileSync(join(dir, 'reversed.json'), JSON.stringify({ ...old, entries: [...old.entries].reverse() }));
  const r = await runCli(['validate', 'old.json', '-f', 'json', '-o', 'old-report.json', ...OPTS], {
    cwd: dir,
  });
  expect(r.code).toBe(1);
});

const marks = (report: Report) =>
  report.files[0]!.findings.filter((f) => f.baseline === 'new').map(
    (f) => `${f.ruleId}@${f.resourceCode ?? f.entryName}`,
  );

describe('validate --baseline', () => {
  it('marks the new findings of the next version and exits 1 for its new errors', async () => {
    const r = await runCli(['validate', 'new.json', '--baseline', 'old-report.json', '-f', 'json', ...OPTS], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(getValidator(SCHEMA_IDS.report)(report)).toBe(true);
    expect(marks(report)).toEqual([
      'metadata/vocabulary-synonym@202001001/9',
      'code/sequence-gaps@202001001/9',
      'field/unique-name@202001001/2',
      'code/sequence-gaps@202001001/2',
      'code/prefix-matches-classification@101002001/1',
      'schema/required@公共自行车站点信息',
      'metadata/date-valid@公共自行车站点信息',
    ]);
    expect(report.summary.baseline).toEqual({
      file: 'old-report.json',
      new: 7,
      newErrors: 4,
      newWarnings: 3,
      existing: 6,
      fixed: 4,
    });
  });

  it('accepts a version that did not get worse (exit 0 although it still has errors)', async () => {
    const plain = await runCli(['validate', 'fixed.json', ...OPTS], { cwd: dir });
    expect(plain.code).toBe(1);
    const r = await runCli(['validate', 'fixed.json', '--baseline', 'old-report.json', ...OPTS], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '与基线 old-report.json 相比：新增发现 0 个（其中错误 0 个），已有发现 8 个，已修正 2 个',
    );
  });

  it('matches by rule, code and field, not by row: a reordered catalog adds no error', async () => {
    const r = await runCli(
      ['validate', 'reversed.json', '--baseline', 'old-report.json', '-f', 'json', ...OPTS],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.baseline).toMatchObject({ new: 1, newErrors: 0, existing: 9, fixed: 1 });
    // The one move is real: provider-code-consistent flags the later of two differing codes, now the other entry.
    expect(marks(report)).toEqual(['metadata/provider-code-consistent@315015001/1']);
  });

  it('takes the previous version of the catalog itself as the baseline', async () => {
    const viaReport = await runCli(
      ['validate', 'new.json', '--baseline', 'old-report.json', '-f', 'json', ...OPTS],
      { cwd: dir },
    );
    const viaCatalog = await runCli(
      ['validate', 'new.json', '--baseline', 'old.json', '-f', 'json', ...OPTS],
      {
        cwd: dir,
      },
    );
    expect(viaCatalog.code).toBe(1);
    const a = JSON.parse(viaReport.stdout) as Report;
    const b = JSON.parse(viaCatalog.stdout) as Report;
    expect(marks(b)).toEqual(marks(a));
    expect({ ...b.summary.baseline, file: '' }).toEqual({ ...a.summary.baseline, file: '' });
  });

  it('marks SARIF results with baselineState', async () => {
    const r = await runCli(['validate', 'new.json', '--baseline', 'old.json', '-f', 'sarif', ...OPTS], {
      cwd: dir,
    });
    const states = JSON.parse(r.stdout).runs[0].results.map(
      (x: { baselineState: string }) => x.baselineState,
    );
    expect(states.filter((s: string) => s === 'new')).toHaveLength(7);
    expect(states.filter((s: string) => s === 'unchanged')).toHaveLength(6);
  });

  it('exits 2 with one line when the baseline cannot be read', async () => {
    const r = await runCli(['validate', 'new.json', '--baseline', 'missing.json', ...OPTS], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('基线文件 missing.json 无法读取');
  });
});
