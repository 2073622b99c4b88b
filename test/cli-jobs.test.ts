// `govcat validate a b c --jobs n`: worker threads give exactly the report and exit code of one thread.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jobCost,
  jobsFor,
  type MachineProbe,
  othersBusy,
  planJobs,
  predictedCpuMs,
  predictedMs,
  predictedWallMs,
} from '../src/cli/parallel.js';
import { useNodeData } from '../src/data/node.js';
import { packageRoot } from '../src/paths.js';
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
    expect(planJobs(workbooks, { cores: 2, load: 1 })).toBe(1);
    // More cores, more workers, never more than files.
    expect(planJobs(workbooks, { cores: 8, load: 0 })).toBe(4);
    // The model's CPU is linear in size, per format; a workbook keeps more than one core busy on its own.
    expect(predictedCpuMs({ format: 'csv', bytes: 2 * mib })).toBe(2 * jobCost().cpuMsPerMiB.csv!);
    expect(predictedCpuMs({ format: 'xlsx', bytes: mib })).toBeGreaterThan(
      predictedCpuMs({ format: 'csv', bytes: mib }),
    );
    expect(predictedMs({ format: 'xlsx', bytes: mib })).toBeLessThan(
      predictedCpuMs({ format: 'xlsx', bytes: mib }),
    );
    // With one free core, a workbook gets one core.
    expect(predictedMs({ format: 'xlsx', bytes: mib }, 1)).toBe(
      predictedCpuMs({ format: 'xlsx', bytes: mib }),
    );
  });

  it('plans from the costs it is given: start-up, cores per file, the longest file and the margin', () => {
    // 1 s of CPU per MiB, one core per file, a pool that starts in 100 ms, no margin beyond "faster".
    const cost = {
      ...jobCost(),
      cpuMsPerMiB: { csv: 1000 },
      coresPerFile: { csv: 1 },
      poolStartMs: 100,
      margin: 1,
    };
    const mib = 1048576;
    const two = [
      { format: 'csv', bytes: mib },
      { format: 'csv', bytes: mib },
    ];
    // 2000 ms on one thread; 100 + 2000 / 2 = 1100 ms on two.
    expect(predictedWallMs(two, 1, { cores: 2, load: 0 }, cost)).toBe(2000);
    expect(predictedWallMs(two, 2, { cores: 2, load: 0 }, cost)).toBe(1100);
    expect(planJobs(two, { cores: 2, load: 0 }, cost)).toBe(2);
    // Half a core busy: 100 + 2000 / 1.5.
    expect(predictedWallMs(two, 2, { cores: 2, load: 0.5 }, cost)).toBeCloseTo(100 + 2000 / 1.5);
    expect(planJobs(two, { cores: 2, load: 0.5 }, cost)).toBe(2);
    // A pool cannot end before its longest file: one 10 MiB file and a small one gain only the small one.
    const uneven = [
      { format: 'csv', bytes: 10 * mib },
      { format: 'csv', bytes: mib / 10 },
    ];
    expect(predictedWallMs(uneven, 2, { cores: 2, load: 0 }, cost)).toBe(100 + 10_000);
    expect(planJobs(uneven, { cores: 2, load: 0 }, cost)).toBe(1);
    // A margin of 0.5 asks for twice as fast: 1100 / 2000 is not enough.
    expect(planJobs(two, { cores: 2, load: 0 }, { ...cost, margin: 0.5 })).toBe(1);
    // A start-up longer than what the pool saves: one thread.
    expect(planJobs(two, { cores: 2, load: 0 }, { ...cost, poolStartMs: 1000 })).toBe(1);
    // Files that keep two cores busy each gain nothing from a second worker on two cores.
    expect(planJobs(two, { cores: 2, load: 0 }, { ...cost, coresPerFile: { csv: 2 } })).toBe(1);
    expect(planJobs(two, { cores: 4, load: 0 }, { ...cost, coresPerFile: { csv: 2 } })).toBe(2);
  });

  it('reads the machine only as far as the decision needs', async () => {
    const calls: string[] = [];
    const machine = (load: number, busy: number): MachineProbe => ({
      cores: () => 2,
      loadAverage: () => {
        calls.push('load');
        return load;
      },
      sampleBusy: async (ms) => {
        calls.push(`sample ${ms}`);
        return busy;
      },
    });
    const two = ['rows.csv', 'portal.csv'];
    // The fixtures are small: with the real costs even an idle machine would not repay a pool, so nothing is read.
    expect(await jobsFor(two, undefined, dir, machine(0, 0))).toBe(1);
    expect(await jobsFor(two, 2, dir, machine(0, 0))).toBe(2);
    expect(calls).toEqual([]);
    // Costs that make the same files worth a pool (long runs: far above sampleWorth × sampleMs).
    const slow = { ...jobCost(), cpuMsPerMiB: { csv: 1e9 }, coresPerFile: { csv: 1 } };
    // An idle load average: the pool, without a sample.
    expect(await jobsFor(two, undefined, dir, machine(0, 0), slow)).toBe(2);
    expect(calls).toEqual(['load']);
    // A busy load average (e.g. earlier runs that have ended): the CPU is sampled, and the sample decides.
    calls.length = 0;
    expect(await jobsFor(two, undefined, dir, machine(1.9, 0.1), slow)).toBe(2);
    expect(await jobsFor(two, undefined, dir, machine(1.9, 1.5), slow)).toBe(1);
    expect(calls).toEqual(['load', `sample ${jobCost().sampleMs}`, 'load', `sample ${jobCost().sampleMs}`]);
    // A run too short to pay for a sample keeps the load average's answer.
    calls.length = 0;
    const short = { ...slow, cpuMsPerMiB: { csv: 1 }, poolStartMs: 0, margin: 1 };
    expect(await jobsFor(two, undefined, dir, machine(1.9, 0), short)).toBe(1);
    expect(calls).toEqual(['load']);
  });

  it('takes its constants from seeds/jobs.json, checked by its schema', () => {
    const root = mkdtempSync(join(tmpdir(), 'govcat-jobs-seed-'));
    const seed = JSON.parse(readFileSync(join(packageRoot(), 'seeds', 'jobs.json'), 'utf8'));
    const write = (data: unknown) => {
      mkdirSync(join(root, 'seeds'), { recursive: true });
      cpSync(join(packageRoot(), 'schemas'), join(root, 'schemas'), { recursive: true });
      writeFileSync(join(root, 'seeds', 'jobs.json'), JSON.stringify(data));
    };
    const two = [
      { format: 'csv', bytes: 4 * 1048576 },
      { format: 'csv', bytes: 4 * 1048576 },
    ];
    try {
      expect(planJobs(two, { cores: 2, load: 0 })).toBe(2);
      // A pool that takes a minute to start is never worth it.
      write({ ...seed, poolStartMs: 60_000 });
      useNodeData(root);
      expect(jobCost().poolStartMs).toBe(60_000);
      expect(planJobs(two, { cores: 2, load: 0 })).toBe(1);
      // A seed that breaks its schema is refused with the file's name.
      write({ ...seed, margin: 2 });
      useNodeData(root);
      expect(() => jobCost()).toThrow(/jobs\.json.*margin/);
    } finally {
      useNodeData();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('counts the cores other processes keep busy, leaving its own CPU out', () => {
    // 150 ms of busy CPU over 100 ms of wall, 50 of them this process's own: one other core busy.
    expect(othersBusy(150, 50, 100)).toBe(1);
    expect(othersBusy(20, 40, 100)).toBe(0);
    expect(othersBusy(100, 0, 0)).toBe(0);
  });
});
