// The real-portal corpus (test/data/real-data): every file read whole, as the right kind, every published
// value mapped; and the labeled findings, joined with what the rules report today, measure precision.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CORPUS_DIR,
  corpusFiles,
  joinLabels,
  MIN_ERROR_RULE_PRECISION,
  MIN_PRECISION,
  precision,
  readLabels,
  runCorpus,
  staleRecall,
} from '../scripts/real.mjs';
import { headerIndex } from '../src/model/headers.js';
import * as staleness from '../src/rules/helpers/staleness.js';
import { loadSeeds } from '../src/seeds/index.js';
import { createSession, readSource, validateCatalog } from '../src/validate.js';

interface CorpusFinding {
  ruleId: string;
  severity: string;
  messageId: string;
  entry: number | null;
  name: string;
  field: string;
}
interface CorpusResult {
  file: string;
  today: string;
  published: number;
  read: number;
  kind: string | null;
  kindReason: string;
  kindSource: string;
  error?: string;
  findings: CorpusFinding[];
}

/**
 * Columns some portals publish that are no catalog metadata govcat knows (nor does the portal header mapping):
 * kept under extra and reported once as unknown columns.
 */
const NOT_METADATA: Record<string, string> = {
  资源目录: 'jiangsu_suzhou: the sub-portal (district or department) the entry is listed under',
  场景分类: 'jiangsu_yancheng: an application scenario tag',
  文件数: 'guangxi_baise: the number of files attached (2 entries)',
};

const seeds = loadSeeds();
const index = headerIndex(seeds.headerAliases);
let results: CorpusResult[] = [];

beforeAll(async () => {
  results = (await runCorpus(validateCatalog)) as CorpusResult[];
}, 180_000);

function records(file: string): Record<string, unknown>[] {
  return JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as Record<string, unknown>[];
}

/** Whether a portal published a value: not null, not blank, not an empty list (portals print `[]` as text too). */
function published(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  const text = String(value).trim();
  return text !== '' && !/^\[\s*\]$/.test(text);
}

describe('the real-portal corpus', () => {
  it('holds the 13 portals of its README', () => {
    expect(corpusFiles()).toHaveLength(13);
    expect(results.reduce((n, r) => n + r.published, 0)).toBe(18_569);
  });

  it('reads every entry each portal published, as an open catalog, detected from its columns', () => {
    for (const r of results) {
      expect([r.file, r.error, r.read]).toEqual([r.file, undefined, r.published]);
      expect([r.file, r.kind, r.kindSource]).toEqual([r.file, 'open', 'detected']);
    }
  });

  it('maps every column a portal publishes to a field, a known column, or a listed non-metadata column', () => {
    const unmapped = new Set<string>();
    for (const file of corpusFiles()) {
      const name = file.slice(CORPUS_DIR.length + 1);
      const rows = records(name);
      const overrides = index.overridesFor(Object.keys(rows[0] ?? {}));
      for (const row of rows)
        for (const [key, value] of Object.entries(row)) {
          if (!published(value)) continue;
          if (index.resolve(key, undefined, 'open', overrides) || index.knownColumn(key)) continue;
          if (!NOT_METADATA[key]) unmapped.add(`${name}: ${key}`);
        }
    }
    expect([...unmapped]).toEqual([]);
  });

  it('reports no value missing that the portal published', () => {
    const wrong: string[] = [];
    for (const r of results) {
      const rows = records(r.file);
      const overrides = index.overridesFor(Object.keys(rows[0] ?? {}));
      for (const f of r.findings) {
        if (f.entry === null || !/^schema\/(required|min-items)$/.test(f.ruleId)) continue;
        const field = `/${f.field.replace(/\./g, '/')}`;
        for (const [key, value] of Object.entries(rows[f.entry]!)) {
          if (published(value) && index.resolve(key, undefined, 'open', overrides) === field)
            wrong.push(`${r.file} #${f.entry} ${f.field} ← ${key}=${JSON.stringify(value)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('precision on the labeled sample', () => {
  it('has at least 400 labeled findings still firing, across at least 8 portals, for every rule that fires', () => {
    const joined = joinLabels(results, readLabels());
    expect(joined.length).toBeGreaterThanOrEqual(400);
    expect(new Set(joined.map((j) => j.file)).size).toBeGreaterThanOrEqual(8);
    const labeled = new Set(joined.map((j) => j.finding.ruleId));
    const firing = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
    expect([...firing].filter((id) => !labeled.has(id))).toEqual([]);
  });

  it('gives every label a verdict and a reason', () => {
    const bad = readLabels().filter(
      (l: { verdict: string; reason: string }) =>
        !['right', 'wrong'].includes(l.verdict) || l.reason.length < 8,
    );
    expect(bad).toEqual([]);
  });

  it('is at least 95 % overall, and at least 90 % for every rule at error severity', () => {
    const prec = precision(joinLabels(results, readLabels()));
    expect(prec.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    const low = [...prec.byRule]
      .filter(([, s]) => s.severity === 'error' && s.right / s.total < MIN_ERROR_RULE_PRECISION)
      .map(([id, s]) => `${id}: ${s.right}/${s.total}`);
    expect(low).toEqual([]);
  });
});

describe('staleness on the corpus', () => {
  it('flags at least 90 % of the entries older than twice their own cycle', async () => {
    const lib = { createSession, readSource, ...staleness };
    const recall = await staleRecall(lib, results);
    expect(recall.old).toBeGreaterThan(1000);
    expect(recall.recall).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('judges Nanning as of its crawl day, 2023-06-17: stale entries are the ones past their cycle', () => {
    const nanning = results.find((r) => r.file === 'guangxi_nanning.json')!;
    expect(nanning.today).toBe('2023-06-17');
    const stale = nanning.findings.filter((f) => f.ruleId === 'dataset/stale-update');
    // 每年 entries last updated on 2021-12-31 fell due on 2022-12-31; every monthly one updated in 2022 is late.
    expect(stale.length).toBeGreaterThan(30);
    expect(stale.every((f) => f.severity === 'error' && f.field === 'updateDate')).toBe(true);
  });
});
