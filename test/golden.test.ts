// Golden reports: every example, fixture, bench and real-portal catalog prints byte for byte the report stored
// under test/golden/ (regenerate deliberately with `npm run golden -- --update`).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import {
  GOLDEN_DIR,
  goldenCases,
  goldenFile,
  goldenOutput,
  goldenText,
  makeBenchDir,
} from '../scripts/golden.mjs';
import { run } from '../src/cli/run.js';

interface GoldenCase {
  name: string;
  argv: string[];
  digest?: boolean;
}

const cases: GoldenCase[] = goldenCases();
let benchDir = '';

beforeAll(async () => {
  benchDir = await makeBenchDir();
});
afterAll(() => {
  if (benchDir) rmSync(benchDir, { recursive: true, force: true });
});

describe('golden reports', () => {
  it('cover examples, fixtures, bench and real catalogs, and no stale file is left', () => {
    const names = cases.map((c) => c.name);
    for (const prefix of [
      'validate.examples__',
      'validate.test__fixtures__',
      'validate.bench__',
      'validate.real__',
    ])
      expect(names.some((n) => n.startsWith(prefix))).toBe(true);
    const stored = readdirSync(GOLDEN_DIR).sort();
    expect(stored).toEqual(cases.map((c) => basename(goldenFile(c))).sort());
  });
  for (const kase of cases) {
    it(kase.name, async () => {
      const out = await goldenOutput(kase, run, benchDir);
      const expected = readFileSync(goldenFile(kase), 'utf8');
      expect(goldenText(kase, out)).toBe(expected);
    }, 60_000);
  }
});
