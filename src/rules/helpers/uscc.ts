// Unified social credit code (统一社会信用代码, GB 32100-2015): check character and structure.

/** The 31 characters of the code, in value order (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const VALUE = new Map([...USCC_CHARSET].map((ch, i) => [ch, i]));

/** The check character for the first 17 characters, or undefined if they contain invalid characters. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17[i]!);
    if (v === undefined) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[check];
}

/** Result of checking a code. */
export type UsccProblem = 'length' | 'charset' | 'check';

/** Checks a code; returns undefined when valid, else what is wrong (and the expected check character). */
export function checkUscc(code: string): { problem: UsccProblem; expected?: string } | undefined {
  if (code.length !== 18) return { problem: 'length' };
  for (const ch of code) if (!VALUE.has(ch)) return { problem: 'charset' };
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return expected ? { problem: 'check', expected } : { problem: 'charset' };
  return undefined;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character of an organization code (GB 11714, positions 9–17 of a USCC) from its first 8 chars. */
export function orgCodeCheckChar(first8: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(first8)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
