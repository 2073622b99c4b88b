// `govcat validate a b c --jobs n`: worker threads give exactly the report and exit code of one thread.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_COST, jobsFor, planJobs, predictedMs } from '../src/cli/parallel.js';
import { runCli } from './helpers/cli.js';
import {
  canonicalJson,
  itemsSheetLayout,
  portalLayout,
  rowPerItemCsv,
  templateLayout,
} from './helpers/layouts.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-jobs-'));
  writeFileSync(join(dir, 'template.xlsx'), templateLayout().bytes);
  writeFileSync(join(dir, 'items.xlsx'), itemsSheetLayout().bytes);
  writeFileSync(join(dir, 'rows.csv'), rowPerItemCsv('gb18030').bytes);
  writeFileSync(join(dir, 'portal.csv'), portalLayout('csv').bytes);
  writeFileSync(join(dir, 'canonical.json'), canonicalJson());
  writeFileSync(join(dir, 'broken.json'), '{"entries": [');
  // A directory with its own configuration (warnings for a rule, a different code separator).
  mkdirSync(join(dir, 'sub'));
  writeFileSync(
    join(dir, 'sub', 'govcat.config.json'),
    JSON.stringify({
      rules: { 'naming/no-time-fragment': 'warning', 'metadata/summary-informative': 'off' },
    }),
  );
  writeFileSync(join(dir, 'sub', 'template.xlsx'), templateLayout().bytes);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = [
  'template.xlsx',
  'items.xlsx',
  'rows.csv',
  'portal.csv',
  'canonical.json',
  'broken.json',
  'missing.xlsx',
  'sub/template.xlsx',
];

describe('validate --jobs', () => {
  it.each([
    ['json', []],
    ['stylish', []],
    ['sarif', []],
    ['json', ['--quiet', '--max-warnings', '0']],
    ['json', ['--rate-severities', 'error,warning', '--lang', 'en']],
    ['json', ['--kind', 'shared', '--max-entries', '30']],
  ] as const)('format %s %j: the same output and exit code on 1 and 3 threads', async (format, extra) => {
    const args = ['validate', ...files, '--format', format, '--today', '2024-06-30', ...extra];
    const one = await runCli([...args, '--jobs', '1'], { cwd: dir });
    const three = await runCli([...args, '--jobs', '3'], { cwd: dir });
    expect(three.code).toBe(one.code);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    expect(one.code).toBe(2);
  });

  it('ends on a bad configuration as one thread does', async () => {
    writeFileSync(
      join(dir, 'sub', 'govcat.config.json'),
      JSON.stringify({ rules: { 'no/such-rule': 'error' } }),
    );
    try {
      const args = ['validate', 'template.xlsx', 'sub/template.xlsx', '--format', 'json'];
      const one = await runCli([...args, '--jobs', '1'], { cwd: dir });
      const two = await runCli([...args, '--jobs', '2'], { cwd: dir });
      expect(one.code).toBe(2);
      expect(two).toEqual(one);
    } finally {
      writeFileSync(join(dir, 'sub', 'govcat.config.json'), '{}');
    }
  });

  it('takes a positive integer; by default workers only for big files, never more threads than files', async () => {
    for (const bad of ['0', '-1', '1.5', 'x']) {
      const r = await runCli(['validate', 'template.xlsx', '--jobs', bad], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await jobsFor(['template.xlsx'], undefined, dir)).toBe(1);
    expect(await jobsFor(['a', 'b', 'c', 'd', 'e'], 2, dir)).toBe(2);
    expect(await jobsFor(['a', 'b'], 8, dir)).toBe(2);
    // Small files are validated in process by default.
    expect(await jobsFor(files, undefined, dir)).toBe(1);
  });

  it('decides the default from the cost model: workers only where they are predicted to repay their start-up', () => {
    const idle2 = { cores: 2, load: 0 };
    const mib = 1048576;
    // One file, or small files: one thread (a worker's start-up would cost more than it saves).
    expect(planJobs([{ format: 'xlsx', bytes: 50 * mib }], idle2)).toBe(1);
    expect(
      planJobs(
        Array.from({ length: 8 }, () => ({ format: 'csv', bytes: 0.6 * mib })),
        idle2,
      ),
    ).toBe(1);
    // Four 10k-entry workbooks on an idle 2-core machine: two workers.
    const workbooks = Array.from({ length: 4 }, () => ({ format: 'xlsx', bytes: 1.8 * mib }));
    expect(planJobs(workbooks, idle2)).toBe(2);
    // The same on a machine whose cores are busy with other work: one thread.
    expect(planJobs(workbooks, { cores: 2, load: 2 })).toBe(1);
    // More cores, more workers, never more than files.
    expect(planJobs(workbooks, { cores: 8, load: 0 })).toBe(4);
    // The model's prediction is linear in size, per format.
    expect(predictedMs({ format: 'csv', bytes: 2 * mib })).toBe(2 * JOB_COST.msPerMiB.csv!);
    expect(predictedMs({ format: 'xlsx', bytes: mib })).toBeGreaterThan(
      predictedMs({ format: 'csv', bytes: mib }),
    );
  });
});
