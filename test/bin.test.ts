// The installed executable, as a real process: exit codes and a one-line error without a stack trace.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'govcat.js');

function govcat(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('bin/govcat.js', () => {
  it('validates the bundled example and exits 1 on its findings', () => {
    const r = govcat('validate', 'examples/nanning-shared-catalog.json');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('12 条目录');
  });

  it('exits 2 with one Chinese line on a missing file', () => {
    const r = govcat('validate', 'missing.xlsx', '--format', 'json');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).files[0].error.message).toBe('找不到文件 missing.xlsx，请检查路径是否正确');
    expect(r.stderr).toBe('');
  });

  it('exits 2 on a usage error, on stderr, one line', () => {
    const r = govcat('validate');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('缺少参数');
  });
});
