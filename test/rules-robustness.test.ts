// Property tests: any entry, however malformed, gets findings (never a crash) in plain Chinese, with a known
// rule id and category, located at a real entry — never raw ajv text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/generated/schema-types.js';
import { registryRules } from '../src/rules/registry.js';
import { SCHEMA_RULES } from '../src/rules/schema-check.js';
import { validateCatalog } from '../src/validate.js';
import { baseEntry } from './helpers/catalog.js';

const known = new Set([...registryRules().map((r) => r.meta.id), ...SCHEMA_RULES.map((r) => r.id)]);
const CATEGORIES = new Set([
  'naming',
  'metadata',
  'completeness',
  'classification',
  'code',
  'field',
  'dataset',
]);

/** Values a spreadsheet or a careless export puts into a field. */
const messy = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '无',
    '/',
    '-',
    'N/A',
    '测试',
    '每天',
    '部分共享',
    '2021-02-30',
    '2021/7/13',
    'C(18',
    '0',
  ),
  fc.constantFrom('315018001/1', '315018001-2', '3-15-018-001', '11450100MB0H76326A', '青秀区学校花名册'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 400 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('type', 'name', 'condition', 'method', 'open', 'fieldName'),
    fc.string({ maxLength: 8 }),
    {
      maxKeys: 3,
    },
  ),
);

const FIELDS = [
  'classification',
  'name',
  'code',
  'provider',
  'providerCode',
  'summary',
  'format',
  'items',
  'share',
  'open',
  'updateCycle',
  'publishDate',
  'relatedCodes',
  'recordCount',
  'updateDate',
] as const;

/** A base entry with some fields replaced by messy values (or deleted). */
const entry = (kind: 'shared' | 'open') =>
  fc.dictionary(fc.constantFrom(...FIELDS), messy, { maxKeys: 5 }).map((patch) => {
    const out: Record<string, unknown> = { ...baseEntry(kind) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete out[k];
      else out[k] = v;
    }
    return out;
  });

function check(findings: readonly Finding[], entries: number): void {
  for (const f of findings) {
    expect(known.has(f.ruleId), f.ruleId).toBe(true);
    expect(CATEGORIES.has(f.category)).toBe(true);
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    // What remains once the user's own values are taken out must be our wording, fully filled in.
    let own = f.message;
    for (const v of Object.values(f.data ?? {}).sort((a, b) => String(b).length - String(a).length))
      if (String(v) !== '') own = own.split(String(v)).join('');
    expect(own, f.message).not.toMatch(/\{\{|\}\}|\bmust\b|\bshould\b|undefined|\[object Object\]/);
    expect(f.entry === null || (f.entry >= 0 && f.entry < entries)).toBe(true);
  }
}

describe('rules on arbitrary input', () => {
  for (const kind of ['shared', 'open'] as const) {
    it(`${kind} catalogs: every finding is a readable Chinese message of a known rule`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(entry(kind), { minLength: 1, maxLength: 6 }), async (entries) => {
          const report = await validateCatalog(
            { catalog: { kind, entries } as never },
            { today: '2021-11-23' },
          );
          check(report.files[0]!.findings, entries.length);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('survives entries that are not objects and items that are not objects', async () => {
    const report = await validateCatalog(
      {
        catalog: {
          kind: 'shared',
          entries: [null, 5, 'x', { ...baseEntry('shared'), items: [null, 3, 'C(18)'] }],
        } as never,
      },
      { today: '2021-11-23' },
    );
    const findings = report.files[0]!.findings;
    check(findings, 4);
    expect(findings.filter((f) => f.entry === 3).map((f) => f.location.field)).toEqual(
      expect.arrayContaining(['items[0]', 'items[1]', 'items[2]']),
    );
  });
});
