// Advisory guard (the registry here answers no `npm audit`): version floors and the SheetJS build hash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string; name?: string }>;
};

function version(name: string): string {
  const v = lock.packages[`node_modules/${name}`]?.version;
  if (!v) throw new Error(`${name} not in package-lock.json`);
  return v;
}

function atLeast(actual: string, floor: string): boolean {
  const a = actual.split('.').map(Number);
  const f = floor.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (f[i] ?? 0)) return (a[i] ?? 0) > (f[i] ?? 0);
  }
  return true;
}

describe('dependencies', () => {
  it('use fixed versions of packages with known advisories', () => {
    // SheetJS: CVE-2023-30533 (prototype pollution, fixed 0.19.3), CVE-2024-22363 (ReDoS, fixed 0.20.2).
    expect(lock.packages['node_modules/xlsx']?.name).toBe('@e965/xlsx');
    expect(atLeast(version('xlsx'), '0.20.2')).toBe(true);
    // fast-xml-parser: entity-expansion advisories fixed in 5.5.7.
    expect(atLeast(version('fast-xml-parser'), '5.5.7')).toBe(true);
    expect(atLeast(version('ajv'), '8.18.0')).toBe(true);
    // leven: 4.x is the ESM line with closest-match and maxDistance (the nearest-header suggestions use it).
    expect(atLeast(version('leven'), '4.1.0')).toBe(true);
    // tinyglobby matches the glob inputs with picomatch: ReDoS and POSIX-class advisories fixed in 4.0.4
    // (CVE-2026-33671, GHSA-c2c7-rcm5-vvqj, GHSA-3v7f-55p6-f55p).
    expect(atLeast(version('tinyglobby'), '0.2.17')).toBe(true);
    expect(atLeast(version('picomatch'), '4.0.4')).toBe(true);
  });

  it('ship the audited SheetJS build', () => {
    const hash = createHash('sha256')
      .update(readFileSync(join(root, 'node_modules', 'xlsx', 'xlsx.mjs')))
      .digest('hex');
    expect(hash).toBe('1a0fb062ee9781b13f6687371b202aaefc53b6ce55b530c027e01f9c087b77db');
  });

  it('pin vitest and its coverage plugin to the same version', () => {
    expect(version('@vitest/coverage-v8')).toBe(version('vitest'));
  });
});
