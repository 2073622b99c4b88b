// Statistics of paired runs for the benchmark: the median of per-pair ratios and its distribution-free interval.

/** The median of a list of numbers. */
export function median(list) {
  const s = [...list].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
function binomialHalfCdf(n, k) {
  let term = 0.5 ** n;
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term = (term * (n - i + 1)) / i;
    sum += term;
  }
  return sum;
}

/**
 * The distribution-free interval of the median (order statistics): the widest-ranked pair x(j) … x(n+1−j) of the
 * sorted values that covers the true median with probability ≥ `level`. Undefined when n is too small for that
 * level (fewer than 6 values at 95 %). No assumption on the shape of the noise, only that pairs are independent.
 */
export function medianInterval(values, level = 0.95) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  let j = 0;
  while (j + 1 <= n / 2 && 1 - 2 * binomialHalfCdf(n, j) >= level) j++;
  if (j === 0) return undefined;
  return { low: s[j - 1], high: s[n - j], level };
}
