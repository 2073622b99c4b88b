// Browser tests on a machine without Chromium: skipped with a notice, so `npm test` passes on a fresh machine;
// under CI=true they must run, so a missing Chromium fails the run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './helpers/browser.js';

const root = join(import.meta.dirname, '..');

describe('browserAvailable', () => {
  const missing = { path: '/nonexistent/chromium', exists: () => false };

  it('is true when Chromium is there, whatever CI says', () => {
    expect(
      browserAvailable('s', { path: '/usr/bin/chromium', exists: () => true, env: { CI: 'true' } }),
    ).toBe(true);
  });

  it('skips with a printed notice when Chromium is missing outside CI', () => {
    const notices: string[] = [];
    for (const env of [{}, { CI: 'false' }, { CI: '' }]) {
      expect(browserAvailable('html report', { ...missing, env, warn: (m) => notices.push(m) })).toBe(false);
    }
    expect(notices).toHaveLength(3);
    expect(notices[0]).toMatch(/^html report: skipped, \/nonexistent\/chromium not found/);
  });

  it('fails under CI=true, where the browser tests must run', () => {
    expect(() =>
      browserAvailable('html report', { ...missing, env: { CI: 'true' }, warn: () => {} }),
    ).toThrow(/CI=true requires the browser tests to run/);
  });
});

describe('the HTML report test on a machine without Chromium', () => {
  const vitest = (env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/html.test.ts'],
      {
        cwd: root,
        env: { ...process.env, GOVCAT_CHROMIUM: '/nonexistent/chromium', CI: '', ...env },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );

  it('passes with its tests skipped and says why; fails under CI=true', () => {
    const fresh = vitest({});
    expect(fresh.status).toBe(0);
    expect(`${fresh.stdout}${fresh.stderr}`).toContain('html report (test/html.test.ts): skipped');
    expect(fresh.stdout).toMatch(/3 skipped/);
    const ci = vitest({ CI: 'true' });
    expect(ci.status).not.toBe(0);
    expect(`${ci.stdout}${ci.stderr}`).toContain('CI=true requires the browser tests to run');
  }, 240_000);
});
