// package.json's repository, homepage and bugs fields agree with each other and with README's install steps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  repository?: { type: string; url: string };
  homepage?: string;
  bugs?: { url: string };
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('package metadata', () => {
  it('names one repository in repository, homepage, bugs and README', () => {
    expect(pkg.repository?.type).toBe('git');
    const m = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(pkg.repository?.url ?? '');
    expect(m, 'repository.url is git+https://github.com/<owner>/<name>.git').not.toBeNull();
    const base = m![1]!;
    expect(pkg.homepage).toBe(`${base}#readme`);
    expect(pkg.bugs?.url).toBe(`${base}/issues`);
    // The install step and the pre-commit example use the same address.
    expect(readme).toContain(`npm install "git+${base}.git#<tag or full commit>"`);
    expect(readme).toMatch(new RegExp(`- repo: ${base.replace(/[.]/g, '\\.')}\\s`));
    expect(readme).not.toContain('no public repository');
  });
});
