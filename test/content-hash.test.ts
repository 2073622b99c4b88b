// contentHash: the fingerprint naming/duplicate-in-provider keeps per entry instead of the entry. Equal for
// values whose JSON with sorted keys is the same text, different otherwise (on every pair tried).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../src/util/content-hash.js';

/** JSON with object keys sorted (what the rule compared before it kept fingerprints). */
function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const json = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.integer({ min: -3, max: 3 }),
    fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  ),
  array: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'name', 'items'), tie('node'), { maxKeys: 3 }),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
})).node;

describe('contentHash', () => {
  it('ignores key order and undefined members, tells types and nesting apart', () => {
    expect(contentHash({ a: 1, b: ['x', { c: null }] })).toBe(contentHash({ b: ['x', { c: null }], a: 1 }));
    expect(contentHash({ a: 1, u: undefined })).toBe(contentHash({ a: 1 }));
    expect(contentHash([undefined])).toBe(contentHash([null]));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: '1' }));
    expect(contentHash({ a: [] })).not.toBe(contentHash({ a: {} }));
    expect(contentHash({ a: { b: 1 } })).not.toBe(contentHash({ a: 1, b: 1 }));
    expect(contentHash(['ab', 'c'])).not.toBe(contentHash(['a', 'bc']));
    expect(contentHash({ name: '企业登记信息' })).not.toBe(contentHash({ name: '企业登记资料' }));
  });

  it('is equal exactly when the JSON with sorted keys is', () => {
    // The rule hashes entries' data: never undefined itself.
    const value = json.filter((v) => v !== undefined);
    fc.assert(
      fc.property(value, value, (x, y) => {
        expect(contentHash(x) === contentHash(y)).toBe(canonicalJson(x) === canonicalJson(y));
      }),
      { numRuns: 3000 },
    );
  });
});
