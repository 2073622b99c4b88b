// The bench's statistics of paired runs: the median and its distribution-free 95 % interval (order statistics).
import { describe, expect, it } from 'vitest';
import { median, medianInterval } from '../bench/lib/paired.mjs';

describe('bench paired statistics', () => {
  it('takes the median of odd and even lists, whatever their order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('gives the ranks of the binomial table: none below 6 values, then 1–6, 2–8 of 9, 6–15 of 20', () => {
    const ranks = (n: number) => {
      const values = Array.from({ length: n }, (_, i) => n - i);
      const ci = medianInterval(values);
      return ci && [ci.low, ci.high];
    };
    expect(ranks(5)).toBeUndefined();
    expect(ranks(6)).toEqual([1, 6]);
    expect(ranks(8)).toEqual([1, 8]);
    expect(ranks(9)).toEqual([2, 8]);
    expect(ranks(12)).toEqual([3, 10]);
    expect(ranks(20)).toEqual([6, 15]);
    // A lower level narrows the interval.
    expect(medianInterval([1, 2, 3, 4, 5, 6, 7, 8, 9], 0.8)).toEqual({ low: 3, high: 7, level: 0.8 });
  });
});
