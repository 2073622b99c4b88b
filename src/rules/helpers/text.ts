// Pure text helpers shared by rules: trimming, folding for comparison, script tests.

const FOLD_DROP = /[\s\p{P}\p{S}]+/gu;
const HAN = /\p{Script=Han}/u;

/** A scalar as trimmed text, or undefined when it is not text/number or is blank. */
export function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/**
 * Folds text for comparisons: NFKC (full-width letters, digits and punctuation become half-width),
 * whitespace, punctuation and symbols removed, ASCII lower-cased. “食品 经营（许可）” and “食品经营许可” meet.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(FOLD_DROP, '').toLowerCase();
}

/** Whether the text contains a Chinese (Han) character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Joins values for a message, at most `max` of them, then “等 N 个” / “and N more”. */
export function listForMessage(values: readonly (string | number)[], max = 5, sep = '、'): string {
  const shown = values.slice(0, max).join(sep);
  return values.length > max ? `${shown}${sep}…（${values.length}）` : shown;
}

/** Counts characters as people do (code points, so a CJK extension character counts once). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
