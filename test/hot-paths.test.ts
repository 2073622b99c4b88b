// Fast paths of per-value helpers answer exactly as the plain computations they short-cut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DepartmentSet } from '../src/rules/helpers/names.js';
import { charCount, foldText, onlyIdeographsLettersDigits } from '../src/rules/helpers/text.js';
import { checkUscc, USCC_CHARSET } from '../src/rules/helpers/uscc.js';
import { isPlaceholder, meaningful, methodKindsOf } from '../src/rules/helpers/values.js';
import { loadSeeds } from '../src/seeds/index.js';
import { unionOf } from '../src/seeds/rule-data.js';
import type { Vocabulary } from '../src/seeds/vocabulary.js';
import { memoize, Repeats } from '../src/util/maps.js';

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

  it('placeholder checks (first character of the raw value, the vocabulary kept at hand) equal the full lookup', () => {
    const placeholder = seeds.vocab('placeholder');
    const plain = (value: unknown): string | undefined => {
      if (typeof value !== 'string' && typeof value !== 'number') return undefined;
      const t = String(value).trim();
      return t === '' ? undefined : t;
    };
    const value = fc.oneof(text, fc.integer(), fc.constantFrom(null, undefined, true, {}, ['无']));
    fc.assert(
      fc.property(value, (v) => {
        const t = plain(v);
        const hit =
          t !== undefined && (placeholder as unknown as { find(raw: string): unknown }).find(t) !== undefined;
        expect(isPlaceholder(seeds, v)).toBe(hit);
        expect(meaningful(seeds, v)).toBe(t === undefined || hit ? undefined : t);
      }),
      { numRuns: 3000 },
    );
    // Another seeds object is not answered with the first one's vocabulary.
    const other = loadSeeds({ vocabularies: { placeholder: [{ value: '待定中' }] } });
    expect(isPlaceholder(other, '待定中')).toBe(true);
    expect(isPlaceholder(seeds, '待定中')).toBe(false);
  });

  it('the longest known department a text starts with equals trying every length', () => {
    const names = fc.array(
      fc
        .array(fc.constantFrom('南宁市', '教育局', '局', '科', '卫生', '委员会', 'a'), {
          minLength: 1,
          maxLength: 4,
        })
        .map((a) => a.join('')),
      { maxLength: 6 },
    );
    const head = fc
      .array(fc.constantFrom('南宁市', '教育局', '局', '科', '卫生', '委员会', '信息', 'a', 'b'), {
        maxLength: 6,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(names, head, fc.integer({ min: -1, max: 32 }), (list, t, max) => {
        const set = new DepartmentSet();
        for (const n of list) set.add(n);
        let expected = 0;
        for (let end = max; end >= 2; end--)
          if (list.includes(t.slice(0, end)) && t.slice(0, end).length === end) {
            expected = end;
            break;
          }
        expect(set.longestPrefix(t, max)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('charCount counts code points as for…of does (surrogate pairs once, lone surrogates once)', () => {
    const units = fc.array(
      fc.oneof(text, fc.constantFrom('\u{20000}', '\ud800', '\udc00', '\ud83d\ude00', 'a\ud800b')),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(units, (parts) => {
        const t = parts.join('');
        expect(charCount(t)).toBe([...t].length);
      }),
      { numRuns: 3000 },
    );
  });

  it('the plain-name check holds only for texts whose every character is a letter or digit', () => {
    const word = /^[\p{L}\p{N}]*$/u;
    // Every character of the range it accepts without a regular expression is a letter.
    for (let c = 0x4e00; c <= 0x9fff; c++) expect(word.test(String.fromCharCode(c))).toBe(true);
    fc.assert(
      fc.property(text, (t) => {
        if (onlyIdeographsLettersDigits(t)) expect(word.test(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(onlyIdeographsLettersDigits('人口信息2024')).toBe(true);
    expect(onlyIdeographsLettersDigits('人口 信息')).toBe(false);
    expect(onlyIdeographsLettersDigits('人口（信息）')).toBe(false);
  });

  it('one scan for any time pattern says no exactly when every pattern says no', () => {
    const { naming } = seeds.ruleData;
    expect(naming.anyTimeFragment).toBeDefined();
    expect(naming.anyTimeSeries).toBeDefined();
    const timePieces = fc.constantFrom(
      '2019年',
      '二〇一九年',
      '201906',
      '第一季度',
      'Q3',
      '上半年',
      '12月份',
      '十一月',
      '1978年以来',
      '1993-2021年',
      '以1980年为100',
      '每月',
      '满6月',
      '人口',
      '信息',
      '-',
      '至',
      ' ',
      'a',
      '3',
    );
    const named = fc.array(fc.oneof(timePieces, pieces), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(named, (t) => {
        expect(naming.anyTimeFragment!.test(t)).toBe(naming.timeFragments.some((p) => p.re.test(t)));
        expect(naming.anyTimeSeries!.test(t)).toBe(naming.timeSeries.some((p) => p.re.test(t)));
      }),
      { numRuns: 3000 },
    );
    // Patterns that refer back to a group, or differ in flags, are not joined.
    const compiled = (source: string, flags = 'u') => ({
      id: 'x',
      label: { zh: 'x', en: 'x' },
      re: new RegExp(source, flags),
      global: new RegExp(source, `${flags}g`),
    });
    expect(unionOf([compiled('(a)\\1'), compiled('b')])).toBeUndefined();
    expect(unionOf([compiled('a', 'u'), compiled('b', 'ui')])).toBeUndefined();
    expect(unionOf([compiled('a'), compiled('b')])!.test('xb')).toBe(true);
  });

  it('the USCC check by character table answers as the check by code point', () => {
    const value = new Map([...USCC_CHARSET].map((ch, i) => [ch, i]));
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const plain = (code: string) => {
      if (code.length !== 18) return { problem: 'length' };
      for (const ch of code) if (!value.has(ch)) return { problem: 'charset' };
      let sum = 0;
      for (let i = 0; i < 17; i++) sum += value.get(code[i]!)! * weights[i]!;
      const expected = USCC_CHARSET[(31 - (sum % 31)) % 31];
      return expected === code[17] ? undefined : { problem: 'check', expected };
    };
    const ch = fc.oneof(
      fc.constantFrom(...USCC_CHARSET),
      fc.constantFrom('I', 'O', 'a', '-', '\u{20000}', '\ud800', 'Ａ'),
    );
    fc.assert(
      fc.property(fc.array(ch, { minLength: 16, maxLength: 19 }), (chars) => {
        const code = chars.join('');
        expect(checkUscc(code)).toEqual(plain(code));
      }),
      { numRuns: 5000 },
    );
    expect(checkUscc('91450100198230781C')).toEqual(plain('91450100198230781C'));
  });

  it('repeated keys are found as one map of lists over every key finds them, in the same order', () => {
    const pair = fc.tuple(
      fc.constantFrom('', '南宁市教育局', '南宁市民政局', 'a'),
      fc.constantFrom('人口', '人口信息', '学校', 'b', ''),
    );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 40 }), (pairs) => {
        const repeats = new Repeats();
        const plain = new Map<string, number[]>();
        pairs.forEach(([scope, key], i) => {
          repeats.add(scope, key, i);
          const k = JSON.stringify([scope, key]);
          plain.set(k, [...(plain.get(k) ?? []), i]);
        });
        expect(repeats.groups()).toEqual([...plain.values()].filter((l) => l.length > 1));
      }),
      { numRuns: 2000 },
    );
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
