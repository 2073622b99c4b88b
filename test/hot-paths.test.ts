// Fast paths of per-value helpers answer exactly as the plain computations they short-cut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../src/rules/helpers/text.js';
import { methodKindsOf } from '../src/rules/helpers/values.js';
import { loadSeeds } from '../src/seeds/index.js';
import type { Vocabulary } from '../src/seeds/vocabulary.js';
import { memoize } from '../src/util/maps.js';

const seeds = loadSeeds();

/** Characters catalogs are made of, and the ones folding cares about. */
const pieces = fc.constantFrom(
  '人口',
  '信息',
  '无',
  '暂无',
  '测试',
  '/',
  '-',
  ' ',
  '\u3000',
  '\t',
  'N/A',
  'n/a',
  'Ｎ／Ａ',
  '（',
  '）',
  '、',
  '，',
  '。',
  '《',
  '》',
  '“',
  '”',
  '：',
  '；',
  '！',
  '？',
  'Ａ',
  'ｂ',
  'C(18)',
  'c',
  '字符型',
  '每日',
  '每天',
  '1',
  '１',
  'ＡＢ',
  'İ',
  'Ⅻ',
  '﹏',
  '\u{20000}',
  'SQL Server',
  '共享平台',
  '邮件',
  '无条件共享',
);
const text = fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 8 }).map((a) => a.join(''));

describe('hot-path helpers keep their answers', () => {
  it('foldText equals NFKC, dropping spaces, punctuation and symbols, lower-casing', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(foldText(t)).toBe(
          t
            .normalize('NFKC')
            .replace(/[\s\p{P}\p{S}]+/gu, '')
            .toLowerCase(),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('vocabulary lookups (first-character rejection, memo) equal the full lookup', () => {
    const vocabs = [...seeds.vocabularies.values()];
    fc.assert(
      fc.property(text, fc.constantFrom(...vocabs), (t, vocab: Vocabulary) => {
        const full = (vocab as unknown as { find(raw: string): unknown }).find(t);
        expect(vocab.lookup(t)).toEqual(full);
        // Asked twice (the memo answers the second time).
        expect(vocab.lookup(t)).toEqual(full);
      }),
      { numRuns: 3000 },
    );
    for (const vocab of vocabs) {
      for (const term of vocab.terms) {
        for (const spelling of [
          String(term.value),
          term.label,
          ...(term.forms ?? []),
          ...(term.synonyms ?? []),
        ]) {
          if (spelling === undefined) continue;
          expect(vocab.lookup(spelling), `${vocab.id}: ${spelling}`).toBeDefined();
        }
      }
    }
  });

  it('method kinds are the same for a text however often it is asked', () => {
    const first = methodKindsOf(seeds, '共享平台（服务接口）');
    expect([...methodKindsOf(seeds, '共享平台（服务接口）')]).toEqual([...first]);
    expect(first.size).toBeGreaterThan(0);
  });

  it('memoize returns the function’s value, remembers falsy values, and stays bounded', () => {
    let calls = 0;
    const f = memoize((k: string) => {
      calls++;
      return k === 'none' ? undefined : k.length;
    }, 3);
    expect(f('ab')).toBe(2);
    expect(f('ab')).toBe(2);
    expect(f('none')).toBeUndefined();
    expect(f('none')).toBeUndefined();
    expect(calls).toBe(2);
    for (const k of ['a', 'b', 'c', 'd']) f(k);
    expect(f('ab')).toBe(2);
    expect(calls).toBe(7);
  });
});
