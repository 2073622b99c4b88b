// Unified social credit code (统一社会信用代码, GB 32100-2015): check character and structure.

/** The 31 characters of the code, in value order (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** Each character's value by its (ASCII) code, -1 for characters not in the code. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) VALUE[USCC_CHARSET.charCodeAt(i)] = i;

/** The value of the UTF-16 unit at `i`, or -1 when it is not a character of the code. */
function valueAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? VALUE[c]! : -1;
}

/** The check character for the first 17 characters of `code` (all valid ones), or undefined. */
function checkCharOf(code: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueAt(code, i);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** The check character for the first 17 characters, or undefined if they contain invalid characters. */
export function usccCheckChar(first17: string): string | undefined {
  return first17.length === 17 ? checkCharOf(first17) : undefined;
}

/** Result of checking a code. */
export type UsccProblem = 'length' | 'charset' | 'check';

/** Checks a code; returns undefined when valid, else what is wrong (and the expected check character). */
export function checkUscc(code: string): { problem: UsccProblem; expected?: string } | undefined {
  if (code.length !== 18) return { problem: 'length' };
  for (let i = 0; i < 18; i++) if (valueAt(code, i) < 0) return { problem: 'charset' };
  const expected = checkCharOf(code);
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
